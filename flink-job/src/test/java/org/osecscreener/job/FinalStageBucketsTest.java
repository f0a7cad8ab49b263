package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.osecscreener.score.Level;

/**
 * The final stage keeps cluster alerts, cluster risk and queue items per bucket of their keys
 * ({@link StateBuckets}), never under the stream's one key (0), where the heap backend would copy each
 * map whole on its first write after every checkpoint; and the maps of earlier builds, restored under
 * key 0, are moved into their buckets when the stage opens, with the same outputs as a run that never
 * had them in that form.
 */
class FinalStageBucketsTest {
    private static final MapStateDescriptor<String, FinalStepFunction.ClusterAlertPojo> ALERTS = new MapStateDescriptor<>(
            "cluster-alerts", Types.STRING, TypeExtractor.getForClass(FinalStepFunction.ClusterAlertPojo.class));
    private static final MapStateDescriptor<String, org.osecscreener.profile.ClusterRisk> RISKS =
            new MapStateDescriptor<>("cluster-risk", Types.STRING, ProfileSerializers.RISK);
    private static final MapStateDescriptor<String, org.osecscreener.profile.QueueItem> ITEMS =
            new MapStateDescriptor<>("queue-items", Types.STRING, ProfileSerializers.ITEM);

    @Test
    void clusterAlertsRiskAndItems_arePerBucket_andOneKeyMapsOfEarlierBuilds_areMovedIntoBucketsOnRestore() throws Exception {
        List<Envelope> partials = new ArrayList<>(TimeAndOrderJobTest.partials(JobTestSupport.sample()));
        partials.sort(Comparator.comparingLong((Envelope e) -> e.time).thenComparingLong(e -> e.seq));
        int half = partials.size() / 2;
        long firstHalfTime = partials.get(half - 1).time;

        List<String> straight;
        try (var h = StageHarness.finalHarness(new FinalStepFunction(Level.NONE, Duration.ofSeconds(30)))) {
            feed(h, partials, 0, partials.size());
            h.processWatermark(Long.MAX_VALUE);
            straight = h.extractOutputValues();
        }
        assertThat(straight).hasSizeGreaterThanOrEqualTo(partials.size());
        assertThat(straight).as("the sample raises cluster alerts, so every map is written")
                .anySatisfy(l -> assertThat(l).contains("\"kind\":\"cluster\""));

        OperatorSubtaskState snapshot;
        List<String> first;
        try (var h = StageHarness.finalHarness(new FinalStepFunction(Level.NONE, Duration.ofSeconds(30)))) {
            feed(h, partials, 0, half);
            h.processWatermark(firstHalfTime);
            first = h.extractOutputValues();
            for (var d : List.of(ALERTS, RISKS, ITEMS)) {
                assertThat(keys(h, d.getName())).as("%s under buckets, never key 0", d.getName()).isNotEmpty()
                        .allSatisfy(k -> assertThat(k).isBetween(1, StateBuckets.BUCKETS));
            }
            assertThat(keys(h, RISKS.getName())).as("spread over many buckets").hasSizeGreaterThan(20);
            // the layout of the builds before the buckets: each map under the stream's one key
            toKeyZero(h, ALERTS);
            toKeyZero(h, RISKS);
            toKeyZero(h, ITEMS);
            for (var d : List.of(ALERTS, RISKS, ITEMS)) {
                assertThat(keys(h, d.getName())).containsExactly(0);
            }
            snapshot = h.snapshot(1, 1);
        }
        try (var h = StageHarness.finalHarness(new FinalStepFunction(Level.NONE, Duration.ofSeconds(30)), snapshot)) {
            for (var d : List.of(ALERTS, RISKS, ITEMS)) {
                assertThat(keys(h, d.getName())).as("%s moved into buckets on restore", d.getName()).isNotEmpty()
                        .doesNotContain(0);
            }
            feed(h, partials, half, partials.size());
            h.processWatermark(Long.MAX_VALUE);
            List<String> all = new ArrayList<>(first);
            all.addAll(h.extractOutputValues());
            assertThat(all).as("the same outputs as a run that kept its maps in buckets").isEqualTo(straight);
        }
    }

    private static void feed(KeyedOneInputStreamOperatorTestHarness<Integer, Envelope, String> h, List<Envelope> partials,
                             int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            Envelope e = partials.get(i);
            // each run's first record carries the bundle, as the sender stage sends it on each channel
            Envelope copy = new Envelope(e.key, e.time, e.seq, e.ingest, e.version,
                    i == from ? Engines.canonical(OperatorHarnessTest.V1) : null, e.body);
            h.processElement(copy, e.time);
        }
    }

    /** Keys that hold entries of a map state of the final stage. */
    private static Set<Integer> keys(KeyedOneInputStreamOperatorTestHarness<Integer, Envelope, String> h, String state) {
        return StageHarness.stateKeys((AbstractStreamOperator<?>) h.getOperator(), state);
    }

    private static <V> void toKeyZero(KeyedOneInputStreamOperatorTestHarness<Integer, Envelope, String> h,
                                      MapStateDescriptor<String, V> d) throws Exception {
        StageHarness.toKeyZero((AbstractStreamOperator<?>) h.getOperator(), d);
    }
}
