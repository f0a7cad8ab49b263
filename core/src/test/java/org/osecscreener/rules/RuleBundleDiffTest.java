package org.osecscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** What {@code rules diff} reports, over every detector type and section of the format. */
class RuleBundleDiffTest {
    static final RuleBundleLoader LOADER = new RuleBundleLoader();
    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate ON = LocalDate.of(2026, 11, 20);

    static ObjectNode tree(RuleBundle b) throws Exception {
        return (ObjectNode) JSON.readTree(LOADER.toJson(b));
    }

    static RuleBundle load(ObjectNode tree) throws Exception {
        return LOADER.load("b.json", JSON.writeValueAsBytes(tree));
    }

    @Test
    void everyDetectorOfTheShippedPack_switchedOff_isReportedByName_withoutCodePerType() throws Exception {
        RuleBundle a = RuleBundleLoader.defaultBundle();
        List<String> types = new ArrayList<>();
        for (DetectorConfig c : a.detectors().present()) {
            if (c.enabled()) {
                types.add(c.type());
            }
        }
        assertThat(types).hasSizeGreaterThan(10);
        for (String type : types) {
            ObjectNode t = tree(a);
            ((ObjectNode) t.get("detectors").get(type)).put("enabled", false);
            RuleBundleDiff d = RuleBundleDiff.of(a, load(t), ON, LOADER);
            assertThat(d.differences()).as(type).singleElement().satisfies(x -> {
                assertThat(x.section()).isEqualTo("Detectors");
                assertThat(x.path()).isEqualTo(type + ".enabled");
                assertThat(x.text()).isEqualTo(type + ".enabled: true → false (switched off)");
            });
        }
    }

    @Test
    void everySectionOfSettings_isComparedFieldByField_underItsOwnHeading() throws Exception {
        RuleBundle a = RuleBundleLoader.defaultBundle();
        ObjectNode t = tree(a);
        int changed = 0;
        for (var it = t.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isObject() || List.of("detectors", "countries", "fxRates", "keywords", "idLists", "reporting")
                    .contains(e.getKey())) {
                continue;
            }
            // a section of settings (scoring and any added later): change its first integer field by one if valid
            for (var f = e.getValue().fields(); f.hasNext(); ) {
                var field = f.next();
                if (field.getValue().isInt()) {
                    ObjectNode copy = tree(a);
                    ((ObjectNode) copy.get(e.getKey())).put(field.getKey(), field.getValue().asInt() + 1);
                    RuleBundle b;
                    try {
                        b = load(copy);
                    } catch (RuleBundleException invalid) {
                        continue; // out of range for this field: try the next
                    }
                    RuleBundleDiff d = RuleBundleDiff.of(a, b, ON, LOADER);
                    assertThat(d.differences()).singleElement().satisfies(x -> assertThat(x.text())
                            .isEqualTo(field.getKey() + ": " + field.getValue().asInt() + " → " + (field.getValue().asInt() + 1)));
                    changed++;
                    break;
                }
            }
        }
        assertThat(changed).as("sections with an integer setting").isPositive();
    }

    @Test
    void suppressions_areMatchedByKindAndId_andJudgedExpiredOnTheGivenDay() throws Exception {
        RuleBundle a = RuleBundleLoader.defaultBundle();
        ObjectNode ta = tree(a);
        ta.putArray("suppressions").add(JSON.readTree("{\"kind\":\"SENDER\",\"id\":\"S-1\",\"expires\":\"2026-12-01\",\"reason\":\"cleared\"}"));
        ObjectNode tb = ta.deepCopy();
        ((ObjectNode) tb.get("suppressions").get(0)).put("reason", "cleared again");
        RuleBundle x = load(ta);
        RuleBundle y = load(tb);
        assertThat(RuleBundleDiff.of(x, y, ON, LOADER).differences()).extracting(RuleBundleDiff.Difference::text)
                .containsExactly("SENDER S-1.reason: cleared → 'cleared again'");
        assertThat(RuleBundleDiff.of(x, y, ON, LOADER).notes()).isEmpty();
        assertThat(RuleBundleDiff.of(x, y, LocalDate.of(2026, 12, 1), LOADER).notes()).singleElement().asString()
                .contains("S-1 expired on 2026-12-01");
        assertThat(RuleBundleDiff.of(x, x, ON, LOADER).same()).isTrue();
        assertThat(RuleBundleDiff.of(x, a, LocalDate.of(2027, 1, 1), LOADER).differences()).extracting(RuleBundleDiff.Difference::text)
                .containsExactly("SENDER S-1: removed (it expired on 2026-12-01)");
    }

    @Test
    void sameBundleFromYamlAndCanonicalJson_hasNoDifferences() throws Exception {
        RuleBundle yaml = LOADER.load("pack.yaml", RuleBundleLoader.defaultBundleText());
        RuleBundle json = LOADER.load("pack.json", LOADER.toJson(yaml).getBytes(StandardCharsets.UTF_8));
        RuleBundleDiff d = RuleBundleDiff.of(yaml, json, ON, LOADER);
        assertThat(d.same()).isTrue();
        assertThat(d.toText("pack.yaml", "pack.json")).contains("no differences");
    }
}
