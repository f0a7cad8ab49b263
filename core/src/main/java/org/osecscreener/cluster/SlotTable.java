package org.osecscreener.cluster;

import java.util.Arrays;

/**
 * An open-addressing hash table of {@link Slot}s keyed by their own key, for the resolver's
 * beneficiary and identifier indexes.
 *
 * <p>Why not {@code HashMap}: a resolver holds millions of entries that live as long as the
 * process, and {@code HashMap} adds a 32-byte node object per entry that the garbage collector
 * must trace and copy. Here the probed array holds one {@code long} per bucket: the key's spread
 * hash and the position of the slot object (a {@code Node} or an {@code Entry}) in a dense array.
 * A lookup that misses, and the insertion that follows it, touch one cache line of the probed
 * array (the slot array is appended to in order); only a hash match dereferences a slot. In a
 * multi-million-entry table every touched line is a cache miss, so this is what sets the speed.
 * Linear probing, load factor at most 1/2, deletion by backward shift (no tombstones), the last
 * slot moved into a removed one's position, so lookups stay short under eviction churn.
 *
 * <p>Not thread-safe; keys must not change while stored.
 */
final class SlotTable<T extends SlotTable.Slot> {
    /** Something stored in a table: its key and the key's spread hash. */
    abstract static class Slot {
        int hash;

        abstract Object key();
    }

    /** Buckets: 0 when empty, else {@code hash << 32 | (position + 1)}. */
    private long[] buckets;
    /** The slots, dense in positions {@code [0, size)}. */
    private Slot[] slots;
    private int mask;
    private int size;

    SlotTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, Math.min(expected, 1 << 20)) * 2 - 1) << 1;
        buckets = new long[cap];
        slots = new Slot[cap >>> 1];
        mask = cap - 1;
    }

    static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    int size() {
        return size;
    }

    /** The slot with this key, or {@code null}; {@code hash} is {@code spread(key.hashCode())}. */
    @SuppressWarnings("unchecked")
    T get(Object key, int hash) {
        long[] b = buckets;
        int m = mask;
        for (int i = hash & m; ; i = (i + 1) & m) {
            long e = b[i];
            if (e == 0) {
                return null;
            }
            if ((int) (e >>> 32) == hash) {
                Slot s = slots[(int) e - 1];
                if (key.equals(s.key())) {
                    return (T) s;
                }
            }
        }
    }

    /** Adds a slot whose key is known to be absent; its {@code hash} must be set. */
    void add(T slot) {
        if (size + 1 > (buckets.length >>> 1)) {
            grow();
        }
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, Math.max(8, size << 1));
        }
        slots[size] = slot;
        place(buckets, mask, slot.hash, size + 1);
        size++;
    }

    /** Removes a stored slot (by identity). */
    void remove(T slot) {
        int i = bucketOf(slot);
        if (i < 0) {
            return;
        }
        int position = (int) buckets[i] - 1;
        clear(i);
        int last = size - 1;
        if (position != last) {
            Slot moved = slots[last];
            slots[position] = moved;
            buckets[bucketOf(moved)] = ((long) moved.hash << 32) | (position + 1);
        }
        slots[last] = null;
        size--;
    }

    /** The bucket that points at {@code slot}, or -1. */
    private int bucketOf(Slot slot) {
        long[] b = buckets;
        int m = mask;
        for (int i = slot.hash & m; ; i = (i + 1) & m) {
            long e = b[i];
            if (e == 0) {
                return -1;
            }
            if ((int) (e >>> 32) == slot.hash && slots[(int) e - 1] == slot) {
                return i;
            }
        }
    }

    /** Empties bucket {@code i}, shifting later members of its probe run back into the hole. */
    private void clear(int i) {
        long[] b = buckets;
        int m = mask;
        for (int j = (i + 1) & m; b[j] != 0; j = (j + 1) & m) {
            int home = (int) (b[j] >>> 32) & m;
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                b[i] = b[j];
                i = j;
            }
        }
        b[i] = 0;
    }

    private void grow() {
        long[] old = buckets;
        long[] b = new long[old.length << 1];
        int m = b.length - 1;
        for (long e : old) {
            if (e != 0) {
                place(b, m, (int) (e >>> 32), (int) e);
            }
        }
        buckets = b;
        mask = m;
    }

    private static void place(long[] b, int m, int hash, int positionPlusOne) {
        int i = hash & m;
        while (b[i] != 0) {
            i = (i + 1) & m;
        }
        b[i] = ((long) hash << 32) | (positionPlusOne & 0xFFFFFFFFL);
    }
}
