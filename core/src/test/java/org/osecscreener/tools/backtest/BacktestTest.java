package org.osecscreener.tools.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.io.TransactionWriter;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.tools.synth.Generator;
import org.osecscreener.tools.synth.GeneratorConfig;
import org.w3c.dom.Document;

/**
 * The fixture {@code backtest/fixture.jsonl} with {@code backtest/simple-bundle.yaml}: a transfer
 * alerts iff its amount is small and round. By hand:
 * <pre>
 *   S-O1 (OSEC): 33.50 REVIEW, 40.00 ALERT, 20.00 ALERT  → detected after 1 transfer   → B-1
 *   S-O2 (OSEC): 33.50 REVIEW, 150.00 REVIEW             → missed                      → B-2
 *   S-L1 (legit): 50.00 ALERT                             → false positive              → B-3
 *   S-L2 (legit): 300.00 REVIEW, 123.45 NONE                                            → B-4
 *   S-L3 (legit): 25.55 REVIEW                                                          → B-5
 *   S-O3 (OSEC): 30.00 ALERT                              → detected after 0 transfers  → B-1
 * </pre>
 * Sender recall 2/3, precision 2/3, legitimate alert rate 1/3; 4 alerts in 10 transactions;
 * 3 cases; OSEC clusters B-1, B-2, alerted clusters B-1, B-3: cluster recall 1/2, precision 1/2.
 */
class BacktestTest {
    private static RuleBundle simple;
    private static RuleBundle simpleB;
    private static byte[] fixture;
    private static BacktestReport report;

    @TempDir
    Path dir;

    @BeforeAll
    static void run() throws Exception {
        simple = new RuleBundleLoader().load(resource("simple-bundle.yaml"));
        simpleB = new RuleBundleLoader().load(resource("simple-bundle-b.yaml"));
        fixture = Files.readAllBytes(resource("fixture.jsonl"));
        report = new Backtest(simple, simpleB, true).run(new ByteArrayInputStream(fixture), "fixture", x -> { });
    }

    private static Path resource(String name) throws Exception {
        return Path.of(BacktestTest.class.getResource("/backtest/" + name).toURI());
    }

    @Test
    void fixture_senderAndClusterMetrics_matchHandComputation() {
        Metrics m = report.metrics();
        assertThat(m.transactions()).isEqualTo(10);
        assertThat(m.alerts()).isEqualTo(4);
        assertThat(m.alertCases()).isEqualTo(3);
        assertThat(m.alertsPer10k()).isCloseTo(4_000, within(1e-9));
        assertThat(m.osecSenders()).isEqualTo(3);
        assertThat(m.legitSenders()).isEqualTo(3);
        assertThat(m.detectedOsecSenders()).isEqualTo(2);
        assertThat(m.alertedLegitSenders()).isEqualTo(1);
        assertThat(m.senderRecall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(m.senderPrecision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(m.legitSenderAlertRate()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(m.osecClusters()).isEqualTo(2);
        assertThat(m.alertedClusters()).isEqualTo(2);
        assertThat(m.clusterRecall()).isCloseTo(0.5, within(1e-9));
        assertThat(m.clusterPrecision()).isCloseTo(0.5, within(1e-9));
        assertThat(report.rejected()).isZero();
    }

    @Test
    void fixture_scenarios_firstAlert_perDay() {
        assertThat(report.scenarios()).containsExactly(
                new BacktestReport.ScenarioStats("facilitator_ring", true, 1, 0, 0, 1, 1, 0),
                new BacktestReport.ScenarioStats("small_frequent", true, 2, 2, 1, 2, 1, 0),
                new BacktestReport.ScenarioStats("family_support", false, 2, 1, 0.5, 2, 1, 0),
                new BacktestReport.ScenarioStats("weekly_support", false, 1, 0, 0, 1, 1, 0));
        BacktestReport.FirstAlert f = report.firstAlert();
        assertThat(f.detected()).isEqualTo(2);
        assertThat(f.mean()).isEqualTo(0.5);
        assertThat(f.histogram()).containsExactly(1L, 1L, 0L, 0L, 0L, 0L, 0L);
        assertThat(report.alertsPerDay()).containsExactly(new BacktestReport.DayCount("2026-03-02", 4));
    }

    @Test
    void fixture_outcomes_countQueueItemsPerSender_andReviewLevels() {
        BacktestReport.Outcomes o = report.outcomes();
        // one open item per sender: S-O1's REVIEW and two ALERTs on one day share one id
        assertThat(o.queueItems()).isEqualTo(6);
        assertThat(o.queueItemsPer10k()).isCloseTo(6_000, within(1e-9));
        assertThat(o.osecAtAlert()).isEqualTo(2);
        assertThat(o.osecAtReview()).isEqualTo(3);
        assertThat(o.legitAtAlert()).isEqualTo(1);
        assertThat(o.legitAtReview()).isEqualTo(3);
        assertThat(o.legitReviewShare()).isCloseTo(1.0, within(1e-9));
        assertThat(o.victims()).isZero();
        assertThat(o.firstAlert().median()).isEqualTo(report.firstAlert().median());
        assertThat(o.firstAlertRaised().detected()).isEqualTo(2);
    }

    @Test
    void fixture_ruleStats_andMarginalContribution() {
        BacktestReport.RuleStats small = rule("small_amount");
        assertThat(small.hits()).isEqualTo(7);
        assertThat(small.osecHits()).isEqualTo(5);
        assertThat(small.precision()).isCloseTo(5 / 7.0, within(1e-9));
        assertThat(small.alertHits()).isEqualTo(4);
        BacktestReport.RuleStats round = rule("round_amount");
        assertThat(round.hits()).isEqualTo(6);
        assertThat(round.osecHits()).isEqualTo(4);
        // Without either rule nothing alerts any more (two indicators are needed).
        for (BacktestReport.RuleStats r : List.of(small, round)) {
            assertThat(r.osecSendersLost()).isEqualTo(2);
            assertThat(r.legitSendersSpared()).isEqualTo(1);
            assertThat(r.alertsWithout()).isZero();
            assertThat(r.senderRecallWithout()).isZero();
        }
        assertThat(report.rules()).extracting(BacktestReport.RuleStats::rule).containsExactly("small_amount", "round_amount");
    }

    private static BacktestReport.RuleStats rule(String id) {
        return report.rules().stream().filter(r -> r.rule().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void fixture_sweep_matchesHandComputation() {
        for (Metrics m : report.sweep()) {
            long expected = m.alertThreshold() <= 0.75 ? 4 : 0;
            assertThat(m.alerts()).as("threshold %s", m.alertThreshold()).isEqualTo(expected);
        }
        Metrics atBundle = report.sweep().stream().filter(m -> m.alertThreshold() == 0.70).findFirst().orElseThrow();
        assertThat(atBundle).isEqualTo(report.metrics());
    }

    @Test
    void fixture_comparison_alertsOnlyInA() {
        BacktestReport.Comparison c = report.comparison();
        assertThat(c.bundle()).isEqualTo("simple-test-b@1");
        assertThat(c.metrics().alerts()).isZero();
        assertThat(c.alertsOnlyInA()).isEqualTo(4);
        assertThat(c.alertsOnlyInB()).isZero();
        assertThat(c.sendersOnlyInA()).isEqualTo(3);
        assertThat(c.exampleSendersOnlyInA()).containsExactlyInAnyOrder("S-O1", "S-O3", "S-L1");
    }

    @Test
    void sweep_onGeneratedTraffic_isMonotone() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TransactionWriter w = new TransactionWriter(out)) {
            Generator.of(GeneratorConfig.defaults(), 21).write(10_000, w, x -> { });
        }
        BacktestReport r = new Backtest(RuleBundleLoader.defaultBundle(), null, false)
                .run(new ByteArrayInputStream(out.toByteArray()), "generated", x -> { });
        assertThat(r.metrics().transactions()).isEqualTo(10_000);
        assertThat(r.metrics().osecSenders()).isPositive();
        List<Metrics> s = r.sweep();
        for (int i = 1; i < s.size(); i++) {
            Metrics lo = s.get(i - 1);
            Metrics hi = s.get(i);
            assertThat(hi.alertThreshold()).isGreaterThan(lo.alertThreshold());
            assertThat(hi.alerts()).isLessThanOrEqualTo(lo.alerts());
            assertThat(hi.alertCases()).isLessThanOrEqualTo(lo.alertCases());
            assertThat(hi.detectedOsecSenders()).isLessThanOrEqualTo(lo.detectedOsecSenders());
            assertThat(hi.alertedLegitSenders()).isLessThanOrEqualTo(lo.alertedLegitSenders());
            assertThat(hi.detectedOsecClusters()).isLessThanOrEqualTo(lo.detectedOsecClusters());
        }
        assertThat(r.marginalMethod()).contains("not measured");
    }

    @Test
    void report_isWrittenAndWellFormed() throws Exception {
        ReportWriter.write(report, dir);
        Path html = dir.resolve(ReportWriter.HTML);
        Path json = dir.resolve(ReportWriter.JSON);
        assertThat(html).exists();
        assertThat(json).exists();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc;
        try (InputStream in = Files.newInputStream(html)) {
            doc = f.newDocumentBuilder().parse(in);   // throws if not well-formed
        }
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("html");
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength()).isGreaterThanOrEqualTo(6);
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength()).isGreaterThanOrEqualTo(2);
        String text = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("<script").doesNotContain("http://cdn").doesNotContain("https://")
                .contains("Score distribution").contains("Alerts per day").contains("Per-rule contributions")
                .contains("Recall per scenario").contains("Comparison");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(tree.path("metrics").path("senderRecall").asDouble()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(tree.path("sweep").size()).isEqualTo(Backtest.SWEEP.length);
        assertThat(tree.path("comparison").path("alertsOnlyInA").asLong()).isEqualTo(4);
    }

    @Test
    void ablation_disablesExactlyOneDetector() {
        RuleBundle d = RuleBundleLoader.defaultBundle();
        RuleBundle without = Ablation.without(d, "odd_hours");
        assertThat(without.detectors().oddHours().enabled()).isFalse();
        assertThat(without.detectors().enabled()).hasSize(d.detectors().enabled().size() - 1);
        assertThat(Ablation.without(d, "no_such_rule")).isEqualTo(d);
    }
}
