package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The bucket keys of the cluster stage's maps ({@link ClusterStepFunction#bucket}): every id gets a
 * key from 1 to {@link ClusterStepFunction#BUCKETS} (key 0 is the latest event day's), the ids spread
 * over all of them, and within one bucket the ids do not share the hash bits that the heap backend's
 * per-key {@code HashMap} indexes by (they did when the bucket was those bits: every map of a bucket
 * then held its entries in one tree bin, and lookups took 15% of the stage's time).
 */
class ClusterStageBucketsTest {
    /** The index bits of a {@code HashMap} of 256 slots for {@code key}, as {@code HashMap} computes them. */
    private static int hashMapSlot(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & 255;
    }

    @Test
    void idsSpreadOverEveryBucket_andWithinABucketOverTheSlotsOfItsHashMap() {
        Map<Integer, Set<Integer>> slotsPerBucket = new HashMap<>();
        Map<Integer, Integer> idsPerBucket = new HashMap<>();
        for (int i = 0; i < 400_000; i++) {
            // the shapes of generated transaction and cluster ids
            String id = i % 2 == 0 ? String.format("T-%09d", i) : "C-" + i;
            int b = ClusterStepFunction.bucket(id);
            assertThat(b).as(id).isBetween(1, ClusterStepFunction.BUCKETS);
            slotsPerBucket.computeIfAbsent(b, k -> new HashSet<>()).add(hashMapSlot(id));
            idsPerBucket.merge(b, 1, Integer::sum);
        }
        assertThat(idsPerBucket).as("every bucket used").hasSize(ClusterStepFunction.BUCKETS);
        assertThat(idsPerBucket.values()).as("about 98 ids per bucket, none crowded").allSatisfy(n -> assertThat(n).isBetween(40, 200));
        for (var e : slotsPerBucket.entrySet()) {
            int ids = idsPerBucket.get(e.getKey());
            assertThat(e.getValue().size()).as("distinct HashMap slots among the %d ids of bucket %d", ids, e.getKey())
                    .isGreaterThanOrEqualTo(ids / 2);
        }
    }
}
