package org.osecscreener.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.state.MapState;
import org.apache.flink.streaming.api.operators.KeyContext;

/**
 * The keys that the global stages spread their map state over. The cluster stage and the final stage
 * run as one task on a stream keyed by a constant (0); a map under that one key is one value to the
 * heap backend, which copies it whole (every entry, each through its serializer's {@code copy}) on the
 * first write after each checkpoint, on the task thread: a stall that grows with the state. Spread
 * over {@link #BUCKETS} keys by a hash of the map key, a write copies only its bucket's few entries.
 * The stage's operator ({@link ClusterStageOperator}, {@link FinalStageOperator}) hands its function
 * the key context, which switches to the bucket of each entry it reads or writes and back to key 0
 * (where the stage's timers and single values live).
 */
final class StateBuckets {
    /** Buckets: keys 1 to {@code BUCKETS} (key 0 is the stage's own). A power of two. */
    static final int BUCKETS = 4096;
    /** The boxed keys 0 to {@link #BUCKETS}, so that switching keys allocates nothing. */
    private static final Integer[] KEYS = new Integer[BUCKETS + 1];

    static {
        for (int i = 0; i < KEYS.length; i++) {
            KEYS[i] = i;
        }
    }

    private StateBuckets() {
    }

    /**
     * The bucket key (1 to {@link #BUCKETS}) of a map key: the top bits of its hash times the golden
     * ratio. Not the low bits of the hash, which are what the heap backend's {@code HashMap} of each
     * bucket indexes by: keys sharing them would all collide in that map.
     */
    static int bucket(String key) {
        return 1 + ((key.hashCode() * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(BUCKETS)));
    }

    /** Makes {@code key} (0, or a bucket) the current key of {@code keys}. */
    static void at(KeyContext keys, int key) {
        keys.setCurrentKey(key < KEYS.length ? KEYS[key] : Integer.valueOf(key));
    }

    /**
     * Moves the entries of {@code state} held under key 0 (where earlier builds kept whole maps) into
     * their buckets; reads nothing else, and moves nothing after the first restore. Leaves key 0 current.
     *
     * @return how many entries were moved
     */
    static <V> int toBuckets(KeyContext keys, MapState<String, V> state) throws Exception {
        at(keys, 0);
        List<Map.Entry<String, V>> all = new ArrayList<>();
        for (var en : state.entries()) {
            all.add(Map.entry(en.getKey(), en.getValue()));
        }
        if (all.isEmpty()) {
            return 0;
        }
        state.clear();
        for (var en : all) {
            at(keys, bucket(en.getKey()));
            state.put(en.getKey(), en.getValue());
        }
        at(keys, 0);
        return all.size();
    }

    /**
     * The retention sweep's turn over the buckets: one full cycle every {@code every} records, one
     * bucket every {@code every / BUCKETS} records (several at a time below {@code BUCKETS} records, as
     * tests ask). A sweep of every bucket at once took 40–120 ms on the task thread with the 1M
     * benchmark file's state (about 600,000 seen ids), a stall for every record behind it; one bucket
     * costs some tens of microseconds. The same entries are freed at the same average rate. Not
     * checkpointed: after a restore the turn starts again at bucket 1.
     */
    static final class Cycle {
        private final int step;
        private final int perStep;
        private int since;
        private int next = 1;

        /** @param every records per full cycle over the buckets, at least 1 */
        Cycle(int every) {
            if (every < 1) {
                throw new IllegalArgumentException("records per sweep cycle must be at least 1, was " + every);
            }
            step = Math.max(1, every / BUCKETS);
            perStep = (BUCKETS + every - 1) / every;
        }

        /** Counts a record; returns how many buckets to sweep now (0 for most records). */
        int due() {
            if (++since < step) {
                return 0;
            }
            since = 0;
            return perStep;
        }

        /** The next bucket to sweep, 1 to {@link #BUCKETS} in turn. */
        int next() {
            int b = next;
            next = b == BUCKETS ? 1 : b + 1;
            return b;
        }
    }
}
