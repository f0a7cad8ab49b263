package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.job.StageHarness.Outputs;
import org.osecscreener.job.StageHarness.Step;
import org.osecscreener.model.Channel;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.stage.Retention;

/**
 * One test per step the two shells used to define each in their own way (issue 16: "stages in core,
 * stores in the shells"), each running the same input through the embedded {@code Screener} and
 * through the job's functions ({@link StageHarness}) and requiring the same alert lines, byte for
 * byte and in order, the same dead letters and the same rule events; and asserting the behaviour
 * that core's stage now defines. Fixed inputs, no sleeps; in both shells the wall clock and Flink's
 * processing time stand still, so that only event time can age state.
 */
class StageParityTest {
    static final RuleBundle PACK = RuleBundleLoader.defaultBundle();
    /** The shipped pack's retention: its longest window (120 days) plus one. */
    static final int RETENTION = Retention.days(PACK);
    /** 22:30 in the senders' zone: late evening, as the patterns of the shipped pack expect. */
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 22, 30, 0, 0, ZoneOffset.ofHours(-5));
    static final String RING_PHONE = "0917 555 0101";
    static final String[] RING = {"Ana Lopez Garcia", "Liza Cruz Mendoza", "Joy Reyes Bautista", "Rosa Dizon Flores"};

    @TempDir
    Path dir;

    static Transaction pay(String id, String sender, String country, String name, Party payee, double days) {
        return new Transaction(id, T0.plusMinutes(Math.round(days * 1440)), Money.of("60.00", Currency.getInstance("AUD")),
                Channel.ONLINE, null, Party.builder(sender, country).name(name).build(), payee, null);
    }

    static Party ringMember(int m) {
        return Party.builder("B-R" + m, "PH").name(RING[m]).phone(RING_PHONE).build();
    }

    static Party payee(String id, String name) {
        return Party.builder(id, "PH").name(name).build();
    }

    /** Both shells over {@code steps}: the same outputs; returns them. */
    Outputs parity(RuleBundle baseline, List<Step> steps) throws Exception {
        Outputs embedded = StageHarness.embedded(baseline, steps, dir);
        Outputs job = StageHarness.job(baseline, steps);
        assertThat(job.alerts()).as("alert lines, byte for byte and in order").containsExactlyElementsOf(embedded.alerts());
        assertThat(job.deadLetters()).as("dead letters").containsExactlyElementsOf(embedded.deadLetters());
        assertThat(job.ruleEvents()).as("rule events").containsExactlyElementsOf(embedded.ruleEvents());
        return embedded;
    }

    /** The output line of kind {@code kind} for transaction {@code txId}. */
    static JsonNode line(Outputs out, String kind, String txId) throws IOException {
        for (String l : out.alerts()) {
            JsonNode n = JobTestSupport.JSON.readTree(l);
            if (n.get("kind").asText().equals(kind) && n.get("transactionId").asText().equals(txId)) {
                return n;
            }
        }
        throw new AssertionError("no " + kind + " line for " + txId + " in " + out.alerts());
    }

    static List<String> rules(JsonNode assessment) {
        List<String> out = new ArrayList<>();
        assessment.get("hits").forEach(h -> out.add(h.get("rule").asText()));
        return out;
    }

    static String reason(JsonNode assessment, String rule) {
        for (JsonNode h : assessment.get("hits")) {
            if (h.get("rule").asText().equals(rule)) {
                return h.get("reason").asText();
            }
        }
        return null;
    }

    /** Four names behind one phone, paid late in the evening by four senders: the cluster reaches ALERT at T-6. */
    static List<Step> ring() {
        List<Step> steps = new ArrayList<>();
        steps.add(Step.tx(pay("T-1", "S-A", "US", "John Brown", ringMember(0), 0)));
        steps.add(Step.tx(pay("T-2", "S-A", "US", "John Brown", ringMember(1), 3)));
        steps.add(Step.tx(pay("T-3", "S-R", "US", "Carlos Flores", ringMember(3), 4)));
        steps.add(Step.tx(pay("T-4", "S-B", "GB", "Peter Hall", ringMember(2), 5)));
        steps.add(Step.tx(pay("T-5", "S-B", "GB", "Peter Hall", ringMember(0), 7)));
        steps.add(Step.tx(pay("T-6", "S-C", "AU", "Mark Jones", ringMember(1), 8)));
        steps.add(Step.tx(pay("T-7", "S-A", "US", "John Brown", ringMember(0), 12)));
        return steps;
    }

    /**
     * Merge folding and where cluster alerts live. The embedded screener folded an absorbed
     * cluster's alert into the survivor's profile at merge time and kept the absorbed entry while it
     * held a risk profile; the job folded alerts in its final stage from the absorbed ids. Now
     * ClusterStage folds profiles and FinalStage alerts (with the engine's risk and queue items),
     * both from the same merges, in both shells.
     */
    @Test
    void mergeFolding_andClusterAlerts_anAlertedClusterAbsorbedByAnotherCarriesItsAlertRiskAndItem() throws Exception {
        Party bx = Party.builder("B-X", "PH").name("Grace Ramos Tan").account("PH-ACC-0077").build();
        List<Step> steps = new ArrayList<>();
        steps.add(Step.tx(pay("T-X1", "S-X", "US", "Tom Baker", bx, -2)));
        steps.addAll(ring());
        // one beneficiary with the ring's phone and B-X's account joins the two clusters
        Party by = Party.builder("B-Y", "PH").name("Grace Ramos Tan").phone(RING_PHONE).account("PH-ACC-0077").build();
        steps.add(Step.tx(pay("T-Y1", "S-Y", "CA", "Paul King", by, 13)));
        steps.add(Step.tx(pay("T-X2", "S-X", "US", "Tom Baker", bx, 14)));
        Outputs out = parity(PACK, steps);

        JsonNode ringAlert = line(out, "cluster", "T-6");
        assertThat(ringAlert.get("level").asText()).isEqualTo("ALERT");
        String ringCluster = ringAlert.get("clusterId").asText();
        JsonNode merged = line(out, "transaction", "T-Y1");
        String survivor = merged.get("clusterId").asText();
        assertThat(survivor).as("the ring was absorbed by B-X's cluster").isNotEqualTo(ringCluster)
                .isEqualTo(line(out, "transaction", "T-X1").get("clusterId").asText());
        assertThat(reason(merged, "linked_to_alerted")).as("the ring's transaction alert (T-7), folded into the survivor")
                .contains("reached ALERT through another sender");
        assertThat(merged.get("clusterAlertId").asText()).as("the ring's queue item and risk, folded")
                .isEqualTo(ringAlert.get("alertId").asText());
        JsonNode survivorAlert = line(out, "cluster", "T-Y1");
        assertThat(survivorAlert.get("senders")).extracting(JsonNode::asText).contains("S-A", "S-B", "S-C", "S-X", "S-Y");
        assertThat(line(out, "look_back", "T-X1").get("clusterAlertId").asText()).isEqualTo(ringAlert.get("alertId").asText());
        assertThat(line(out, "transaction", "T-X2").get("level").asText()).isEqualTo("ALERT");
    }

    /**
     * The sender → cluster cap. The embedded screener kept 64 relationships per sender, dropping the
     * least recently used; the job kept them all. Now SenderStage keeps 64 in both, dropping the
     * one whose latest transfer is the oldest in event time.
     */
    @Test
    void senderClusterCap_the65thRelationshipDropsTheLeastRecent_whichIsNewAgainWhenPaidAgain() throws Exception {
        for (int others : new int[] {63, 64}) {
            List<Step> steps = new ArrayList<>();
            steps.add(Step.tx(pay("T-FIRST", "S-F", "US", "Frank Moore", payee("B-C0", "Ada Zero Alpha"), 0)));
            for (int i = 1; i <= others; i++) {
                steps.add(Step.tx(pay("T-" + i, "S-F", "US", "Frank Moore",
                        payee("B-C" + i, "Name" + i + " Mid" + i + " Family" + i), 8 + i / 10.0)));
            }
            steps.add(Step.tx(pay("T-AGAIN", "S-F", "US", "Frank Moore", payee("B-C0", "Ada Zero Alpha"), 20)));
            Outputs out = parity(PACK, steps);
            String again = reason(line(out, "transaction", "T-AGAIN"), "new_relationship");
            if (others == 63) {
                assertThat(again).as("64 relationships: B-C0's is kept, 20 days old").isNull();
            } else {
                assertThat(again).as("65: B-C0's, the least recent, was dropped; paying it again starts it afresh")
                        .startsWith("first transfer to cluster");
            }
        }
    }

    /**
     * Bundle versions of equal number. The job ignored the newest bundle offered again and rejected
     * the same version with other content; the embedded screener rejected both. Now BundleStage
     * ignores the first (no event) and rejects the second, in both.
     */
    @Test
    void sameVersionAgain_unchangedIsNoEvent_otherContentIsRejected() throws Exception {
        String shipped = LiveUpdateTest.defaultText();
        String sameVersionOther = shipped.replaceFirst("(?m)^  review: [0-9.]+", "  review: 0.3");
        String v2 = JobTestSupport.defaultText(2, PACK.effectiveFrom().toString());
        List<Step> steps = new ArrayList<>();
        steps.add(Step.bundle("pack.yaml", shipped));
        steps.add(Step.tx(pay("T-1", "S-A", "US", "John Brown", ringMember(0), 0)));
        steps.add(Step.bundle("pack-edited.yaml", sameVersionOther));
        steps.add(Step.tx(pay("T-2", "S-A", "US", "John Brown", ringMember(1), 1)));
        steps.add(Step.bundle("v2.yaml", v2));
        steps.add(Step.bundle("v2-again.yaml", v2));
        steps.add(Step.tx(pay("T-3", "S-A", "US", "John Brown", ringMember(2), 2)));
        Outputs out = parity(PACK, steps);

        assertThat(out.ruleEvents()).hasSize(2);
        JsonNode rejected = JobTestSupport.JSON.readTree(out.ruleEvents().get(0));
        assertThat(rejected.get("event").asText()).isEqualTo("rejected");
        assertThat(rejected.get("source").asText()).isEqualTo("pack-edited.yaml");
        assertThat(rejected.get("errors").get(0).asText()).contains("version 1 does not move forward");
        JsonNode accepted = JobTestSupport.JSON.readTree(out.ruleEvents().get(1));
        assertThat(accepted.get("event").asText()).isEqualTo("accepted");
        assertThat(accepted.get("source").asText()).as("v2 again made no event").isEqualTo("v2.yaml");
        assertThat(line(out, "transaction", "T-2").get("bundle").asText()).isEqualTo("osec-default@1");
        assertThat(line(out, "transaction", "T-3").get("bundle").asText()).isEqualTo("osec-default@2");
    }

    /**
     * Three clocks for expiry. The embedded screener aged its tables by the wall clock, the job's
     * sender stage by processing time (Flink's TTL) and its cluster and final stages by event-time
     * sweeps at their own moments. Now Retention decides in event time alone, in both: a sender
     * quiet for longer than the retention is new again, even though no wall-clock or processing
     * time passes; one quiet for less is not. Transaction ids follow the same retention.
     */
    @Test
    void expiry_inEventTimeOnly_aSenderQuietBeyondTheRetentionStartsAfresh_idsAreForgottenWithIt() throws Exception {
        List<Step> steps = new ArrayList<>();
        steps.add(Step.tx(pay("T-E1", "S-E", "US", "Eve Stone", payee("B-E", "Elena Mar Cruz"), 0)));
        steps.add(Step.tx(pay("T-K1", "S-K", "US", "Kurt Lane", payee("B-K", "Kim Sol Reyes"), 0)));
        steps.add(Step.tx(pay("T-K2", "S-K", "US", "Kurt Lane", payee("B-K", "Kim Sol Reyes"), RETENTION)));
        // an id again with other content: remembered for the retention after its UTC day, then not
        steps.add(Step.tx(pay("T-K1", "S-K", "US", "Kurt Lane", payee("B-K", "Kim Sol Reyes"), RETENTION + 0.5)));
        steps.add(Step.tx(pay("T-E2", "S-E", "US", "Eve Stone", payee("B-E", "Elena Mar Cruz"), RETENTION + 1)));
        steps.add(Step.tx(pay("T-E1", "S-E", "US", "Eve Stone", payee("B-E", "Elena Mar Cruz"), RETENTION + 1.5)));
        Outputs out = parity(PACK, steps);

        assertThat(reason(line(out, "transaction", "T-K2"), "new_relationship"))
                .as("quiet for the retention exactly: remembered").isNull();
        assertThat(reason(line(out, "transaction", "T-E2"), "new_relationship"))
                .as("quiet one day longer: forgotten, its relationship and country new again")
                .isEqualTo("first transfer to cluster " + line(out, "transaction", "T-E2").get("clusterId").asText()
                        + "; first transfer to PH");
        assertThat(out.deadLetters()).singleElement().asString().startsWith("4 id: duplicate id with different content");
        assertThat(out.alerts()).as("T-E1 screened again after the retention")
                .filteredOn(l -> l.startsWith("{\"kind\":\"transaction\"") && l.contains("\"transactionId\":\"T-E1\"")).hasSize(2);
    }

    /**
     * Retention fixed by the first bundle. The embedded screener refused as too old, de-duplicated
     * and forgot bundles by its first bundle's retention, the job by the newest bundle's or the
     * transaction's. Now the admission retention is the longest among the bundles held and state
     * follows the bundle screening each transaction, in both: with a bundle whose window is longer,
     * a transaction 150 days late is screened and a sender quiet for 170 days is remembered.
     */
    @Test
    void retention_followsTheBundlesHeld_notTheFirst() throws Exception {
        String v2 = JobTestSupport.defaultText(2, "2026-01-01").replaceFirst("(?m)^    windowDays: 120$", "    windowDays: 200");
        assertThat(v2).contains("    windowDays: 200");
        List<Step> steps = new ArrayList<>();
        steps.add(Step.bundle("v2.yaml", v2));
        steps.add(Step.tx(pay("T-1", "S-1", "US", "Amy West", payee("B-1", "Bea Luna Diaz"), 0)));
        steps.add(Step.tx(pay("T-2", "S-2", "US", "Ben North", payee("B-2", "Cora Paz Lim"), 160)));
        steps.add(Step.tx(pay("T-LATE", "S-3", "US", "Cal East", payee("B-3", "Dina Sy Go"), 10)));
        steps.add(Step.tx(pay("T-3", "S-1", "US", "Amy West", payee("B-1", "Bea Luna Diaz"), 170)));
        steps.add(Step.tx(pay("T-TOO-OLD", "S-4", "US", "Dan South", payee("B-4", "Eva Uy Tan"), 170 - 203)));
        Outputs out = parity(PACK, steps);

        assertThat(Retention.days(PACK)).isEqualTo(121);
        assertThat(line(out, "transaction", "T-LATE").get("bundle").asText())
                .as("150 days late, within the retention of v2 (201 days): screened").isEqualTo("osec-default@2");
        assertThat(reason(line(out, "transaction", "T-3"), "new_relationship"))
                .as("quiet 170 days: remembered under v2").isNull();
        assertThat(out.deadLetters()).singleElement().asString()
                .startsWith("5 timestamp: timestamp ").contains("more than the retention of 201 days");
    }

    /**
     * The payee cache. The embedded screener kept derived payee values with the beneficiary in the
     * resolver, the job in an LRU per parse task; now both derive them with Payees and reuse them
     * only for the same content: a beneficiary whose phone changes under the same id is resolved on
     * its new identifiers at once.
     */
    @Test
    void payeeCache_aBeneficiaryWhoseIdentifiersChangeIsResolvedOnTheNewOnes() throws Exception {
        List<Step> steps = new ArrayList<>(ring().subList(0, 2));
        Party before = Party.builder("B-P", "PH").name("Pia Ong Sy").phone("0917 555 0199").build();
        Party after = Party.builder("B-P", "PH").name("Pia Ong Sy").phone(RING_PHONE).build();
        steps.add(Step.tx(pay("T-P1", "S-P", "US", "Pat Gray", before, 1)));
        steps.add(Step.tx(pay("T-P2", "S-P", "US", "Pat Gray", before, 2)));
        steps.add(Step.tx(pay("T-P3", "S-P", "US", "Pat Gray", after, 4)));
        Outputs out = parity(PACK, steps);

        String ringCluster = line(out, "transaction", "T-1").get("clusterId").asText();
        assertThat(line(out, "transaction", "T-P2").get("clusterId").asText()).isNotEqualTo(ringCluster);
        assertThat(line(out, "transaction", "T-P3").get("clusterId").asText()).isEqualTo(ringCluster);
    }
}
