package org.osecscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBundleLoaderTest {
    private static final RuleBundleLoader LOADER = new RuleBundleLoader();

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = RuleBundleLoaderTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    @Test
    void defaultBundle_loads_withEveryDetectorTypeEnabled() {
        RuleBundle b = RuleBundleLoader.defaultBundle();

        assertThat(b.id()).isEqualTo("osec-default");
        assertThat(b.version()).isEqualTo(1);
        assertThat(b.baseCurrency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(b.detectors().enabled()).extracting(DetectorConfig::type)
                .containsExactlyElementsOf(Detectors.TYPES);
        assertThat(b.scoring().minIndicatorsForAlert()).isGreaterThanOrEqualTo(2);
        assertThat(b.keywordList("cover_words")).contains("gift", "school fees", "uniform", "medical bills");
        assertThat(b.countries().sourceRisk("PH")).isEqualTo(1.0);
        assertThat(b.countries().isDemandSide("NO")).isTrue();
    }

    @Test
    void defaultBundle_ratesEveryCurrencyTheBriefNames() {
        RuleBundle b = RuleBundleLoader.defaultBundle();
        for (String code : List.of("USD", "AUD", "GBP", "CAD", "EUR", "JPY", "SGD", "SAR", "AED", "HKD", "NZD",
                "CHF", "SEK", "NOK", "KRW", "PHP", "THB", "INR", "MXN", "COP", "DOP", "RON", "GHS", "UAH", "JMD",
                "ZAR", "IDR", "VND", "MYR")) {
            assertThat(b.fxRate(Currency.getInstance(code))).as(code).isPresent();
        }
        assertThat(b.fxRate(Currency.getInstance("USD")).getAsDouble()).isEqualTo(1.0);
        assertThat(b.fxRate(Currency.getInstance("KWD"))).isEmpty();
    }

    @Test
    void defaultBundle_isCached() {
        assertThat(RuleBundleLoader.defaultBundle()).isSameAs(RuleBundleLoader.defaultBundle());
    }

    @Test
    void roundTrip_throughJson_givesAnEqualBundle() throws Exception {
        RuleBundle original = RuleBundleLoader.defaultBundle();

        String json = LOADER.toJson(original);
        RuleBundle again = LOADER.load("again.json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(again).isEqualTo(original);
        assertThat(LOADER.toJson(again)).isEqualTo(json);
    }

    @Test
    void roundTrip_ofMinimalBundle_keepsSuppressionsAndLists() throws Exception {
        RuleBundle original = LOADER.load("valid-minimal.yaml", resource("/rules/valid-minimal.yaml"));

        RuleBundle again = LOADER.load("x.json", LOADER.toJson(original).getBytes(StandardCharsets.UTF_8));

        assertThat(again).isEqualTo(original);
        assertThat(again.suppressions()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(SuppressionKind.SENDER);
            assertThat(s.reason()).isEqualTo("investigated, cleared");
        });
    }

    @Test
    void omittedFields_takeTheDocumentedDefaults() throws Exception {
        String yaml = """
                id: defaults
                version: 3
                approvedBy: someone
                effectiveFrom: 2026-05-01
                baseCurrency: EUR
                countries: {}
                keywords: {cover_words: [gift]}
                detectors:
                  small_amount: {weight: 0.4}
                  recurring_small_to_cluster: {weight: 0.5}
                  sender_fan_out: {weight: 0.5}
                  cluster_fan_in: {weight: 0.5}
                  new_relationship: {weight: 0.5}
                  escalation: {weight: 0.5}
                  odd_hours: {weight: 0.5}
                  cover_keywords: {weight: 0.5}
                  round_amount: {weight: 0.5}
                  linked_to_alerted: {weight: 0.5}
                  family_support: {mitigation: 0.5}
                scoring: {review: 0.4, alert: 0.6}
                """;
        RuleBundle b = LOADER.load("defaults.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        Detectors d = b.detectors();

        assertThat(b.description()).isEmpty();
        assertThat(b.fxRates()).isEmpty();
        assertThat(b.suppressions()).isEmpty();
        assertThat(d.corridorRisk()).isNull();
        assertThat(d.smallAmount().bands()).isEqualTo(SmallAmountConfig.DEFAULT_BANDS);
        assertThat(d.smallAmount().enabled()).isTrue();
        assertThat(d.recurringSmallToCluster()).isEqualTo(new RecurringSmallToClusterConfig(true, 0.5, 14, 4, 12, 200, 0.3));
        assertThat(d.senderFanOut()).isEqualTo(new SenderFanOutConfig(true, 0.5, 30, 3, 8, 0.8, false));
        assertThat(d.clusterFanIn()).isEqualTo(new ClusterFanInConfig(true, 0.5, 30, 4, 2, 15, null, 0.9));
        assertThat(d.newRelationship()).isEqualTo(new NewRelationshipConfig(true, 0.5, 3, 7));
        assertThat(d.escalation()).isEqualTo(new EscalationConfig(true, 0.5, 60, 6, 1.5));
        assertThat(d.oddHours()).isEqualTo(new OddHoursConfig(true, 0.5, 0, 5, 30, 3));
        assertThat(d.coverKeywords().lists()).containsExactly("cover_words");
        assertThat(d.roundAmount()).isEqualTo(new RoundAmountConfig(true, 0.5, 10, java.util.Map.of()));
        assertThat(d.linkedToAlerted()).isEqualTo(new LinkedToAlertedConfig(true, 0.5, 90));
        assertThat(d.familySupport()).isEqualTo(new FamilySupportConfig(true, 0.5, 3, 5, true));
        assertThat(b.scoring().minIndicatorsForAlert()).isEqualTo(2);
    }

    @Test
    void longestWindowDays_isTheLongestHistoryOfAnEnabledDetector() throws Exception {
        // default pack: low_and_slow looks back 120 days > family_support 3 months (93 days) > linked_to_alerted 90 days
        assertThat(RuleBundleLoader.defaultBundle().longestWindowDays()).isEqualTo(120);

        String yaml = """
                id: windows
                version: 1
                approvedBy: someone
                effectiveFrom: 2026-05-01
                baseCurrency: USD
                countries: {}
                detectors:
                  escalation: {weight: 0.3, windowDays: 60}
                  linked_to_alerted: {enabled: false, weight: 0.4, windowDays: 300}
                  corridor_risk: {weight: 0.3}
                scoring: {review: 0.4, alert: 0.6}
                """;
        RuleBundle b = LOADER.load("w.yaml", yaml.getBytes(StandardCharsets.UTF_8));

        assertThat(b.longestWindowDays()).as("the disabled 300-day detector does not count").isEqualTo(60);
    }

    @Test
    void fileWithSeveralErrors_reportsAllOfThemInOneRun() throws Exception {
        RuleBundleException e = catchThrowableOfType(RuleBundleException.class,
                () -> LOADER.load("multi-error.yaml", resource("/rules/multi-error.yaml")));

        assertThat(e.errors()).extracting(ValidationError::field).containsExactly(
                "version",
                "countries.demandSide[1]",
                "detectors.small_amount.bands[1].min",
                "detectors.cover_keywords.lists[0]",
                "detectors.odd_hours.endHour",
                "detectors.velocity",
                "detectors.round_amount.perCurrency.JPY",
                "scoring.review",
                "suppressions[0].reason");
        assertThat(e.errors()).extracting(ValidationError::line).isSorted();
        assertThat(e.getMessage()).startsWith("9 errors in rule bundle multi-error.yaml:\n")
                .contains("multi-error.yaml:18:42 [cover_keywords] detectors.cover_keywords.lists[0]: keyword list "
                        + "'cover_wrods' is not defined; defined lists: cover_words");
    }

    @Test
    void jsonFile_isCheckedTheSameWay_withLines() {
        String json = "{\n  \"id\": \"j\",\n  \"version\": 1,\n  \"approvedBy\": \"x\",\n"
                + "  \"effectiveFrom\": \"2026-01-01\",\n  \"baseCurrency\": \"USD\",\n  \"countries\": {},\n"
                + "  \"detectors\": {\"corridor_risk\": {\"weight\": 2}},\n"
                + "  \"scoring\": {\"review\": 0.4, \"alert\": 0.6}\n}\n";

        RuleBundleException e = catchThrowableOfType(RuleBundleException.class,
                () -> LOADER.load("r.json", json.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.errors()).singleElement().hasToString(
                "r.json:8:35 [corridor_risk] detectors.corridor_risk.weight: 2 is out of range; accepted: (0, 1]");
    }

    @Test
    void jsonFile_withYamlOnlySyntax_isASyntaxError() {
        RuleBundleException e = catchThrowableOfType(RuleBundleException.class,
                () -> LOADER.load("r.json", "id: x\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.line()).isEqualTo(1);
            assertThat(err.message()).startsWith("syntax error:");
        });
    }

    @Test
    void oversizeFile_isRejectedBeforeParsing_fromBytesStreamsAndFiles(@TempDir Path dir) throws IOException {
        byte[] big = new byte[RuleBundleLoader.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '#');
        Path file = dir.resolve("big.yaml");
        Files.write(file, big);

        assertThatThrownBy(() -> LOADER.load("big.yaml", big)).isInstanceOf(RuleBundleException.class)
                .hasMessageContaining("big.yaml the file is 1048577 bytes; at most 1048576 bytes (1 MiB) are accepted");
        assertThatThrownBy(() -> LOADER.load("big.yaml", new ByteArrayInputStream(big)))
                .isInstanceOf(RuleBundleException.class).hasMessageContaining("at most 1048576 bytes");
        assertThatThrownBy(() -> LOADER.load(file)).isInstanceOf(RuleBundleException.class)
                .hasMessageContaining("the file is 1048577 bytes");
    }

    @Test
    void missingFile_isAnIoException_notAValidationError(@TempDir Path dir) {
        assertThatThrownBy(() -> LOADER.load(dir.resolve("nope.yaml"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void errorsName_theFileName_notTheFullPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "id: x\n");

        RuleBundleException e = catchThrowableOfType(RuleBundleException.class, () -> LOADER.load(file));

        assertThat(e.errors()).allSatisfy(err -> assertThat(err.file()).isEqualTo("rules.yaml"));
    }

    @Test
    void aliasBomb_isRefused_withoutExpandingAnything() throws Exception {
        long start = System.nanoTime();
        RuleBundleException e = catchThrowableOfType(RuleBundleException.class,
                () -> LOADER.load("bomb.yaml", resource("/rules/invalid/yaml-alias-bomb.yaml")));

        assertThat(e.errors()).anySatisfy(err -> assertThat(err.message()).startsWith("YAML alias '*a'"));
        assertThat(e.errors().size()).isLessThanOrEqualTo(Problems.MAX_ERRORS + 1);
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void tooManyErrors_stopsAtTheCap_andSaysSo() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            yaml.append("unknown").append(i).append(": 1\n");
        }

        RuleBundleException e = catchThrowableOfType(RuleBundleException.class,
                () -> LOADER.load("many.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(e.errors()).hasSize(Problems.MAX_ERRORS + 1);
        assertThat(e.errors().get(Problems.MAX_ERRORS).message()).contains("checking stopped");
    }

    /** One loader on several threads, and new loaders made on them (which share the first one's parsers and schema). */
    @Test
    void loader_isSafeToShareBetweenThreads() throws Exception {
        byte[] valid = resource("/rules/valid-minimal.yaml");
        byte[] invalid = resource("/rules/multi-error.yaml");
        RuleBundle expected = LOADER.load("v.yaml", valid);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean good = i % 2 == 0;
                boolean fresh = i % 4 >= 2;
                results.add(pool.submit(() -> {
                    RuleBundleLoader loader = fresh ? new RuleBundleLoader() : LOADER;
                    if (good) {
                        assertThat(loader.load("v.yaml", valid)).isEqualTo(expected);
                        return 0;
                    }
                    return catchThrowableOfType(RuleBundleException.class,
                            () -> loader.load("m.yaml", invalid)).errors().size();
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i % 2 == 0 ? 0 : 9);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
