package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The retention sweep's turn over the buckets ({@link StateBuckets.Cycle}): every bucket is swept
 * within each run of {@code every} records, a few at a time, never all at once (from
 * {@link StateBuckets#BUCKETS} records per cycle on), and not much faster than asked.
 */
class SweepCycleTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 4095, 4096, 5000, 100_000, ClusterStepFunction.SWEEP_EVERY})
    void everyBucketIsSweptWithinEachCycle_aFewAtATime(int every) {
        StateBuckets.Cycle cycle = new StateBuckets.Cycle(every);
        int[] swept = new int[StateBuckets.BUCKETS + 1];
        int mostAtOnce = 0;
        int records = 3 * every;
        long total = 0;
        for (int r = 1; r <= records; r++) {
            int n = cycle.due();
            mostAtOnce = Math.max(mostAtOnce, n);
            for (int i = 0; i < n; i++) {
                swept[cycle.next()]++;
                total++;
            }
            if (r % every == 0) {
                for (int b = 1; b <= StateBuckets.BUCKETS; b++) {
                    assertThat(swept[b]).as("bucket %d after %d records", b, r).isGreaterThanOrEqualTo(r / every);
                }
            }
        }
        assertThat(swept[0]).as("key 0 is the stage's own, never swept").isZero();
        if (every >= StateBuckets.BUCKETS) {
            assertThat(mostAtOnce).as("one bucket at a time").isEqualTo(1);
            assertThat(total).as("at most twice the asked rate").isLessThanOrEqualTo(2L * 3 * StateBuckets.BUCKETS);
        } else {
            assertThat(mostAtOnce).isEqualTo((StateBuckets.BUCKETS + every - 1) / every);
        }
    }

    @Test
    void refusesACycleOfNoRecords() {
        assertThatThrownBy(() -> new StateBuckets.Cycle(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
