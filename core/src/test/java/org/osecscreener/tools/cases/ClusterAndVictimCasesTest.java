package org.osecscreener.tools.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.ClusterAssessment;
import org.osecscreener.score.Level;

/** OSEC cases with the payee cluster's own assessment and look-back senders; sextortion-victim cases of their own. */
class ClusterAndVictimCasesTest {
    /** The key terms of the shipped rule pack, as {@code report} uses them. */
    private final CaseReport report = CaseReport.builder().keyTerms(RuleBundleLoader.defaultBundle()).build();

    List<Transaction> txs;
    List<Assessment> alerts;
    ClusterAssessment clusterAlert;

    /**
     * The ring of {@link CaseFixtures}: transaction alerts on T-20..T-29; the cluster reaches ALERT with T-20 and
     * looks back at S-O1 (latest transfer T-18) and S-O2 (T-19); one related sender and one possible victim spared.
     */
    @BeforeEach
    void ringWithClusterAlert() {
        txs = CaseFixtures.ringTransactions(30);
        alerts = new ArrayList<>();
        for (int i = 20; i < 30; i++) {
            alerts.add(CaseFixtures.alert(txs.get(i), "C-1", Level.ALERT, 0.9, txs.get(i - 3).id()));
        }
        clusterAlert = CaseFixtures.clusterAssessment(txs.get(20), "A-CL1", Level.ALERT, 0.77, List.of("S-O1", "S-O2"), 1, 1,
                "T-18", "T-19", "T-20");
        alerts.add(CaseFixtures.lookBack(txs.get(18), "A-CL1", "T-12", "T-15", "T-18"));
        alerts.add(CaseFixtures.lookBack(txs.get(19), "A-CL1", "T-13", "T-16", "T-19"));
    }

    @Test
    void lookBackSenders_andClusterFacets_areInTheCase() {
        Case c = report.group(alerts, List.of(clusterAlert), txs).get(0);
        assertThat(c.typology()).isEqualTo(Typology.OSEC);
        assertThat(c.clusterAssessments()).containsExactly(clusterAlert);
        assertThat(c.clusterAlert()).contains(clusterAlert);
        assertThat(c.lookBack()).extracting(LookBackSender::senderId).containsExactly("S-O1", "S-O2");
        LookBackSender s1 = c.lookBack().get(0);
        assertThat(s1.clusterAlertId()).isEqualTo("A-CL1");
        assertThat(s1.alertId()).isEqualTo("A-LB-S-O1");
        assertThat(s1.evidence()).containsExactly("T-12", "T-15", "T-18");
        // raised when the cluster reached ALERT (T-20's time), not at the sender's earlier transfer
        assertThat(s1.raisedAt()).isEqualTo(txs.get(20).timestamp());
        assertThat(c.opened()).isEqualTo(txs.get(20).timestamp());
        // the window reaches back to the earliest transfer a look-back cites
        assertThat(c.windowStart()).isEqualTo(txs.get(12).timestamp());
        assertThat(c.lookBackTransactionIds()).contains("T-12", "T-18").doesNotContain("T-14");
        assertThat(c.alertedTransactionIds()).doesNotContain("T-18", "T-19").contains("T-20");
        assertThat(c.alerts()).filteredOn(a -> a.kind() == AssessmentKind.LOOK_BACK).hasSize(2);
    }

    @Test
    void clusterFacets_andLookBackSenders_appearInTheCaseJson() throws IOException {
        List<Case> cases = report.group(alerts, List.of(clusterAlert), txs);
        JsonNode c = json(cases).get("cases").get(0);
        assertThat(c.get("typology").asText()).isEqualTo("osec");
        JsonNode cl = c.get("clusterAssessments").get(0);
        assertThat(cl.get("alertId").asText()).isEqualTo("A-CL1");
        assertThat(cl.get("level").asText()).isEqualTo("ALERT");
        assertThat(cl.get("score").asDouble()).isEqualTo(0.77);
        assertThat(cl.get("relatedSenders").asInt()).isEqualTo(1);
        assertThat(cl.get("victimSenders").asInt()).isEqualTo(1);
        assertThat(cl.get("facets")).hasSize(3);
        JsonNode late = cl.get("facets").get(1);
        assertThat(late.get("rule").asText()).isEqualTo("cluster_late_hours");
        assertThat(late.get("reason").asText()).startsWith("100% of the transfers were sent between 21:00 and 05:00");
        assertThat(late.get("evidence")).extracting(JsonNode::asText).containsExactly("T-18", "T-19", "T-20");
        assertThat(c.get("lookBackSenders")).extracting(n -> n.get("senderId").asText()).containsExactly("S-O1", "S-O2");
        assertThat(c.get("lookBackSenders").get(1).get("clusterAlertId").asText()).isEqualTo("A-CL1");
        assertThat(c.get("lookBackSenders").get(1).get("evidence")).extracting(JsonNode::asText).containsExactly("T-13", "T-16", "T-19");
        assertThat(c.get("senders")).filteredOn(s -> s.path("lookBack").asBoolean()).extracting(s -> s.get("id").asText())
                .containsExactly("S-O1", "S-O2");
        assertThat(c.get("alerts")).filteredOn(a -> a.get("kind").asText().equals("look_back"))
                .allSatisfy(a -> assertThat(a.get("clusterAlertId").asText()).isEqualTo("A-CL1"));
        assertThat(c.get("transactions")).filteredOn(t -> t.get("lookBack").asBoolean()).extracting(t -> t.get("id").asText())
                .containsExactly("T-12", "T-13", "T-15", "T-16", "T-18", "T-19");
    }

    @Test
    void clusterAssessmentSection_lookBackSenders_andTheClusterAlertOnTheTimeline_appearInTheHtml() throws Exception {
        Case c = report.group(alerts, List.of(clusterAlert), txs).get(0);
        String html = report.html(c);
        assertThat(CaseExportTest.elements(html)).doesNotContain("script");
        String section = between(html, "<section id=\"cluster-risk\">", "</section>");
        assertThat(section).contains("Payee cluster assessment").contains("A-CL1").contains("<code>cluster_late_hours</code>")
                .contains("<td>pattern</td>").contains("<td>context</td>")
                .contains("100% of the transfers were sent between 21:00 and 05:00").contains("T-18, T-19, T-20")
                .contains("related senders, not alerted through the cluster</span><b>1</b>")
                .contains("possible victims, not alerted through the cluster</span><b>1</b>")
                .contains("A-LB-S-O1").contains("T-12 (");
        String senders = between(html, "<section id=\"senders\">", "</section>");
        assertThat(senders).contains("cluster ALERT ").contains("S-O1 (look-back)")
                .contains("look-back (cluster alert A-CL1)").doesNotContain("S-O3 (look-back)");
        assertThat(between(html, "<section id=\"transactions\">", "</section>").split("<tr class=\"lookback\">", -1)).hasSize(7);
        assertThat(report.narrative(c)).contains("The payee cluster was also assessed as a whole: it reached ALERT on 2026-03-08 (UTC)")
                .contains("pattern facets: late hours (100% of the transfers")
                .contains("1 sender with a family link to the payees and 1 sender showing the pattern of a possible sextortion"
                        + " victim were not alerted through the cluster")
                .contains("2 senders were alerted by look-back when the cluster reached ALERT, for 6 earlier transfers to it")
                .contains("Screening flagged 10 transfers from 3 senders");
    }

    @Test
    void caseWithoutClusterLines_saysSo_andHasNoLookBack() {
        List<Assessment> transactionsOnly = alerts.stream().filter(a -> a.kind() == AssessmentKind.TRANSACTION).toList();
        Case c = report.group(transactionsOnly, txs).get(0);
        assertThat(c.clusterAssessments()).isEmpty();
        assertThat(c.lookBack()).isEmpty();
        assertThat(report.html(c)).contains("No assessment of the payee cluster itself in this period");
        assertThat(report.narrative(c)).doesNotContain("assessed as a whole").doesNotContain("look-back");
    }

    @Test
    void lookBackAlert_joinsTheCaseOpenWhenTheClusterRaisedIt_notTheCaseOfItsEarlierTransfer() {
        // case 1 opens at T-1 (day 0); the sender's transfer T-2 is on day 5; the cluster reaches ALERT with T-3 on day 40
        List<Transaction> t = List.of(CaseFixtures.tx(1, 1, 1, CaseFixtures.T0), CaseFixtures.tx(2, 2, 2, CaseFixtures.T0.plusDays(5)),
                CaseFixtures.tx(3, 3, 3, CaseFixtures.T0.plusDays(40)));
        List<Assessment> a = List.of(CaseFixtures.alert(t.get(0), "C-1", Level.REVIEW, 0.6),
                CaseFixtures.lookBack(t.get(1), "A-CL2", "T-2"));
        ClusterAssessment cl = CaseFixtures.clusterAssessment(t.get(2), "A-CL2", Level.ALERT, 0.8, List.of("S-O2"), 0, 0, "T-2", "T-3");
        List<Case> cases = report.group(a, List.of(cl), t);
        assertThat(cases).hasSize(2);
        assertThat(cases.get(0).alerts()).extracting(Assessment::transactionId).containsExactly("T-1");
        assertThat(cases.get(0).lookBack()).isEmpty();
        Case second = cases.get(1);
        assertThat(second.opened()).isEqualTo(t.get(2).timestamp());
        assertThat(second.alerts()).extracting(Assessment::kind).containsExactly(AssessmentKind.LOOK_BACK);
        assertThat(second.clusterAssessments()).containsExactly(cl);
        assertThat(second.level()).isEqualTo(Level.ALERT);
        assertThat(second.transactions()).extracting(Transaction::id).containsExactly("T-2", "T-3");
    }

    @Test
    void victimAlert_becomesASextortionCase_withTheSextortionKeyTerms_andNotTheOsecOnes() throws Exception {
        List<Transaction> all = new ArrayList<>(txs);
        List<Transaction> burst = CaseFixtures.burst(1, 3, CaseFixtures.T0.plusDays(8));
        all.addAll(burst);
        List<Assessment> mixed = new ArrayList<>(alerts);
        mixed.add(CaseFixtures.victimAlert(burst.get(1), Level.REVIEW, "T-V1", "T-V2"));
        mixed.add(CaseFixtures.victimAlert(burst.get(2), Level.ALERT, "T-V1", "T-V2", "T-V3"));
        List<Case> cases = report.group(mixed, List.of(clusterAlert), all);
        assertThat(cases).extracting(Case::typology).containsExactlyInAnyOrder(Typology.OSEC, Typology.SEXTORTION);
        Case victim = cases.stream().filter(Case::isVictimCase).findFirst().orElseThrow();
        Case osec = cases.stream().filter(c -> !c.isVictimCase()).findFirst().orElseThrow();
        assertThat(victim.customerId()).isEqualTo("S-V1");
        assertThat(victim.alerts()).hasSize(2).allSatisfy(a -> assertThat(a.kind()).isEqualTo(AssessmentKind.SEXTORTION_VICTIM));
        assertThat(victim.payeeIds()).containsExactly("B-X1");
        assertThat(victim.senderIds()).containsExactly("S-V1");
        assertThat(victim.transactions()).extracting(Transaction::id).containsExactly("T-V1", "T-V2", "T-V3");
        assertThat(victim.level()).isEqualTo(Level.ALERT);
        assertThat(osec.alerts()).noneSatisfy(a -> assertThat(a.kind()).isEqualTo(AssessmentKind.SEXTORTION_VICTIM));

        assertThat(report.keyTerms(Typology.SEXTORTION)).extracting(StrKeyTerms::reference).containsExactly("FIN-2025-NTC2");
        String narrative = report.narrative(victim);
        assertThat(narrative).startsWith("FIN-2025-SEXTORTION. Between 2026-03-09 and 2026-03-09 (UTC), the customer, in GB, made"
                        + " 3 payments totalling 120.00 GBP to 1 recipient in PH, within 5 hours")
                .contains("2 possible sextortion-victim alerts on the customer (1 at ALERT level, 1 at REVIEW level)")
                .contains("the customer may be the victim")
                .doesNotContain("OCSE").doesNotContain("offender").doesNotContain("S-V1").doesNotContain("B-X1");
        String html = report.html(victim);
        assertThat(CaseExportTest.elements(html)).doesNotContain("script");
        assertThat(html).contains("class=\"victim-banner\"")
                .contains("The customer may be the victim of financially motivated sextortion")
                .contains("do not off-board").contains("do not tip off the recipients").contains("consider safeguarding")
                .contains("<code>FIN-2025-SEXTORTION</code>").contains("<code>SEXTORTION</code>").contains("FIN-2025-NTC2")
                .contains("id=\"burst\"").contains("id=\"recipients\"")
                .doesNotContain("OCSE").doesNotContain("child exploitation").doesNotContain("id=\"network\"");
        for (String raw : List.of("Young Customer", "GB-ACC-5550001", "+639990001111", "Unknown Recipient")) {
            assertThat(html).doesNotContain(raw);
        }
        JsonNode vj = caseJson(cases, victim.caseId());
        assertThat(vj.get("typology").asText()).isEqualTo("sextortion");
        assertThat(vj.get("customer").get("id").asText()).isEqualTo("S-V1");
        assertThat(vj.has("clusterAssessments")).isFalse();
        assertThat(vj.get("str").get("keyTerms")).extracting(k -> k.get("reference").asText()).containsExactly("FIN-2025-NTC2");
        assertThat(vj.get("str").get("keyTerms").get(0).get("placements")).extracting(p -> p.get("value").asText())
                .contains("FIN-2025-SEXTORTION", "SEXTORTION");
    }

    @Test
    void osecCase_neverGetsTheSextortionKeyTerms_andMarksItsSenderWhoIsAPossibleVictim() throws Exception {
        // S-O3 pays the ring and, the same week, shows the victim pattern towards another recipient
        List<Transaction> all = new ArrayList<>(txs);
        Transaction toOther = new Transaction("T-V9", txs.get(22).timestamp().plusHours(1), txs.get(22).amount(), null, null,
                CaseFixtures.sender(3), CaseFixtures.extortionRecipient(), null);
        all.add(toOther);
        List<Assessment> mixed = new ArrayList<>(alerts);
        mixed.add(CaseFixtures.victimAlert(toOther, Level.REVIEW, "T-V9"));
        List<Case> cases = report.group(mixed, List.of(clusterAlert), all);
        Case osec = cases.stream().filter(c -> !c.isVictimCase()).findFirst().orElseThrow();
        Case victim = cases.stream().filter(Case::isVictimCase).findFirst().orElseThrow();
        assertThat(osec.possibleVictims()).containsExactly(java.util.Map.entry("S-O3", victim.caseId()));
        assertThat(report.narrative(osec)).startsWith("OCSE-FIN-2021-NTC3. ").doesNotContain("SEXTORTION");
        String html = report.html(osec);
        assertThat(between(html, "<section id=\"str\">", "</section>")).contains("<code>OCSE</code>").contains("child exploitation")
                .doesNotContain("SEXTORTION").doesNotContain("FIN-2025-NTC2");
        assertThat(between(html, "<section id=\"senders\">", "</section>")).contains("possible sextortion victim: " + victim.caseId());
        JsonNode oj = caseJson(cases, osec.caseId());
        assertThat(oj.get("str").get("keyTerms")).extracting(k -> k.get("reference").asText())
                .containsExactly("FIN-2021-NTC3", "predicate crime coding");
        assertThat(oj.get("senders")).filteredOn(s -> s.has("possibleVictimCase")).extracting(s -> s.get("id").asText())
                .containsExactly("S-O3");
        SenderSummary s3 = report.senders(cases).stream().filter(s -> s.senderId().equals("S-O3")).findFirst().orElseThrow();
        assertThat(s3.caseIds()).containsExactly(osec.caseId());
        assertThat(s3.victimCaseIds()).containsExactly(victim.caseId());
    }

    @Test
    void index_listsBothTypologies_withTheVictimCasesVisiblyDistinct() throws Exception {
        List<Transaction> all = new ArrayList<>(txs);
        List<Transaction> burst = CaseFixtures.burst(1, 2, CaseFixtures.T0.plusDays(8));
        all.addAll(burst);
        List<Assessment> mixed = new ArrayList<>(alerts);
        mixed.add(CaseFixtures.victimAlert(burst.get(1), Level.REVIEW, "T-V1", "T-V2"));
        List<Case> cases = report.group(mixed, List.of(clusterAlert), all);
        String index = report.indexHtml(cases);
        assertThat(CaseExportTest.elements(index)).contains("a", "table");
        assertThat(index).contains("<th>Typology</th>").contains("1 OSEC").contains("1 sextortion, possible victim")
                .contains("<span class=\"typ osec\">OSEC</span>").contains("<span class=\"typ sextortion\">sextortion: possible victim</span>")
                .contains("class=\"victim-banner\"");
        Case victim = cases.stream().filter(Case::isVictimCase).findFirst().orElseThrow();
        assertThat(index).contains("<tr class=\"victim\"><td class=\"nw\"><a href=\"" + victim.caseId() + ".html\">");
    }

    @Test
    void buildersDefaultKeyTerms_holdBothTypologies_andEachCaseShowsOnlyItsOwn() {
        CaseReport defaults = CaseReport.builder().build();
        assertThat(defaults.keyTerms()).extracting(StrKeyTerms::typology)
                .containsExactly(Typology.OSEC, Typology.SEXTORTION, Typology.OSEC);
        assertThat(defaults.keyTerms(Typology.OSEC)).containsExactly(StrKeyTerms.FINCEN, StrKeyTerms.AMLC);
        assertThat(defaults.keyTerms(Typology.SEXTORTION)).containsExactly(StrKeyTerms.FINCEN_SEXTORTION);
        // the constants are the shipped pack's values
        assertThat(report.keyTerms()).isEqualTo(defaults.keyTerms());
    }

    private JsonNode json(List<Case> cases) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.writeJson(cases, out);
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    private JsonNode caseJson(List<Case> cases, String caseId) throws IOException {
        for (JsonNode c : json(cases).get("cases")) {
            if (c.get("caseId").asText().equals(caseId)) {
                return c;
            }
        }
        throw new AssertionError("no case " + caseId + " in cases.json");
    }

    static String between(String s, String from, String to) {
        int i = s.indexOf(from);
        assertThat(i).as("'%s' in the page", from).isNotNegative();
        return s.substring(i, s.indexOf(to, i));
    }
}
