package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.model.Money;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundle;

/**
 * The cluster stage's rule schedule and de-duplication in a test harness: pending bundles held in
 * broadcast state across a checkpoint, taking effect in event time with an event; transactions
 * before every effective day dead-lettered; exact replays dropped and reused ids dead-lettered;
 * state written by an earlier build read on restore.
 */
class GovernanceHarnessTest {
    static KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> harness(RuleBundle baseline,
                                                                                           OperatorSubtaskState restore) throws Exception {
        ClusterStepFunction f = new ClusterStepFunction(Engines.canonical(baseline), ClusterConfig.defaults(), 2,
                ScreeningJob.SENDER_MAX_PARALLELISM, 1);
        KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> h = new KeyedBroadcastOperatorTestHarness<>(
                new ClusterStageOperator(f), e -> 0, Types.INT, 1, 1, 0);
        h.setup();
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    static void feed(KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> h, Transaction t, long seq) throws Exception {
        h.processElement(OperatorHarnessTest.parsed(t, seq), t.epochMillis());
    }

    static List<JsonNode> events(KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> h) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (StreamRecord<String> r : h.getSideOutput(ClusterStepFunction.RULE_EVENTS)) {
            out.add(JobTestSupport.JSON.readTree(r.getValue()));
        }
        return out;
    }

    static List<JsonNode> deadLetters(KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> h) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        var side = h.getSideOutput(ParseFunction.DEAD_LETTER);
        if (side != null) {
            for (StreamRecord<String> r : side) {
                out.add(JobTestSupport.JSON.readTree(r.getValue()));
            }
        }
        return out;
    }

    static Transaction at(Transaction t, String id, OffsetDateTime time) {
        return new Transaction(id, time, t.amount(), t.channel(), t.purpose(), t.sender(), t.beneficiary(), null);
    }

    @Test
    void pendingBundle_survivesACheckpoint_andTakesEffectWhenEventTimeReachesItsDay() throws Exception {
        List<Transaction> txs = JobTestSupport.sample().subList(0, 4); // 2026-01-05 and 2026-01-06
        OperatorSubtaskState snapshot;
        try (var h = harness(JobTestSupport.defaults(), null)) {
            feed(h, txs.get(0), 1);
            h.processBroadcastElement(new RuleEvent("v2.yaml", JobTestSupport.defaultText(2, "2026-02-01")), 0);
            feed(h, txs.get(1), 2);
            List<JsonNode> events = events(h);
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.get("event").asText()).isEqualTo("pending");
                assertThat(e.get("source").asText()).isEqualTo("v2.yaml");
                assertThat(e.get("bundle").get("version").asInt()).isEqualTo(2);
                assertThat(e.get("bundle").get("effectiveFrom").asText()).isEqualTo("2026-02-01");
                assertThat(e.get("bundle").get("sha256").asText())
                        .isEqualTo(org.osecscreener.rules.RuleBundleEvent.sha256(JobTestSupport.defaultText(2, "2026-02-01")));
                assertThat(e.get("replaces").get("version").asInt()).isEqualTo(1);
                assertThat(e.get("replaces").get("sha256Of").asText()).as("the shipped pack, hashed as shipped").isEqualTo("text");
                assertThat(e.get("eventDay").asText()).isEqualTo(txs.get(0).timestamp().toInstant().toString().substring(0, 10));
                assertThat(e.get("message").asText()).contains("accepted, pending until 2026-02-01");
            });
            assertThat(h.extractOutputValues()).extracting(e -> e.version).containsExactly(1, 1);
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness(JobTestSupport.defaults(), snapshot)) {
            feed(h, txs.get(2), 3);
            Transaction february = at(txs.get(3), "T-FEB", OffsetDateTime.of(2026, 2, 1, 0, 30, 0, 0, ZoneOffset.ofHours(-5)));
            feed(h, february, 4);
            Transaction late = at(txs.get(3), "T-LATE-JAN", OffsetDateTime.of(2026, 1, 31, 23, 0, 0, 0, ZoneOffset.UTC));
            feed(h, late, 5);
            List<Envelope> out = h.extractOutputValues();
            assertThat(out).extracting(e -> e.version).as("the restored schedule switches at the effective day; a late January"
                    + " record keeps the bundle of its day").containsExactly(1, 2, 1);
            assertThat(out.get(1).bundle).as("the new version's text travels in band").isNotNull();
            assertThat(events(h)).singleElement().satisfies(e -> {
                assertThat(e.get("event").asText()).isEqualTo("effective");
                assertThat(e.get("eventTime").asText()).isEqualTo("2026-02-01T05:30:00Z");
                assertThat(e.get("bundle").get("version").asInt()).isEqualTo(2);
                assertThat(e.get("replaces").get("version").asInt()).isEqualTo(1);
            });
        }
    }

    @Test
    void transactionBeforeEveryEffectiveDay_isDeadLetteredOnTimestamp_andChangesNothing() throws Exception {
        Transaction t = JobTestSupport.sample().get(0);
        try (var h = harness(JobTestSupport.defaultPack(1, "2026-02-01"), null)) {
            feed(h, t, 7);
            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(deadLetters(h)).singleElement().satisfies(d -> {
                assertThat(d.get("origin").asText()).isEqualTo("screening");
                assertThat(d.get("field").asText()).isEqualTo("timestamp");
                assertThat(d.get("line").asLong()).isEqualTo(7);
                assertThat(d.get("reason").asText()).startsWith("no rule bundle in effect on 2026-01-05")
                        .contains("osec-default@1 is effective from 2026-02-01");
            });
            feed(h, at(t, t.id(), t.timestamp().plusDays(30)), 8);
            assertThat(h.extractOutputValues()).as("its id was not remembered").hasSize(1);
        }
    }

    @Test
    void exactReplay_isDropped_reusedIdWithOtherContent_isDeadLetteredOnId() throws Exception {
        List<Transaction> txs = JobTestSupport.sample().subList(0, 3);
        try (var h = harness(JobTestSupport.defaults(), null)) {
            for (int i = 0; i < txs.size(); i++) {
                feed(h, txs.get(i), i + 1);
            }
            feed(h, txs.get(1), 4); // exact replay
            Transaction t = txs.get(1);
            Transaction other = new Transaction(t.id(), t.timestamp(), Money.of("999.00", t.amount().currency()), t.channel(),
                    t.purpose(), t.sender(), t.beneficiary(), null);
            feed(h, other, 5);
            assertThat(h.extractOutputValues()).hasSize(3);
            assertThat(deadLetters(h)).singleElement().satisfies(d -> {
                assertThat(d.get("field").asText()).isEqualTo("id");
                assertThat(d.get("line").asLong()).isEqualTo(5);
                assertThat(d.get("reason").asText()).startsWith("duplicate id with different content");
                assertThat(d.get("raw").asText()).contains("999.00");
            });
        }
    }

    @Test
    void stateOfAnEarlierBuild_runningBundleAndSeenIdsWithoutFingerprints_isReadOnRestore() throws Exception {
        List<Transaction> txs = JobTestSupport.sample().subList(0, 3);
        OperatorSubtaskState snapshot;
        try (var h = harness(JobTestSupport.defaults(), null)) {
            // what an earlier build checkpointed: the running bundle under "current", ids with their day only
            h.getBroadcastState(ClusterStepFunction.RULES).put(ClusterStepFunction.CURRENT,
                    Engines.canonical(JobTestSupport.defaultPack(3, "2026-01-01")));
            h.getOperator().setCurrentKey(0);
            MapState<String, Integer> old = h.getOperator().getPartitionedState(VoidNamespace.INSTANCE,
                    VoidNamespaceSerializer.INSTANCE, new MapStateDescriptor<>("seen-transaction-ids", Types.STRING, Types.INT));
            old.put(txs.get(0).id(), (int) Math.floorDiv(txs.get(0).timestamp().toEpochSecond(), 86_400L));
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness(JobTestSupport.defaults(), snapshot)) {
            feed(h, txs.get(0), 1);
            feed(h, txs.get(1), 2);
            assertThat(h.extractOutputValues()).extracting(e -> e.version).as("the checkpointed bundle, not the baseline")
                    .containsExactly(3);
            assertThat(deadLetters(h)).singleElement().satisfies(d -> {
                assertThat(d.get("field").asText()).isEqualTo("id");
                assertThat(d.get("reason").asText()).startsWith("duplicate id, content unknown");
            });
            h.processBroadcastElement(new RuleEvent("v4.yaml", JobTestSupport.defaultText(4, "2026-01-01")), 0);
            assertThat(events(h)).singleElement().satisfies(e -> {
                assertThat(e.get("event").asText()).isEqualTo("accepted");
                assertThat(e.get("replaces").get("version").asInt()).isEqualTo(3);
                assertThat(e.get("replaces").get("sha256Of").asText()).isEqualTo("canonical");
            });
            assertThat(h.getBroadcastState(ClusterStepFunction.RULES).contains(ClusterStepFunction.CURRENT)).isFalse();
            assertThat(h.getBroadcastState(ClusterStepFunction.RULES).contains(ClusterStepFunction.SCHEDULE)).isTrue();
        }
    }

    /** Keys that hold entries of a map state of the cluster stage. */
    static java.util.Set<Integer> keys(KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> h, String state) {
        return StageHarness.stateKeys(h.getOperator(), state);
    }

    /**
     * Rewrites the seen ids of {@code txs} in the form of the builds before the hashed ids: id → day
     * and fingerprint in {@code seen-transactions}, under the id's bucket; the hashed form emptied.
     */
    static void toEarlierSeenForm(KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> h,
                                  List<Transaction> txs, MapStateDescriptor<String, Tuple2<Integer, Long>> earlier) throws Exception {
        var op = h.getOperator();
        MapState<Long, ProfileSerializers.Seen> hashed = op.getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, ClusterStepFunction.SEEN);
        MapState<String, Tuple2<Integer, Long>> old = op.getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, earlier);
        for (Transaction t : txs) {
            op.setCurrentKey(ClusterStepFunction.bucket(t.id()));
            ProfileSerializers.Seen seen = hashed.get(org.osecscreener.profile.Hashing.hash64(t.id()));
            assertThat(seen).as("seen %s", t.id()).isNotNull();
            assertThat(seen.fingerprint()).isNotZero();
            old.put(t.id(), Tuple2.of(seen.day(), seen.fingerprint()));
        }
        for (int k : keys(h, ClusterStepFunction.SEEN.getName())) {
            op.setCurrentKey(k);
            hashed.clear();
        }
    }

    /** Moves every entry of a map state under key 0, as earlier builds kept the stage's maps. */
    static <V> void toKeyZero(KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> h,
                              MapStateDescriptor<String, V> d) throws Exception {
        StageHarness.toKeyZero(h.getOperator(), d);
    }

    static List<String> views(KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> h) {
        List<String> out = new ArrayList<>();
        for (Envelope e : h.extractOutputValues()) {
            out.add(e.seq + " " + e.key + " v" + e.version + " " + ((Bodies.Routed) e.body).view());
        }
        return out;
    }

    @Test
    void seenIdsAndClusterProfiles_arePerBucket_andTheOneKeyMapsOfEarlierBuilds_areMovedIntoBucketsOnRestore() throws Exception {
        List<Transaction> txs = JobTestSupport.sample().subList(0, 240);
        var seenState = new MapStateDescriptor<>("seen-transactions", Types.STRING, ClusterStepFunction.SEEN_VALUE);
        var profileState = new MapStateDescriptor<>("cluster-profiles", Types.STRING, ProfileSerializers.CLUSTER);
        List<String> straight;
        try (var h = harness(JobTestSupport.defaults(), null)) {
            for (int i = 0; i < txs.size(); i++) {
                feed(h, txs.get(i), i);
            }
            for (int i = 0; i < 20; i++) { // exact replays: dropped
                feed(h, txs.get(i), 1000 + i);
            }
            straight = views(h);
        }
        assertThat(straight).hasSize(txs.size());

        OperatorSubtaskState snapshot;
        int before;
        try (var h = harness(JobTestSupport.defaults(), null)) {
            for (int i = 0; i < 120; i++) {
                feed(h, txs.get(i), i);
            }
            before = h.extractOutputValues().size();
            java.util.Set<Integer> expected = new java.util.TreeSet<>();
            for (Transaction t : txs.subList(0, 120)) {
                expected.add(ClusterStepFunction.bucket(t.id()));
            }
            assertThat(keys(h, "seen-transaction-hashes")).as("seen ids under their ids' buckets").isEqualTo(expected)
                    .hasSizeGreaterThan(50);
            assertThat(keys(h, "cluster-profiles")).as("cluster profiles under their buckets, never key 0").isNotEmpty()
                    .allSatisfy(k -> assertThat(k).isBetween(1, ClusterStepFunction.BUCKETS));
            // the layouts of earlier builds: seen ids by the id itself in their buckets (the build before the
            // hashed ids; the one-key form of still earlier builds is the EarlierBuildSavepointTest's), and
            // cluster profiles under the stream's one key (builds before the buckets)
            toEarlierSeenForm(h, txs.subList(0, 120), seenState);
            toKeyZero(h, profileState);
            assertThat(keys(h, "seen-transaction-hashes")).isEmpty();
            assertThat(keys(h, "seen-transactions")).isEqualTo(expected);
            assertThat(keys(h, "cluster-profiles")).containsExactly(0);
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness(JobTestSupport.defaults(), snapshot)) {
            assertThat(keys(h, "seen-transaction-hashes")).as("moved into buckets, by hash, on restore").doesNotContain(0)
                    .hasSizeGreaterThan(50);
            assertThat(keys(h, "seen-transactions")).as("the earlier form emptied").isEmpty();
            assertThat(keys(h, "cluster-profiles")).doesNotContain(0).isNotEmpty();
            for (int i = 120; i < txs.size(); i++) {
                feed(h, txs.get(i), i);
            }
            for (int i = 0; i < 20; i++) {
                feed(h, txs.get(i), 1000 + i);
            }
            assertThat(views(h)).as("the same clusters, profiles and duplicates as a run that kept its state in buckets")
                    .isEqualTo(straight.subList(before, straight.size()));
            assertThat(deadLetters(h)).isEmpty();
        }
    }
}
