package org.osecscreener.tools.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;

class CaseGroupingTest {
    private final CaseReport report = CaseReport.builder().build();

    @Test
    void thousandAlerts_onOneCluster_withinThePeriod_areOneCase() {
        // 1,000 ring transfers 28 minutes apart: 19.4 days, inside one 30-day period
        List<Transaction> dense = new ArrayList<>();
        for (int n = 0; n < 1_000; n++) {
            dense.add(CaseFixtures.tx(n, n % 3 + 1, (n / 3) % 3 + 1, CaseFixtures.T0.plusMinutes(28L * n)));
        }
        List<Assessment> alerts = new ArrayList<>();
        for (Transaction t : dense) {
            // the alerts name the cluster ids seen at screening time, which changed as the ring merged
            alerts.add(CaseFixtures.alert(t, "C-" + (alerts.size() % 5 + 1), Level.ALERT, 0.9));
        }
        List<Case> cases = report.group(alerts, dense);
        assertThat(cases).hasSize(1);
        Case c = cases.get(0);
        assertThat(c.alerts()).hasSize(1_000);
        assertThat(c.payeeIds()).containsExactly("B-R1", "B-R2", "B-R3");
        assertThat(c.senderIds()).containsExactly("S-O1", "S-O2", "S-O3");
        assertThat(c.transactions()).hasSize(1_000);
        assertThat(c.rules()).extracting(RuleSummary::rule).containsExactly("recurring_small_to_cluster", "odd_hours");
        assertThat(c.rules().get(0).alerts()).isEqualTo(1_000);
        assertThat(c.links()).isNotEmpty().allSatisfy(l -> assertThat(l.maskedValue()).doesNotContain("1234567"));
    }

    @Test
    void alertsMoreThanAPeriodApart_onOneCluster_areTwoCases() {
        List<Transaction> txs = List.of(
                CaseFixtures.tx(1, 1, 1, CaseFixtures.T0),
                CaseFixtures.tx(2, 2, 2, CaseFixtures.T0.plusDays(29)),
                CaseFixtures.tx(3, 3, 3, CaseFixtures.T0.plusDays(30)),
                CaseFixtures.tx(4, 1, 1, CaseFixtures.T0.plusDays(45)));
        List<Assessment> alerts = txs.stream().map(t -> CaseFixtures.alert(t, "C-1", Level.REVIEW, 0.5)).toList();
        List<Case> cases = report.group(alerts, txs);
        assertThat(cases).hasSize(2);
        assertThat(cases.get(0).alerts()).extracting(Assessment::transactionId).containsExactly("T-1", "T-2");
        assertThat(cases.get(1).alerts()).extracting(Assessment::transactionId).containsExactly("T-3", "T-4");
        assertThat(cases.get(1).opened()).isEqualTo(CaseFixtures.T0.plusDays(30));
        assertThat(cases.get(0).caseId()).isNotEqualTo(cases.get(1).caseId()).startsWith("CASE-");
        assertThat(cases.get(0).periodEnd()).isEqualTo(CaseFixtures.T0.plusDays(30));
    }

    @Test
    void shorterPeriod_splitsSooner() {
        List<Transaction> txs = List.of(CaseFixtures.tx(1, 1, 1, CaseFixtures.T0), CaseFixtures.tx(2, 1, 1, CaseFixtures.T0.plusDays(8)));
        List<Assessment> alerts = txs.stream().map(t -> CaseFixtures.alert(t, "C-1", Level.ALERT, 0.9)).toList();
        assertThat(CaseReport.builder().period(Duration.ofDays(7)).build().group(alerts, txs)).hasSize(2);
        assertThat(report.group(alerts, txs)).hasSize(1);
    }

    @Test
    void alertsNamingDifferentClusterIds_ofOneMergedRing_areOneCase() {
        List<Transaction> txs = CaseFixtures.ringTransactions(9);
        List<Assessment> alerts = new ArrayList<>();
        for (int i = 0; i < txs.size(); i++) {
            alerts.add(CaseFixtures.alert(txs.get(i), "C-" + (i + 1), Level.ALERT, 0.8));
        }
        assertThat(report.group(alerts, txs)).singleElement().satisfies(c -> assertThat(c.alerts()).hasSize(9));
    }

    @Test
    void unrelatedClusters_areSeparateCases_andCaseIdsAreDeterministic() {
        List<Transaction> ring = new ArrayList<>(CaseFixtures.ringTransactions(6));
        Transaction other = new Transaction("T-X", CaseFixtures.T0.plusDays(1), ring.get(0).amount(), null, null,
                ring.get(0).sender(), org.osecscreener.model.Party.builder("B-F1", "PH").phone("+639991112222").build(), null);
        ring.add(other);
        List<Assessment> alerts = List.of(CaseFixtures.alert(ring.get(0), "C-1", Level.ALERT, 0.9),
                CaseFixtures.alert(other, "C-2", Level.REVIEW, 0.5));
        List<Case> first = report.group(alerts, ring);
        List<Case> again = report.group(alerts, ring);
        assertThat(first).hasSize(2);
        assertThat(first).extracting(Case::caseId).isEqualTo(again.stream().map(Case::caseId).toList());
        assertThat(first.get(1).payeeIds()).containsExactly("B-F1");
        assertThat(first.get(1).level()).isEqualTo(Level.REVIEW);
    }

    @Test
    void noneAndDuplicateAssessments_openNoCase() {
        Transaction t = CaseFixtures.tx(1, 1, 1, CaseFixtures.T0);
        Assessment none = new Assessment("T-1", t.timestamp(), "S-O1", "B-R1", "C-1", 0.1, Level.NONE, List.of(),
                "osec-default", 1, null, null, false);
        Assessment dup = new Assessment("T-1", t.timestamp(), "S-O1", "B-R1", "C-1", 0, Level.REVIEW, List.of(),
                "osec-default", 1, "A-1", null, true);
        assertThat(report.group(List.of(none, dup), List.of(t))).isEmpty();
    }

    @Test
    void alertOnABeneficiaryMissingFromTheTransactions_keepsItsClusterId() {
        Transaction t = CaseFixtures.tx(1, 1, 1, CaseFixtures.T0);
        Assessment a = CaseFixtures.alert(t, "C-77", Level.ALERT, 0.9);
        Case c = report.group(List.of(a), List.of()).get(0);
        assertThat(c.clusterId()).isEqualTo("C-77");
        assertThat(c.transactions()).isEmpty();
        assertThat(report.narrative(c)).contains("no transactions of the payee cluster were in the input");
    }

    @Test
    void senderView_listsEachSendersCasesAlertsAndTotals() {
        List<Transaction> txs = CaseFixtures.ringTransactions(6);
        List<Assessment> alerts = List.of(CaseFixtures.alert(txs.get(5), "C-1", Level.ALERT, 0.9, "T-0"));
        List<SenderSummary> senders = report.senders(report.group(alerts, txs));
        assertThat(senders).extracting(SenderSummary::senderId).containsExactly("S-O1", "S-O2", "S-O3");
        SenderSummary s3 = senders.get(2);
        assertThat(s3.alerts()).isEqualTo(1);
        assertThat(s3.transfers()).isEqualTo(2);
        assertThat(s3.totals()).containsExactly("70.00 AUD");
        assertThat(senders.get(1).totals()).containsExactly("70.00 USD");
        assertThat(senders.get(1).country()).isEqualTo("US");
    }

    @Test
    void builder_rejectsBadOrRepeatedSettings_namingThem() {
        assertThatThrownBy(() -> CaseReport.builder().period(Duration.ZERO)).hasMessageContaining("period must be more than zero");
        assertThatThrownBy(() -> CaseReport.builder().period(Duration.ofDays(1)).period(Duration.ofDays(2)))
                .hasMessage("period was already set to PT24H");
        assertThatThrownBy(() -> CaseReport.builder().rawIdentifiers(true).rawIdentifiers(false))
                .hasMessageContaining("rawIdentifiers was already set");
    }
}
