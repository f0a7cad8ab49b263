package org.osecscreener.screen;

import org.osecscreener.profile.Hashing;

/**
 * The transaction ids screened within the retention, for de-duplication: 64-bit hashes of the
 * ids with the event day they were last seen, in one open-addressing table.
 *
 * <p>Why not a map of strings: the set holds every id of the retention window (millions), and a
 * hash map of strings costs well over 100 bytes and a cache miss or two per id. Here an id costs
 * 16 bytes (hash and day side by side, so that a probe reads one cache line) at most 60% load. Two different ids share a 64-bit hash with probability about
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
    /** Slot {@code i} is {@code table[2i]} (the id's hash, 0 when free) and {@code table[2i + 1]} (its day): one cache line per probe. */
    private long[] table;
    private int size;
    private int maxDay = Integer.MIN_VALUE;

    SeenIds(int retentionDays, long maxIds) {
        this.retentionDays = retentionDays;
        this.maxIds = maxIds;
        table = new long[2 << 16];
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
        long[] t = table;
        int mask = (t.length >>> 1) - 1;
        int i = slot(h, mask);
        long k;
        while ((k = t[2 * i]) != 0) {
            if (k == h) {
                if (t[2 * i + 1] >= maxDay - retentionDays) {
                    return false;
                }
                t[2 * i + 1] = day;
                return true;
            }
            i = (i + 1) & mask;
        }
        if ((size + 1) > capacity() * 0.6) {
            makeRoom();
            return firstSeen(id, day);
        }
        t[2 * i] = h;
        t[2 * i + 1] = day;
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

    private int capacity() {
        return table.length >>> 1;
    }

    private void makeRoom() {
        long limit = Math.max(1 << 16, Math.min(Integer.MAX_VALUE / 4, (long) (maxIds / 0.6) + 1));
        if (capacity() * 2L <= limit) {
            rebuild(capacity() * 2, Integer.MIN_VALUE);
            return;
        }
        int cutoff = maxDay - retentionDays;
        // keep at most 45% of the table: the newest days first
        int[] live = new int[size];
        int n = 0;
        for (int j = 0; j < table.length; j += 2) {
            if (table[j] != 0 && table[j + 1] >= cutoff) {
                live[n++] = (int) table[j + 1];
            }
        }
        int keep = (int) (capacity() * 0.45);
        if (n > keep) {
            java.util.Arrays.sort(live, 0, n);
            cutoff = live[n - keep] + 1; // whole days only: a day is kept entirely or dropped
        }
        rebuild(capacity(), cutoff);
    }

    /** Re-inserts the entries seen on or after {@code minDay} into a table of {@code capacity} slots. */
    private void rebuild(int capacity, int minDay) {
        long[] old = table;
        long[] t = new long[2 * capacity];
        size = 0;
        int mask = capacity - 1;
        for (int j = 0; j < old.length; j += 2) {
            if (old[j] != 0 && old[j + 1] >= minDay) {
                int i = slot(old[j], mask);
                while (t[2 * i] != 0) {
                    i = (i + 1) & mask;
                }
                t[2 * i] = old[j];
                t[2 * i + 1] = old[j + 1];
                size++;
            }
        }
        table = t;
    }

    private static int slot(long h, int mask) {
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
