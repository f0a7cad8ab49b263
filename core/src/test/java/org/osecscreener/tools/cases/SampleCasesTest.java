package org.osecscreener.tools.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osecscreener.io.Rejection;
import org.osecscreener.io.TransactionReader;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.ClusterAssessment;
import org.osecscreener.score.Level;
import org.osecscreener.screen.AssessmentWriter;
import org.osecscreener.screen.Screener;

/**
 * The sample end to end: screened with the shipped pack, written as alert lines of every kind,
 * read back and grouped. Nothing is lost, and each kind lands in the right kind of case.
 */
class SampleCasesTest {
    static List<Transaction> txs;
    static List<Assessment> alerts;
    static List<ClusterAssessment> clusters;
    static List<Case> cases;
    static CaseReport report;

    @BeforeAll
    static void screenTheSample_writeAndReadTheAlerts_andGroupThem() throws Exception {
        txs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of("../samples/transactions.jsonl"));
             TransactionReader r = new TransactionReader(in)) {
            r.forEach(txs::add, rej -> {
                throw new AssertionError(rej.describe());
            });
        }
        Screener screener = Screener.builder().build();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try (AssessmentWriter w = new AssessmentWriter(lines)) {
            for (Transaction t : txs) {
                w.write(screener.screenAll(t), Level.REVIEW);
            }
        }
        alerts = new ArrayList<>();
        clusters = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try (AlertReader r = new AlertReader(new ByteArrayInputStream(lines.toByteArray()))) {
            r.forEach(alerts::add, clusters::add, rejections::add);
        }
        assertThat(rejections).as("every line the writer wrote is read back").isEmpty();
        report = CaseReport.builder().keyTerms(RuleBundleLoader.defaultBundle()).build();
        cases = report.group(alerts, clusters, txs);
    }

    @Test
    void theSamplesAlerts_holdEveryKind() {
        assertThat(clusters).as("cluster assessments").isNotEmpty();
        assertThat(alerts).extracting(Assessment::kind)
                .contains(AssessmentKind.TRANSACTION, AssessmentKind.LOOK_BACK, AssessmentKind.SEXTORTION_VICTIM);
    }

    @Test
    void mixedAlertFile_givesBothKindsOfCase_eachWithItsOwnKeyTerms() {
        assertThat(cases).extracting(Case::typology).contains(Typology.OSEC, Typology.SEXTORTION);
        for (Case c : cases) {
            String narrative = report.narrative(c);
            if (c.isVictimCase()) {
                assertThat(narrative).as(c.caseId()).startsWith("FIN-2025-SEXTORTION. ").doesNotContain("OCSE");
                assertThat(report.html(c)).as(c.caseId()).contains("class=\"victim-banner\"").doesNotContain("OCSE-FIN-2021-NTC3");
            } else {
                assertThat(narrative).as(c.caseId()).startsWith("OCSE-FIN-2021-NTC3. ").doesNotContain("SEXTORTION");
                assertThat(c.customerId()).isNull();
            }
        }
        assertThat(cases).filteredOn(c -> !c.clusterAssessments().isEmpty()).isNotEmpty()
                .allSatisfy(c -> assertThat(report.narrative(c)).contains("The payee cluster was also assessed as a whole"));
    }

    @Test
    void everyAlert_isInExactlyOneCase_ofItsTypology() {
        long nonDuplicate = alerts.stream().filter(a -> !a.duplicate()).count();
        assertThat(cases.stream().mapToLong(c -> c.alerts().size()).sum()).isEqualTo(nonDuplicate);
        assertThat(cases.stream().mapToLong(c -> c.clusterAssessments().size()).sum()).isEqualTo(clusters.size());
        for (Case c : cases) {
            if (c.isVictimCase()) {
                assertThat(c.alerts()).as(c.caseId()).allSatisfy(a -> {
                    assertThat(a.kind()).isEqualTo(AssessmentKind.SEXTORTION_VICTIM);
                    assertThat(a.senderId()).isEqualTo(c.customerId());
                });
                assertThat(c.clusterAssessments()).isEmpty();
            } else {
                assertThat(c.alerts()).as(c.caseId()).noneSatisfy(a -> assertThat(a.kind()).isEqualTo(AssessmentKind.SEXTORTION_VICTIM));
            }
        }
    }

    @Test
    void lookBackAlerts_areInTheCaseOfTheirClusterAlert_withTheirSenderMarked() {
        for (Assessment lb : alerts.stream().filter(a -> a.kind() == AssessmentKind.LOOK_BACK).toList()) {
            Case c = cases.stream().filter(x -> x.alerts().contains(lb)).findFirst().orElseThrow();
            assertThat(c.lookBackSenderIds()).contains(lb.senderId());
            assertThat(c.clusterAssessments()).extracting(ClusterAssessment::alertId).contains(lb.clusterAlertId());
            assertThat(c.lookBackTransactionIds()).contains(lb.transactionId());
        }
    }
}
