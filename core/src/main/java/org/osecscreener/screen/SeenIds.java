package org.osecscreener.screen;

import org.osecscreener.profile.Hashing;

/**
 * The transaction ids screened within the retention, for de-duplication: 64-bit hashes of the
 * ids with the event day they were last seen and a fingerprint of their content
 * ({@link ContentFingerprint}), in one open-addressing table.
 *
 * <p>Why not a map of strings: the set holds every id of the retention window (millions), and a
 * hash map of strings costs well over 100 bytes and a cache miss or two per id. Here an id costs
 * 24 bytes (hash, day and fingerprint side by side, so that a probe reads one cache line) at most
 * 60% load. Two different ids share a 64-bit hash with probability about n²/2⁶⁵ (for ten million
 * ids, about 3 in a million runs): such a pair would be taken for the same id.
 *
 * <p>When the table fills, entries older than the retention (in event days, relative to the
 * latest day seen) are dropped; if that is not enough, the oldest days go until a quarter of the
 * table is free. Not thread-safe: the Screener holds its lock.
 */
final class SeenIds {
    /** What an id seen again is. */
    enum Seen {
        /** Not seen within the retention: remembered now, screen it. */
        NEW,
        /** Seen with the same content: an exact replay; nothing changes. */
        REPLAY,
        /** Seen with different content: the id was reused; nothing changes. */
        CONFLICT
    }

    private static final int SLOT = 3;
    private int retentionDays;
    private final long maxIds;
    /** Slot {@code i} is {@code table[3i]} (the id's hash, 0 when free), {@code table[3i + 1]} (its day) and {@code table[3i + 2]} (its content fingerprint). */
    private long[] table;
    private int size;
    private int maxDay = Integer.MIN_VALUE;
    private int lastDay;

    SeenIds(int retentionDays, long maxIds) {
        this.retentionDays = retentionDays;
        this.maxIds = maxIds;
        table = new long[SLOT << 16];
    }

    /**
     * Records {@code id} with content {@code fingerprint} as seen on {@code day}, unless it was seen
     * within the retention. Only a {@link Seen#NEW} id moves the event-time clock ({@link #maxDay()}).
     *
     * @return whether it is new, an exact replay or a reuse of the id with other content (then
     *         {@link #lastDay()} is the day it was first seen)
     */
    Seen check(String id, long fingerprint, int day) {
        long h = Hashing.hash64(id);
        long[] t = table;
        int mask = (t.length / SLOT) - 1;
        int i = slot(h, mask);
        long k;
        while ((k = t[SLOT * i]) != 0) {
            if (k == h) {
                if (t[SLOT * i + 1] >= Math.max(maxDay, day) - (long) retentionDays) {
                    lastDay = (int) t[SLOT * i + 1];
                    return t[SLOT * i + 2] == fingerprint ? Seen.REPLAY : Seen.CONFLICT;
                }
                t[SLOT * i + 1] = day;
                t[SLOT * i + 2] = fingerprint;
                advance(day);
                return Seen.NEW;
            }
            i = (i + 1) & mask;
        }
        if ((size + 1) > capacity() * 0.6) {
            makeRoom(day);
            return check(id, fingerprint, day);
        }
        t[SLOT * i] = h;
        t[SLOT * i + 1] = day;
        t[SLOT * i + 2] = fingerprint;
        size++;
        advance(day);
        return Seen.NEW;
    }

    /**
     * Records {@code id} as seen on {@code day} with an unknown content.
     *
     * @return {@code true} if it was not seen within the retention before, {@code false} for a duplicate
     */
    boolean firstSeen(String id, int day) {
        return check(id, 0, day) == Seen.NEW;
    }

    private void advance(int day) {
        if (day > maxDay) {
            maxDay = day;
        }
    }

    /** The day the id of the last {@link Seen#REPLAY} or {@link Seen#CONFLICT} was first seen. */
    int lastDay() {
        return lastDay;
    }

    /** The latest event day of a new id, or {@link Integer#MIN_VALUE} before the first. */
    int maxDay() {
        return maxDay;
    }

    /** The retention in event days. */
    int retentionDays() {
        return retentionDays;
    }

    /** Sets the retention in event days (it follows the bundles held: {@code stage.BundleStage#retentionDays}). */
    void retentionDays(int days) {
        retentionDays = days;
    }

    /** Ids remembered. */
    long size() {
        return size;
    }

    private int capacity() {
        return table.length / SLOT;
    }

    private void makeRoom(int day) {
        long limit = Math.max(1 << 16, Math.min(Integer.MAX_VALUE / 8, (long) (maxIds / 0.6) + 1));
        if (capacity() * 2L <= limit) {
            rebuild(capacity() * 2, Integer.MIN_VALUE);
            return;
        }
        int cutoff = Math.max(maxDay, day) - retentionDays;
        // keep at most 45% of the table: the newest days first
        int[] live = new int[size];
        int n = 0;
        for (int j = 0; j < table.length; j += SLOT) {
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
        long[] t = new long[SLOT * capacity];
        size = 0;
        int mask = capacity - 1;
        for (int j = 0; j < old.length; j += SLOT) {
            if (old[j] != 0 && old[j + 1] >= minDay) {
                int i = slot(old[j], mask);
                while (t[SLOT * i] != 0) {
                    i = (i + 1) & mask;
                }
                t[SLOT * i] = old[j];
                t[SLOT * i + 1] = old[j + 1];
                t[SLOT * i + 2] = old[j + 2];
                size++;
            }
        }
        table = t;
    }

    private static int slot(long h, int mask) {
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
