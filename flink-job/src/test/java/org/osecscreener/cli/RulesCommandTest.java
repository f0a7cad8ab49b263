package org.osecscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.rules.RuleBundleEvent;
import org.osecscreener.rules.RuleBundleLoader;

/** {@code rules diff}, {@code rules default} and {@code rules validate}. */
class RulesCommandTest {
    static final String PACK = new String(RuleBundleLoader.defaultBundleText(), StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    static ValidateRulesCommandTest.Result run(String... args) {
        return ValidateRulesCommandTest.run(args);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Replaces {@code from} in {@code text}, failing if it is not there (so a changed pack shows here, not as a weak test). */
    static String edit(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    @Test
    void diff_listsEveryKindOfChangeInWords_andExitsOne() throws IOException {
        String a = edit(PACK, "suppressions: []", """
                suppressions:
                  - {kind: SENDER, id: S-1, expires: 2026-06-01, reason: "investigated 2026-03, family support confirmed"}
                  - {kind: BENEFICIARY, id: B-7, reason: "registered school"}""");
        String b = edit(a, "version: 1", "version: 2");
        b = edit(b, "approvedBy: \"OSEC Screener maintainers (illustrative defaults, not an institution's approval)\"",
                "approvedBy: \"Head of Financial Crime, Remitter A\"");
        b = edit(b, "effectiveFrom: 2020-01-01", "effectiveFrom: 2026-04-01");
        b = edit(b, "  PHP: 0.0172", "  PHP: 0.018");
        b = edit(b, "  MYR: 0.22\n", "  MYR: 0.22\n  KES: 0.0077\n");
        b = edit(b, "FI, NZ, JP, SG]", "FI, JP, SG, KR]");
        b = edit(b, "    TH: 0.7\n", "    TH: 0.8\n");
        b = edit(b, "    - gift\n", "    - pocket money\n"); // in both lists that hold it: cover_words and cover_stories
        b = edit(b, "  registered_charities: []", "  registered_charities: [B-ORG-1, B-ORG-7]");
        b = edit(b, "  odd_hours:\n    weight: 0.4", "  odd_hours:\n    enabled: false\n    weight: 0.4");
        b = b.replaceFirst("(?m)^  alert: 0\\.75$", "  alert: 0.8"); // scoring.alert only, the first
        b = b.replaceFirst("(?s)(recurring_small_to_cluster:.*?minCount: )4", "$15");
        b = b.replaceFirst("(?s)\n  round_amount:\n.*?COP: 10000\n", "\n");
        b = edit(b, "  - {kind: SENDER, id: S-1, expires: 2026-06-01,", "  - {kind: SENDER, id: S-1, expires: 2027-01-01,");
        b = edit(b, "  - {kind: BENEFICIARY, id: B-7, reason: \"registered school\"}",
                "  - {kind: CLUSTER, id: C-9, expires: 2026-03-01, reason: \"cleared\"}");
        b = edit(b, "value: child exploitation}", "value: child sexual exploitation}");
        Path fa = write("a.yaml", a);
        Path fb = write("b.yaml", b);

        var r = run("rules", "diff", fa.toString(), fb.toString(), "--on", "2026-11-20");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.FINDINGS);
        assertThat(r.out()).contains(
                "A: osec-default@1 (" + fa + ")",
                "B: osec-default@2 (" + fb + ")",
                "Metadata\n  version: 1 → 2\n",
                "approvedBy: 'OSEC Screener maintainers (illustrative defaults, not an institution''s approval)' → 'Head of Financial Crime, Remitter A'",
                "effectiveFrom: 2020-01-01 → 2026-04-01",
                "FX rates\n  PHP: 0.0172 → 0.018\n  KES: added (0.0077)\n",
                "Countries\n  demandSide: added KR; removed NZ (18 → 18 entries)\n  sourceSide.TH: 0.7 → 0.8\n",
                "Keyword lists\n  cover_words: added 'pocket money'; removed gift (12 → 12 entries)\n"
                        + "  cover_stories: added 'pocket money'; removed gift (11 → 11 entries)\n",
                "Id lists\n  registered_charities: added B-ORG-1, B-ORG-7 (0 → 2 entries)\n",
                "recurring_small_to_cluster.minCount: 4 → 5",
                "odd_hours.enabled: true → false (switched off)",
                "round_amount: removed (the detector no longer runs)",
                "Scoring\n  alert: 0.75 → 0.8\n",
                "SENDER S-1.expires: 2026-06-01 → 2027-01-01 (extended)",
                "BENEFICIARY B-7: removed (it had no expiry)",
                "CLUSTER C-9: added (expires 2026-03-01, reason cleared); already expired on 2026-03-01",
                "Reporting key terms\n  AMLC predicate crime coding.placements: [{field: 'STR predicate crime', value: 'child exploitation'}]"
                        + " → [{field: 'STR predicate crime', value: 'child sexual exploitation'}]",
                "Notes (not differences)\n  suppression CLUSTER C-9 expired on 2026-03-01 and no longer applies on 2026-11-20; it is still listed in B",
                "18 differences (suppressions judged on 2026-11-20)");
        assertThat(r.out()).doesNotContain("small_amount").doesNotContain("description");

        var json = run("rules", "diff", "--json", "--on", "2026-11-20", fa.toString(), fb.toString());
        assertThat(json.code()).isEqualTo(Main.FINDINGS);
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("a").get("bundle").asText()).isEqualTo("osec-default@1");
        assertThat(doc.get("suppressionsJudgedOn").asText()).isEqualTo("2026-11-20");
        assertThat(doc.get("differences")).hasSize(18);
        assertThat(doc.get("differences")).anySatisfy(d -> {
            assertThat(d.get("section").asText()).isEqualTo("Detectors");
            assertThat(d.get("path").asText()).isEqualTo("recurring_small_to_cluster.minCount");
            assertThat(d.get("change").asText()).isEqualTo("changed");
            assertThat(d.get("before").asText()).isEqualTo("4");
            assertThat(d.get("after").asText()).isEqualTo("5");
        });
        assertThat(doc.get("notes")).hasSize(1);
    }

    @Test
    void diff_sameBundleWrittenDifferently_hasNoDifferences_andExitsZero() throws Exception {
        Path yaml = write("pack.yaml", PACK);
        Path json = write("pack.json", new RuleBundleLoader().toJson(RuleBundleLoader.defaultBundle()));
        var r = run("rules", "diff", yaml.toString(), json.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("no differences");
        // a detector's default written out makes no difference either
        Path explicit = write("explicit.yaml", edit(PACK, "  odd_hours:\n    weight: 0.4", "  odd_hours:\n    enabled: true\n    weight: 0.4"));
        assertThat(run("rules", "diff", yaml.toString(), explicit.toString()).code()).isEqualTo(Main.OK);
    }

    @Test
    void diff_invalidBundle_listsItsErrorsAndExitsOne_missingFileExitsTwo() throws IOException {
        Path good = write("good.yaml", PACK);
        Path bad = write("bad.yaml", edit(PACK, "  review: 0.55", "  review: 0.9"));
        var r = run("rules", "diff", good.toString(), bad.toString());
        assertThat(r.code()).isEqualTo(Main.FINDINGS);
        assertThat(r.out()).startsWith("1 error in bad.yaml").contains("scoring.review");
        var missing = run("rules", "diff", good.toString(), dir.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(missing.err()).contains("cannot read").contains("no such file");
        assertThat(run("rules", "diff", good.toString()).code()).as("B missing").isEqualTo(Main.USAGE_OR_IO);
    }

    @Test
    void default_printsTheShippedPackExactly_andWritesItToAFileWithoutOverwriting() throws IOException {
        var r = run("rules", "default");
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).isEqualTo(PACK).contains("# OSEC Screener default rule pack.");
        Path f = dir.resolve("team/rules.yaml");
        var w = run("rules", "default", "--output", f.toString());
        assertThat(w.code()).isEqualTo(Main.OK);
        assertThat(Files.readAllBytes(f)).isEqualTo(RuleBundleLoader.defaultBundleText());
        Files.writeString(f, "edited");
        var again = run("rules", "default", "--output", f.toString());
        assertThat(again.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(again.err()).contains("exists").contains("--force");
        assertThat(Files.readString(f)).isEqualTo("edited");
        assertThat(run("rules", "default", "--output", f.toString(), "--force").code()).isEqualTo(Main.OK);
        assertThat(Files.readAllBytes(f)).isEqualTo(RuleBundleLoader.defaultBundleText());
    }

    @Test
    void validate_isValidateRules_withTheFilesDigest() throws IOException {
        Path f = write("pack.yaml", PACK);
        var viaRules = run("rules", "validate", f.toString());
        var old = run("validate-rules", f.toString());
        assertThat(viaRules.code()).isEqualTo(Main.OK);
        assertThat(viaRules.out()).isEqualTo(old.out())
                .contains("sha256:         " + RuleBundleEvent.sha256(RuleBundleLoader.defaultBundleText()));
        Path bad = write("bad.yaml", edit(PACK, "  review: 0.55", "  review: 0.9"));
        assertThat(run("rules", "validate", bad.toString()).code()).isEqualTo(Main.FINDINGS);
        assertThat(run("rules").code()).as("a rules command is required").isEqualTo(Main.USAGE_OR_IO);
    }
}
