package org.osecscreener.io.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osecscreener.detect.ClusterView;
import org.osecscreener.detect.PairStore;
import org.osecscreener.detect.PartialAssessment;
import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.ClusterAlert;
import org.osecscreener.profile.ClusterProfile;
import org.osecscreener.profile.PairProfile;
import org.osecscreener.profile.SenderProfile;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;
import org.osecscreener.tools.synth.Generator;
import org.osecscreener.tools.synth.GeneratorConfig;

/** The binary form of partial assessments between the Flink job's sender and final stages. */
class BinaryCodecTest {
    @Test
    void partial_travelsWithTheTransactionsSkeletonOnly() throws IOException {
        Transaction tx = generated(50).stream().filter(t -> t.purpose() != null && t.sender().name() != null)
                .findFirst().orElseThrow();
        PartialAssessment p = new PartialAssessment(tx, new ClusterView("C-1", 1, 0, 0, 1, 1, List.of()), List.of());
        Transaction back = roundTrip(p).tx();
        assertThat(back.id()).isEqualTo(tx.id());
        assertThat(back.timestamp()).isEqualTo(tx.timestamp());
        assertThat(back.timestamp().getOffset()).isEqualTo(tx.timestamp().getOffset());
        assertThat(back.amount()).isEqualTo(tx.amount());
        assertThat(back.channel()).isEqualTo(tx.channel());
        assertThat(back.sender().id()).isEqualTo(tx.sender().id());
        assertThat(back.sender().type()).isEqualTo(tx.sender().type());
        assertThat(back.sender().country()).isEqualTo(tx.sender().country());
        assertThat(back.beneficiary().id()).isEqualTo(tx.beneficiary().id());
        assertThat(back.beneficiary().country()).isEqualTo(tx.beneficiary().country());
        // nothing else travels: no names, identifiers, purpose or label
        assertThat(back.purpose()).isNull();
        assertThat(back.label()).isNull();
        for (var party : List.of(back.sender(), back.beneficiary())) {
            assertThat(party.name()).isNull();
            assertThat(party.account()).isNull();
            assertThat(party.phone()).isNull();
            assertThat(party.address()).isNull();
        }
    }

    /** The final step gives the same assessment from the skeleton as from the whole transaction, on a generated stream. */
    @Test
    void finalStep_sameAssessmentFromTheSkeleton() throws IOException {
        ScreeningEngine engine = ScreeningEngine.of(RuleBundleLoader.defaultBundle());
        Map<String, ClusterProfile> clusters = new HashMap<>();
        Map<String, SenderProfile> senders = new HashMap<>();
        Map<String, Map<String, PairProfile>> pairs = new HashMap<>();
        Map<String, ClusterAlert> alertsWhole = new HashMap<>();
        Map<String, ClusterAlert> alertsSkeleton = new HashMap<>();
        org.osecscreener.detect.FinalStore finalsWhole = org.osecscreener.detect.FinalStore.of(new HashMap<>(), new HashMap<>());
        org.osecscreener.detect.FinalStore finalsSkeleton = org.osecscreener.detect.FinalStore.of(new HashMap<>(), new HashMap<>());
        int alerts = 0;
        int withHits = 0;
        for (Transaction tx : generated(20_000)) {
            String clusterId = "C-" + tx.beneficiary().id();
            ClusterView view = engine.clusterStep(clusters.computeIfAbsent(clusterId, k -> new ClusterProfile()), tx,
                    clusterId, 1, ScreeningEngine.surnameKey(tx.beneficiary().name()),
                    ScreeningEngine.addressKey(tx.beneficiary().address()));
            PairStore store = mapStore(pairs.computeIfAbsent(tx.sender().id(), k -> new HashMap<>()));
            PartialAssessment partial = engine.senderStep(senders.computeIfAbsent(tx.sender().id(), k -> new SenderProfile()),
                    store, tx, view);
            org.osecscreener.score.Screening wholeAll = engine.finalStep(partial, alertsWhole.get(clusterId), finalsWhole);
            org.osecscreener.score.Screening skeletonAll = engine.finalStep(roundTrip(partial), alertsSkeleton.get(clusterId),
                    finalsSkeleton);
            Assessment whole = wholeAll.assessment();
            Assessment skeleton = skeletonAll.assessment();
            assertThat(summary(skeleton)).as(tx.id()).isEqualTo(summary(whole));
            assertThat(skeletonAll.assessments().stream().map(BinaryCodecTest::summary).toList()).as(tx.id())
                    .isEqualTo(wholeAll.assessments().stream().map(BinaryCodecTest::summary).toList());
            assertThat(skeletonAll.cluster()).as(tx.id()).isEqualTo(wholeAll.cluster() == null ? null : skeletonAll.cluster());
            if (wholeAll.cluster() != null) {
                assertThat(skeletonAll.cluster().alertId()).isEqualTo(wholeAll.cluster().alertId());
                assertThat(skeletonAll.cluster().score()).isEqualTo(wholeAll.cluster().score());
            }
            record(alertsWhole, clusterId, whole);
            record(alertsSkeleton, clusterId, skeleton);
            alerts += whole.level() == Level.ALERT ? 1 : 0;
            withHits += whole.hits().isEmpty() ? 0 : 1;
        }
        assertThat(alerts).as("the stream must reach ALERT, so that propagation is compared too").isPositive();
        assertThat(withHits).isGreaterThan(1_000);
    }

    /**
     * The structured form: every hit's reason read back renders the text of the rule's own reason,
     * rule reasons travel as numbers and words (never rendered on writing), and the record is
     * smaller than with rendered reasons. On a generated stream, so that every rule that fires
     * there is covered with its real numbers.
     */
    @Test
    void structuredReasons_renderTheRulesTextAfterTheTrip() throws IOException {
        ScreeningEngine engine = ScreeningEngine.of(RuleBundleLoader.defaultBundle());
        Map<String, ClusterProfile> clusters = new HashMap<>();
        Map<String, SenderProfile> senders = new HashMap<>();
        Map<String, Map<String, PairProfile>> pairs = new HashMap<>();
        java.util.Set<String> rules = new java.util.TreeSet<>();
        long structuredBytes = 0;
        long textBytes = 0;
        int hits = 0;
        for (Transaction tx : generated(20_000)) {
            String clusterId = "C-" + tx.beneficiary().id();
            ClusterView view = engine.clusterStep(clusters.computeIfAbsent(clusterId, k -> new ClusterProfile()), tx,
                    clusterId, 1, ScreeningEngine.surnameKey(tx.beneficiary().name()),
                    ScreeningEngine.addressKey(tx.beneficiary().address()));
            Map<String, PairProfile> own = pairs.computeIfAbsent(tx.sender().id(), k -> new HashMap<>());
            PartialAssessment partial = engine.senderStep(senders.computeIfAbsent(tx.sender().id(), k -> new SenderProfile()),
                    mapStore(own), tx, view);
            ByteArrayOutputStream structured = new ByteArrayOutputStream();
            BinaryCodec.writePartialStructured(new DataOutputStream(structured), partial, true);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            BinaryCodec.writePartial(new DataOutputStream(text), partial, true);
            structuredBytes += structured.size();
            textBytes += text.size();
            PartialAssessment back = BinaryCodec.readPartialStructured(
                    new DataInputStream(new ByteArrayInputStream(structured.toByteArray())));
            assertThat(back.hits()).hasSameSizeAs(partial.hits());
            for (int i = 0; i < partial.hits().size(); i++) {
                Hit h = partial.hits().get(i);
                Hit b = back.hits().get(i);
                assertThat(b.reason()).as(tx.id() + " " + h.ruleId()).isEqualTo(h.reason());
                assertThat(b.evidence()).isEqualTo(h.evidence());
                assertThat(b.subScore()).isEqualTo(h.subScore());
                if (h.why() instanceof org.osecscreener.detect.RuleReason r) {
                    assertThat(b.why()).isEqualTo(r);
                    rules.add(h.ruleId());
                }
                hits++;
            }
        }
        assertThat(hits).isGreaterThan(1_000);
        assertThat(rules).as("rules whose reasons travelled structured")
                .contains("small_amount", "round_amount", "corridor_risk", "recurring_small_to_cluster", "new_relationship");
        assertThat(structuredBytes).isLessThan(textBytes);
    }

    @Test
    void structuredReasons_withoutReasons_areEmptyWithoutEvidence_andUnknownRulesTravelByName() throws IOException {
        Transaction tx = generated(5).get(0);
        PartialAssessment p = new PartialAssessment(tx, new ClusterView("C-1", 1, 0, 0, 1, 1, List.of()),
                List.of(new Hit("small_amount", 0.5, 0.2, false, () -> "small", List.of(tx.id())),
                        new Hit("a_rule_of_a_newer_build", 1.0, 0.3, true, () -> "newer", List.of(tx.id()))));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryCodec.writePartialStructured(new DataOutputStream(bytes), p, false);
        PartialAssessment back = BinaryCodec.readPartialStructured(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back.hits()).hasSize(2);
        assertThat(back.hits().get(0)).satisfies(h -> {
            assertThat(h.ruleId()).isSameAs(org.osecscreener.rules.SmallAmountConfig.TYPE);
            assertThat(h.reason()).isEmpty();
            assertThat(h.contribution()).isEqualTo(0.1);
            assertThat(h.evidence()).as("evidence, like reasons, only for what may be written").isEmpty();
        });
        assertThat(back.hits().get(1)).satisfies(h -> {
            assertThat(h.ruleId()).isEqualTo("a_rule_of_a_newer_build");
            assertThat(h.mitigating()).isTrue();
            assertThat(h.contribution()).isEqualTo(0.3);
        });
        bytes.reset();
        BinaryCodec.writePartialStructured(new DataOutputStream(bytes), p, true);
        back = BinaryCodec.readPartialStructured(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back.hits()).extracting(Hit::reason).containsExactly("small", "newer");
        assertThat(back.hits()).allSatisfy(h -> assertThat(h.evidence()).containsExactly(tx.id()));
    }

    private static PairStore mapStore(Map<String, PairProfile> own) {
        return PairStore.of(own);
    }

    @Test
    void partialWithWholeTransaction_ofEarlierBuilds_isStillRead() throws IOException {
        Transaction tx = generated(5).get(0);
        ClusterView view = new ClusterView("C-9", 2, 3, 4, 5, 6, List.of("C-8"));
        List<Hit> hits = List.of(new Hit("small_amount", 0.5, 0.2, false, () -> "small", List.of(tx.id())));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        BinaryCodec.writeTransaction(out, tx);
        BinaryCodec.writeView(out, view);
        BinaryCodec.writeHits(out, hits, true);
        PartialAssessment back = BinaryCodec.readPartialWithTransaction(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back.tx()).isEqualTo(tx);
        assertThat(back.view()).isEqualTo(view);
        assertThat(back.hits()).singleElement().satisfies(h -> {
            assertThat(h.reason()).isEqualTo("small");
            assertThat(h.evidence()).containsExactly(tx.id());
        });
    }

    private static void record(Map<String, ClusterAlert> alerts, String clusterId, Assessment a) {
        ClusterAlert latest = ClusterAlert.latest(alerts.get(clusterId), ScreeningEngine.alertOf(a));
        if (latest != null) {
            alerts.put(clusterId, latest);
        }
    }

    private static String summary(Assessment a) {
        StringBuilder s = new StringBuilder().append(a.transactionId()).append(' ').append(a.timestamp()).append(' ')
                .append(a.senderId()).append(' ').append(a.beneficiaryId()).append(' ').append(a.clusterId()).append(' ')
                .append(a.score()).append(' ').append(a.level()).append(' ').append(a.alertId()).append(' ')
                .append(a.suppressedBy());
        for (Hit h : a.hits()) {
            s.append(" | ").append(h.ruleId()).append(' ').append(h.subScore()).append(' ').append(h.reason())
                    .append(' ').append(h.evidence());
        }
        return s.toString();
    }

    private static PartialAssessment roundTrip(PartialAssessment p) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryCodec.writePartial(new DataOutputStream(bytes), p);
        return BinaryCodec.readPartial(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static List<Transaction> generated(int n) {
        List<Transaction> out = new ArrayList<>();
        Generator.of(GeneratorConfig.defaults(), 42).generate(n, out::add, x -> { });
        return out;
    }
}
