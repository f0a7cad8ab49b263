package org.osecscreener.screen;

import org.osecscreener.profile.Hashing;

/**
 * The transaction ids screened within the retention, for de-duplication: 64-bit hashes of the
 * ids with the event day they were last seen, in one open-addressing table.
 *
 * <p>Why not a map of strings: the set holds every id of the retention window (millions), and a
 * hash map of strings costs well over 100 bytes and a cache miss or two per id. Here an id costs
 * 12 bytes at most 60% load. Two different ids share a 64-bit hash with probability about
 * n²/2⁶⁵ (for ten million ids, about 3 in a million runs): such a pair would be taken for a
 * duplicate.
 *
 * <p>When the table fills, entries older than the retention (in event days, relative to the
 * latest day seen) are dropped; if that is not enough, the oldest days go until a quarter of the
 * table is free. Not thread-safe: the Screener holds its lock.
 */
final class SeenIds {
    private final int retentionDays;
    private final long maxIds;
    private long[] keys;
    private int[] days;
    private int size;
    private int maxDay = Integer.MIN_VALUE;

    SeenIds(int retentionDays, long maxIds) {
        this.retentionDays = retentionDays;
        this.maxIds = maxIds;
        int cap = 1 << 16;
        keys = new long[cap];
        days = new int[cap];
    }

    /**
     * Records {@code id} as seen on {@code day}.
     *
     * @return {@code true} if it was not seen within the retention before (screen it), {@code false}
     *         for a duplicate
     */
    boolean firstSeen(String id, int day) {
        long h = Hashing.hash64(id);
        if (day > maxDay) {
            maxDay = day;
        }
        int mask = keys.length - 1;
        int i = slot(h, mask);
        while (keys[i] != 0) {
            if (keys[i] == h) {
                if (days[i] >= maxDay - retentionDays) {
                    return false;
                }
                days[i] = day;
                return true;
            }
            i = (i + 1) & mask;
        }
        if ((size + 1) > keys.length * 0.6) {
            makeRoom();
            return firstSeen(id, day);
        }
        keys[i] = h;
        days[i] = day;
        size++;
        return true;
    }

    /** The latest event day seen, or {@link Integer#MIN_VALUE} before the first id. */
    int maxDay() {
        return maxDay;
    }

    /** The retention in event days. */
    int retentionDays() {
        return retentionDays;
    }

    /** Ids remembered. */
    long size() {
        return size;
    }

    private void makeRoom() {
        long limit = Math.max(1 << 16, Math.min(Integer.MAX_VALUE / 2, (long) (maxIds / 0.6) + 1));
        if (keys.length * 2L <= limit) {
            rebuild(keys.length * 2, Integer.MIN_VALUE);
            return;
        }
        int cutoff = maxDay - retentionDays;
        // keep at most 45% of the table: the newest days first
        int[] live = new int[size];
        int n = 0;
        for (int j = 0; j < keys.length; j++) {
            if (keys[j] != 0 && days[j] >= cutoff) {
                live[n++] = days[j];
            }
        }
        int keep = (int) (keys.length * 0.45);
        if (n > keep) {
            java.util.Arrays.sort(live, 0, n);
            cutoff = live[n - keep] + 1; // whole days only: a day is kept entirely or dropped
        }
        rebuild(keys.length, cutoff);
    }

    /** Re-inserts the entries seen on or after {@code minDay} into a table of {@code capacity}. */
    private void rebuild(int capacity, int minDay) {
        long[] oldKeys = keys;
        int[] oldDays = days;
        keys = new long[capacity];
        days = new int[capacity];
        size = 0;
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0 && oldDays[j] >= minDay) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                days[i] = oldDays[j];
                size++;
            }
        }
    }

    private static int slot(long h, int mask) {
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
