package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.score.Level;

/** Each stateful stage in a test harness: its state, timers, side outputs and clean-up in event time. */
class OperatorHarnessTest {
    static final RuleBundle V1 = RuleBundleLoader.defaultBundle();

    static final org.osecscreener.cluster.IdentifierNormaliser NORMALISER =
            new org.osecscreener.cluster.IdentifierNormaliser(ClusterConfig.defaults());

    static Envelope parsed(Transaction t, long seq) {
        return new Envelope(t.sender().id(), t.epochMillis(), seq, 0, 0, null, Bodies.parsed(t,
                NORMALISER.normalise(t.beneficiary()), org.osecscreener.profile.PartyKeys.surname(t.beneficiary().name()),
                org.osecscreener.profile.PartyKeys.address(t.beneficiary().address())));
    }

    static KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> clusterStage() throws Exception {
        return clusterStage(V1);
    }

    static KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> clusterStage(RuleBundle baseline) throws Exception {
        KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> h =
                StageHarness.clusterHarness(new ClusterStepFunction(Engines.canonical(baseline), ClusterConfig.defaults(), 2,
                        ScreeningJob.SENDER_MAX_PARALLELISM, 1));
        h.setProcessingTime(0);
        h.setStateTtlProcessingTime(0);
        return h;
    }

    @Test
    void clusterStage_dropsDuplicates_forgetsThemAfterRetentionInEventTime_andStampsVersionsInBand() throws Exception {
        List<Transaction> txs = JobTestSupport.sample().subList(0, 20);
        try (var h = clusterStage()) {
            for (int i = 0; i < txs.size(); i++) {
                h.processElement(parsed(txs.get(i), i + 1), txs.get(i).epochMillis());
            }
            h.processElement(parsed(txs.get(3), 99), txs.get(3).epochMillis()); // duplicate id
            List<Envelope> out = h.extractOutputValues();
            assertThat(out).hasSize(20);
            assertThat(out).allSatisfy(e -> assertThat(e.version).isEqualTo(1));
            // the bundle text travels once per downstream channel (2 channels), not on every record
            assertThat(out.stream().filter(e -> e.bundle != null).count()).isBetween(1L, 2L);

            // the retention is the bundle's (longest window + 1 day), in event time: within it, the id
            // with other content is refused; a transaction more than the retention later forgets the id
            int retention = org.osecscreener.stage.Retention.days(V1);
            Transaction t3 = txs.get(3);
            java.util.function.Function<java.time.OffsetDateTime, Transaction> t3At = at -> new Transaction(t3.id(), at,
                    t3.amount(), t3.channel(), t3.purpose(), t3.sender(), t3.beneficiary(), null);
            Transaction within = t3At.apply(t3.timestamp().plusDays(retention));
            h.processElement(parsed(within, 100), within.epochMillis());
            assertThat(h.extractOutputValues()).as("within the retention the id is remembered").hasSize(20);
            assertThat(h.getSideOutput(ParseFunction.DEAD_LETTER)).singleElement()
                    .satisfies(d -> assertThat(d.getValue()).contains("duplicate id with different content"));
            Transaction later = LiveUpdateTest.sentinel("T-LATER", txs.get(19).timestamp().plusDays(2L * retention + 2));
            h.processElement(parsed(later, 101), later.epochMillis());
            Transaction again = t3At.apply(later.timestamp().plusSeconds(1));
            h.processElement(parsed(again, 102), again.epochMillis());
            assertThat(h.extractOutputValues()).as("after the retention the id is no longer remembered").hasSize(22);
        }
    }

    /**
     * The payee-cluster resolver is checkpointed as its journal in keyed state: a stage restored from
     * a checkpoint taken mid-stream (after earlier checkpoints, so that the journal has several log
     * segments) resolves the rest of the stream into the same clusters, with the same sizes, as the
     * stage that went on; and the whole resolver is no longer in operator state.
     */
    @Test
    void clusterStage_restoredFromItsJournal_resolvesTheRestAsTheStageThatWentOn() throws Exception {
        List<Transaction> txs = JobTestSupport.sample();
        int cut = txs.size() / 2;
        org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot;
        List<String> wentOn = new ArrayList<>();
        try (var h = clusterStage()) {
            for (int i = 0; i < cut; i++) {
                h.processElement(parsed(txs.get(i), i + 1), txs.get(i).epochMillis());
                if (i % 97 == 96) {
                    h.snapshot(i, i); // earlier checkpoints: the journal's log gets a segment each
                }
            }
            snapshot = h.snapshot(cut, cut);
            h.getOutput().clear();
            for (int i = cut; i < txs.size(); i++) {
                h.processElement(parsed(txs.get(i), i + 1), txs.get(i).epochMillis());
            }
            h.extractOutputValues().forEach(e -> wentOn.add(clusterOf(e)));
        }
        assertThat(snapshot.getManagedOperatorState().stream().mapToLong(s -> s.getStateSize()).sum())
                .as("operator state holds no whole resolver (only the rule bundles' broadcast state)").isLessThan(64 * 1024);
        List<String> restored = new ArrayList<>();
        ClusterStepFunction f = new ClusterStepFunction(Engines.canonical(V1), ClusterConfig.defaults(), 2,
                ScreeningJob.SENDER_MAX_PARALLELISM, 1);
        try (var h = new KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope>(new ClusterStageOperator(f),
                e -> 0, Types.INT, 1, 1, 0)) {
            h.setProcessingTime(0);
            h.setStateTtlProcessingTime(0);
            h.initializeState(snapshot);
            h.open();
            for (int i = cut; i < txs.size(); i++) {
                h.processElement(parsed(txs.get(i), i + 1), txs.get(i).epochMillis());
            }
            h.extractOutputValues().forEach(e -> restored.add(clusterOf(e)));
        }
        assertThat(restored).hasSize(txs.size() - cut).isEqualTo(wentOn);
        assertThat(wentOn.stream().filter(c -> !c.endsWith(" 1")).count()).as("clusters of more than one payee").isPositive();
    }

    private static String clusterOf(Envelope e) {
        org.osecscreener.detect.ClusterView v = ((Bodies.Routed) e.body).view();
        return v.clusterId() + " " + v.clusterSize();
    }

    @Test
    void clusterStage_invalidBundleRejectedWithErrors_validNewerVersionSwitches_olderRefused() throws Exception {
        List<Transaction> txs = JobTestSupport.sample().subList(0, 6);
        try (var h = clusterStage()) {
            h.processElement(parsed(txs.get(0), 1), txs.get(0).epochMillis());
            h.processBroadcastElement(new RuleEvent("broken.yaml", "id: broken\nversion: 9\n"), 0);
            h.processElement(parsed(txs.get(1), 2), txs.get(1).epochMillis());
            String v2 = LiveUpdateTest.defaultText().replace("version: 1", "version: 2");
            h.processBroadcastElement(new RuleEvent("v2.yaml", v2), 0);
            h.processElement(parsed(txs.get(2), 3), txs.get(2).epochMillis());
            h.processBroadcastElement(new RuleEvent("v1-again.yaml", LiveUpdateTest.defaultText()), 0);
            h.processElement(parsed(txs.get(3), 4), txs.get(3).epochMillis());

            List<Integer> versions = h.extractOutputValues().stream().map(e -> e.version).toList();
            assertThat(versions).containsExactly(1, 1, 2, 2);
            List<String> events = new ArrayList<>();
            h.getSideOutput(ClusterStepFunction.RULE_EVENTS).forEach(r -> events.add(r.getValue()));
            assertThat(events).hasSize(3);
            assertThat(events.get(0)).contains("\"event\":\"rejected\"").contains("broken.yaml:1:1")
                    .contains("missing required property 'approvedBy'")
                    .contains("\"running\":{\"id\":\"osec-default\",\"version\":1,");
            assertThat(events.get(1)).contains("\"event\":\"accepted\"").contains("\"bundle\":{\"id\":\"osec-default\",\"version\":2,");
            assertThat(events.get(2)).contains("\"event\":\"rejected\"").contains("does not move forward");
            assertThat(h.getBroadcastState(ClusterStepFunction.RULES).get(ClusterStepFunction.SCHEDULE))
                    .containsPattern("\\\\\"version\\\\\"\\s*:\\s*2,");
        }
    }

    @Test
    void senderStage_keepsProfilesPerSender_withOneCleanUpTimerEach_droppedOnlyFromTheForgettableDay() throws Exception {
        List<Transaction> txs = JobTestSupport.sample().subList(0, 30);
        List<Envelope> routed = routed(txs); // one harness stands in for both downstream channels
        // each sender's clean-up moment, from the spec: its latest transfer day + 2 x retention + 1,
        // at a second of that day set by its key
        int r = org.osecscreener.stage.Retention.days(org.osecscreener.detect.ScreeningEngine.of(V1));
        java.util.Map<String, Long> due = new java.util.TreeMap<>();
        for (Transaction t : txs) {
            long day = Math.floorDiv(t.timestamp().toEpochSecond(), 86_400L) + 2L * r + 1;
            due.merge(t.sender().id(), day * 86_400_000L + Math.floorMod(t.sender().id().hashCode(), 86_400) * 1000L, Math::max);
        }
        KeyedOneInputStreamOperatorTestHarness<String, Envelope, Envelope> h = StageHarness.senderHarness(new SenderStepFunction(Level.NONE));
        try (h) {
            for (Envelope e : routed) {
                h.processElement(e, e.time);
            }
            assertThat(h.extractOutputValues()).hasSize(routed.size());
            int before = h.numKeyedStateEntries();
            assertThat(before).isGreaterThan(0);
            assertThat(h.numEventTimeTimers()).as("one clean-up timer per sender").isEqualTo(due.size());
            assertThat(h.numProcessingTimeTimers()).isZero();

            long first = due.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            h.processWatermark(first - 1);
            assertThat(h.numKeyedStateEntries()).as("nothing dropped before the first sender's day").isEqualTo(before);
            h.processWatermark(first);
            assertThat(h.numKeyedStateEntries()).as("the watermark alone does not drop: no transaction of that day"
                    + " was screened, so the admitting stage's clock may be behind it").isEqualTo(before);
            assertThat(h.numEventTimeTimers()).isEqualTo(due.size());

            // a transaction of that day (another sender's) reaches the task: the clock is there
            Envelope late = routed(List.of(transfer("T-LATE", "S-LATE", java.time.Instant.ofEpochMilli(first)
                    .atOffset(java.time.ZoneOffset.UTC)))).get(0);
            h.processElement(late, late.time);
            // dropped a day of event time later: every sender whose day that was (the task's clock is there)
            long firstDay = Math.floorDiv(first, 86_400_000L);
            long dueThatDay = due.values().stream().filter(t -> Math.floorDiv(t, 86_400_000L) == firstDay).count();
            h.processWatermark(first + 86_400_000L);
            assertThat(h.numEventTimeTimers()).isEqualTo(due.size() - (int) dueThatDay + 1);
            assertThat(h.numKeyedStateEntries()).as("profile and relationships of each, plus S-LATE's")
                    .isEqualTo(before + 2 - 2 * (int) dueThatDay);

            // a sender that comes back after its state was dropped starts afresh, with a timer again
            String gone = due.entrySet().stream().filter(en -> en.getValue() == first).findFirst().orElseThrow().getKey();
            Envelope back = routed.stream().filter(e -> e.key.equals(gone)).findFirst().orElseThrow();
            h.processElement(back, back.time);
            assertThat(h.numEventTimeTimers()).isEqualTo(due.size() - (int) dueThatDay + 2);

            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    /**
     * A sender whose timer fires while a later transfer keeps its state needed: the state stays and
     * the timer moves to the later transfer's day (still one timer).
     */
    @Test
    void senderStage_aLaterTransfer_movesTheCleanUpToItsDay() throws Exception {
        java.time.OffsetDateTime t0 = java.time.OffsetDateTime.parse("2026-03-01T10:00:00Z");
        List<Transaction> txs = List.of(transfer("T-1", "S-1", t0), transfer("T-2", "S-1", t0.plusDays(40)));
        List<Envelope> routed = routed(txs);
        int r = org.osecscreener.stage.Retention.days(org.osecscreener.detect.ScreeningEngine.of(V1));
        long spread = Math.floorMod("S-1".hashCode(), 86_400) * 1000L;
        long day0 = Math.floorDiv(t0.toEpochSecond(), 86_400L);
        try (var h = StageHarness.senderHarness(new SenderStepFunction(Level.NONE))) {
            for (Envelope e : routed) {
                h.processElement(e, e.time);
            }
            assertThat(h.numEventTimeTimers()).isOne();
            h.processWatermark((day0 + 2L * r + 1) * 86_400_000L + spread);
            assertThat(h.numKeyedStateEntries()).as("kept: its latest transfer is 40 days later").isPositive();
            assertThat(h.numEventTimeTimers()).isOne();
            h.processWatermark((day0 + 40 + 2L * r + 1) * 86_400_000L + spread);
            assertThat(h.numKeyedStateEntries()).as("kept: nothing of that day screened yet").isPositive();
            assertThat(h.numEventTimeTimers()).isOne();
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.numKeyedStateEntries()).as("the end of the input: nothing can arrive any more").isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    private static Transaction transfer(String id, String sender, java.time.OffsetDateTime at) {
        return new Transaction(id, at, org.osecscreener.model.Money.of("25.00", java.util.Currency.getInstance("USD")), null, null,
                org.osecscreener.model.Party.of(sender, "US"), org.osecscreener.model.Party.of("B-" + id, "PH"), null);
    }

    /** The cluster stage's output for {@code txs}, the first record carrying the bundle text. */
    private static List<Envelope> routed(List<Transaction> txs) throws Exception {
        List<Envelope> routed;
        try (var c = clusterStage()) {
            for (int i = 0; i < txs.size(); i++) {
                c.processElement(parsed(txs.get(i), i + 1), txs.get(i).epochMillis());
            }
            routed = c.extractOutputValues();
        }
        if (!routed.isEmpty() && routed.get(0).bundle == null) {
            routed.get(0).bundle = Engines.canonical(V1);
        }
        return routed;
    }

    @Test
    void finalStage_ordersByEventTime_thenInputOrder_andLeavesNoTimersOrBufferedRecords() throws Exception {
        List<Transaction> txs = JobTestSupport.sample().subList(0, 40);
        List<Envelope> partial = new ArrayList<>();
        try (var c = clusterStage()) {
            for (int i = 0; i < txs.size(); i++) {
                c.processElement(parsed(txs.get(i), i + 1), txs.get(i).epochMillis());
            }
            var s = StageHarness.senderHarness(new SenderStepFunction(Level.NONE));
            try (s) {
                boolean first = true;
                for (Envelope e : c.extractOutputValues()) {
                    if (first && e.bundle == null) {
                        e.bundle = Engines.canonical(V1);
                    }
                    first = false;
                    s.processElement(e, e.time);
                }
                partial.addAll(s.extractOutputValues());
            }
        }
        var h = StageHarness.finalHarness(new FinalStepFunction(Level.NONE, Duration.ofSeconds(30)));
        try (h) {
            h.setProcessingTime(0);
            // deliver in reverse order: the stage must put them back in event-time order
            for (int i = partial.size() - 1; i >= 0; i--) {
                Envelope e = partial.get(i);
                if (i == partial.size() - 1) {
                    e.bundle = Engines.canonical(V1);
                }
                h.processElement(e, e.time);
            }
            assertThat(h.extractOutputValues()).as("nothing before the watermark").isEmpty();
            assertThat(h.numEventTimeTimers()).isPositive();
            h.processWatermark(Long.MAX_VALUE);
            List<String> out = h.extractOutputValues();
            assertThat(out).hasSize(partial.size());
            List<String> ids = out.stream().map(l -> l.replaceAll(".*\"transactionId\":\"([^\"]+)\".*", "$1")).toList();
            assertThat(ids).containsExactlyElementsOf(txs.stream().map(Transaction::id).toList());
            assertThat(h.numEventTimeTimers()).isZero();
            h.setProcessingTime(Duration.ofMinutes(5).toMillis());
            assertThat(h.numProcessingTimeTimers()).isZero();
        }
    }

    /**
     * The cardinality attack on the sender stage: every transaction from a new sender, day after
     * day, the watermark following. A sender's state is dropped once the stream passes its
     * forgettable day (latest transfer + 2 x retention + 1), so the keyed state holds about that
     * many days' worth of senders, not all of them.
     */
    @Test
    void senderStage_allUniqueSenders_stateStaysWithinTheCleanUpWindow() throws Exception {
        int perDay = 2;
        int r = org.osecscreener.stage.Retention.days(org.osecscreener.detect.ScreeningEngine.of(V1));
        int days = 4 * r;
        java.time.OffsetDateTime t0 = java.time.OffsetDateTime.parse("2026-03-01T10:00:00Z");
        List<Transaction> txs = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < perDay; i++) {
                txs.add(transfer("T-" + d + "-" + i, "S-" + d + "-" + i, t0.plusDays(d).plusSeconds(i)));
            }
        }
        List<Envelope> routed = routed(txs);
        assertThat(routed).hasSize(perDay * days);
        try (var h = StageHarness.senderHarness(new SenderStepFunction(Level.NONE))) {
            int afterFirstDay = 0;
            int most = 0;
            for (int i = 0; i < routed.size(); i++) {
                Envelope e = routed.get(i);
                h.processElement(e, e.time);
                h.processWatermark(e.time);
                if (i == perDay - 1) {
                    afterFirstDay = h.numKeyedStateEntries();
                }
                most = Math.max(most, h.numKeyedStateEntries());
            }
            assertThat(afterFirstDay).isGreaterThan(0);
            assertThat(most).as("keyed state entries, at most; one day's senders hold %d", afterFirstDay)
                    .isLessThanOrEqualTo((2 * r + 3) * afterFirstDay)
                    .isLessThan(days * afterFirstDay * 3 / 4);
            assertThat(h.numEventTimeTimers()).as("one timer per sender still held").isEqualTo(h.numKeyedStateEntries() / (afterFirstDay / perDay));
        }
    }
}
