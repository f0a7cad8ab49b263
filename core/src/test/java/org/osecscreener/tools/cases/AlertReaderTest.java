package org.osecscreener.tools.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osecscreener.io.Rejection;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.ClusterAssessment;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;
import org.osecscreener.screen.AssessmentWriter;

class AlertReaderTest {
    @Test
    void readsBack_whatAssessmentWriterWrites() throws IOException {
        Assessment a = CaseFixtures.alert(CaseFixtures.tx(1, 1, 1, CaseFixtures.T0), "C-4", Level.ALERT, 0.8123, "T-0", "T-1");
        String line = AssessmentWriter.toJson(a);
        Assessment back = AlertReader.parseLine(line);
        assertThat(AssessmentWriter.toJson(back)).isEqualTo(line);
        assertThat(back.bundleId()).isEqualTo("osec-default");
        assertThat(back.bundleVersion()).isEqualTo(1);
        assertThat(back.hits().get(0).evidence()).containsExactly("T-0", "T-1");
    }

    @Test
    void badLines_becomeRejections_withLineFieldAndReason_blankLinesAreSkipped() throws IOException {
        String good = AssessmentWriter.toJson(CaseFixtures.alert(CaseFixtures.tx(1, 1, 1, CaseFixtures.T0), "C-4", Level.ALERT, 0.9));
        String input = String.join("\n", good, "", "{broken", good.replace("\"ALERT\"", "\"PANIC\""),
                good.replace("\"bundle\":\"osec-default@1\"", "\"bundle\":\"nover\""), "[1]");
        List<Assessment> alerts = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try (AlertReader r = new AlertReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)))) {
            r.forEach(alerts::add, rejections::add);
            assertThat(r.linesRead()).isEqualTo(6);
            assertThat(r.alerts()).isEqualTo(1);
            assertThat(r.rejected()).isEqualTo(4);
        }
        assertThat(alerts).hasSize(1);
        assertThat(rejections).extracting(Rejection::lineNumber).containsExactly(3L, 4L, 5L, 6L);
        assertThat(rejections.get(0).reason()).startsWith("malformed JSON");
        assertThat(rejections.get(1).field()).isEqualTo("level");
        assertThat(rejections.get(1).reason()).contains("'PANIC' is not a level");
        assertThat(rejections.get(2).field()).isEqualTo("bundle");
        assertThat(rejections.get(3).reason()).isEqualTo("a line must hold one JSON object");
    }

    @Test
    void everyKind_isReadBack_withKindAndClusterAlertId_andClusterLinesAsClusterAssessments() throws IOException {
        List<Transaction> ring = CaseFixtures.ringTransactions(12);
        Assessment tx = CaseFixtures.alert(ring.get(11), "C-1", Level.ALERT, 0.9, "T-8", "T-11");
        Assessment lb = CaseFixtures.lookBack(ring.get(9), "A-CL1", "T-3", "T-6", "T-9");
        Transaction v = CaseFixtures.burst(1, 1, CaseFixtures.T0).get(0);
        Assessment victim = CaseFixtures.victimAlert(v, Level.REVIEW, "T-V1");
        ClusterAssessment cl = CaseFixtures.clusterAssessment(ring.get(11), "A-CL1", Level.ALERT, 0.77, List.of("S-O1"), 1, 2,
                "T-9", "T-10", "T-11");
        String input = String.join("\n", AssessmentWriter.toJson(tx), AssessmentWriter.toJson(cl), AssessmentWriter.toJson(lb),
                AssessmentWriter.toJson(victim));
        List<Assessment> alerts = new ArrayList<>();
        List<ClusterAssessment> clusters = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try (AlertReader r = reader(input)) {
            r.forEach(alerts::add, clusters::add, rejections::add);
            assertThat(r.alerts()).isEqualTo(3);
            assertThat(r.clusterAssessments()).isEqualTo(1);
        }
        assertThat(rejections).isEmpty();
        assertThat(alerts).extracting(Assessment::kind)
                .containsExactly(AssessmentKind.TRANSACTION, AssessmentKind.LOOK_BACK, AssessmentKind.SEXTORTION_VICTIM);
        assertThat(alerts.get(1).clusterAlertId()).isEqualTo("A-CL1");
        // what was read writes back to the very same lines
        assertThat(alerts).extracting(AssessmentWriter::toJson)
                .containsExactly(AssessmentWriter.toJson(tx), AssessmentWriter.toJson(lb), AssessmentWriter.toJson(victim));
        ClusterAssessment back = clusters.get(0);
        assertThat(AssessmentWriter.toJson(back)).isEqualTo(AssessmentWriter.toJson(cl));
        assertThat(back.lookBack()).containsExactly("S-O1");
        assertThat(back.relatedSenders()).isEqualTo(1);
        assertThat(back.victimSenders()).isEqualTo(2);
        assertThat(back.hits()).extracting(Hit::ruleId).containsExactly("cluster_senders", "cluster_late_hours", "cluster_payee_names");
        assertThat(back.hits().get(1).evidence()).containsExactly("T-9", "T-10", "T-11");
        assertThat(AlertReader.parseClusterLine(AssessmentWriter.toJson(cl)).alertId()).isEqualTo("A-CL1");
        assertThatThrownBy(() -> AlertReader.parseLine(AssessmentWriter.toJson(cl))).hasMessageStartingWith("kind: ");
        assertThatThrownBy(() -> AlertReader.parseClusterLine(AssessmentWriter.toJson(tx))).hasMessageStartingWith("kind: ");
    }

    @Test
    void twoCallbackForEach_skipsClusterLines_withoutRejectingThem() throws IOException {
        Transaction t = CaseFixtures.tx(1, 1, 1, CaseFixtures.T0);
        String input = String.join("\n", AssessmentWriter.toJson(CaseFixtures.alert(t, "C-1", Level.ALERT, 0.9)),
                AssessmentWriter.toJson(CaseFixtures.clusterAssessment(t, "A-CL1", Level.ALERT, 0.8, List.of(), 0, 0)));
        List<Assessment> alerts = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try (AlertReader r = reader(input)) {
            r.forEach(alerts::add, rejections::add);
            assertThat(r.clusterAssessments()).isEqualTo(1);
            assertThat(r.rejected()).isZero();
        }
        assertThat(alerts).hasSize(1);
        assertThat(rejections).isEmpty();
    }

    @Test
    void unknownKind_isARejection_onFieldKind_namingTheAcceptedKinds_andALineWithoutKindIsATransaction() throws IOException {
        String line = AssessmentWriter.toJson(CaseFixtures.alert(CaseFixtures.tx(1, 1, 1, CaseFixtures.T0), "C-1", Level.ALERT, 0.9));
        String old = line.replace("\"kind\":\"transaction\",", "");
        assertThat(old).doesNotContain("kind");
        String input = String.join("\n", old, line.replace("\"transaction\"", "\"offender\""), line.replace("\"transaction\"", "7"));
        List<Assessment> alerts = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try (AlertReader r = reader(input)) {
            r.forEach(alerts::add, c -> { throw new AssertionError("no cluster line here"); }, rejections::add);
        }
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AssessmentKind.TRANSACTION);
            assertThat(a.clusterAlertId()).isNull();
        });
        assertThat(rejections).extracting(Rejection::lineNumber).containsExactly(2L, 3L);
        assertThat(rejections).extracting(Rejection::field).containsOnly("kind");
        assertThat(rejections.get(0).reason())
                .isEqualTo("'offender' is not a kind of assessment; accepted: transaction, look_back, sextortion_victim, cluster");
        assertThat(rejections.get(1).reason()).isEqualTo("expected a string");
    }

    @Test
    void badClusterLine_isARejection_namingItsField() throws IOException {
        Transaction t = CaseFixtures.tx(1, 1, 1, CaseFixtures.T0);
        String cl = AssessmentWriter.toJson(CaseFixtures.clusterAssessment(t, "A-CL1", Level.ALERT, 0.8, List.of("S-O1"), 0, 0));
        String input = String.join("\n", cl.replace("\"lookBack\":[\"S-O1\"]", "\"lookBack\":\"S-O1\""),
                cl.replace("\"victimSenders\":0", "\"victimSenders\":-1"), cl.replace("\"alertId\":\"A-CL1\",", ""));
        List<Rejection> rejections = new ArrayList<>();
        try (AlertReader r = reader(input)) {
            r.forEach(a -> { }, c -> { }, rejections::add);
        }
        assertThat(rejections).extracting(Rejection::field).containsExactly("lookBack", "victimSenders", "alertId");
    }

    private static AlertReader reader(String input) {
        return new AlertReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    }
}
