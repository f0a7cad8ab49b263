package org.osecscreener.cluster;

/**
 * An open-addressing hash table of {@link Slot}s keyed by their own key, for the resolver's
 * beneficiary and identifier indexes.
 *
 * <p>Why not {@code HashMap}: a resolver holds millions of entries that live as long as the
 * process, and {@code HashMap} adds a 32-byte node object per entry that the garbage collector
 * must trace and copy. Here the slot object (a {@code Node} or an {@code Entry}) sits in the
 * array itself and carries its cached hash. The hashes are also kept in a parallel {@code int}
 * array, so that probing past other keys reads adjacent array elements instead of dereferencing
 * each slot object (a cache miss apiece in a multi-million-entry table). Linear probing, load
 * factor at most 1/2, deletion by backward shift (no tombstones), so lookups stay short under
 * eviction churn.
 *
 * <p>Not thread-safe; keys must not change while stored.
 */
final class SlotTable<T extends SlotTable.Slot> {
    /** Something stored in a table: its key and the key's spread hash. */
    abstract static class Slot {
        int hash;

        abstract Object key();
    }

    private Slot[] table;
    private int[] hashes;
    private int mask;
    private int size;

    SlotTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, Math.min(expected, 1 << 20)) * 2 - 1) << 1;
        table = new Slot[cap];
        hashes = new int[cap];
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
        Slot[] t = table;
        int[] h = hashes;
        int m = mask;
        for (int i = hash & m; ; i = (i + 1) & m) {
            Slot s = t[i];
            if (s == null) {
                return null;
            }
            if (h[i] == hash && key.equals(s.key())) {
                return (T) s;
            }
        }
    }

    /** Adds a slot whose key is known to be absent; its {@code hash} must be set. */
    void add(T slot) {
        if (size + 1 > (table.length >>> 1)) {
            grow();
        }
        insert(table, hashes, mask, slot);
        size++;
    }

    /** Removes a stored slot (by identity). */
    void remove(T slot) {
        Slot[] t = table;
        int[] h = hashes;
        int m = mask;
        int i = slot.hash & m;
        while (t[i] != slot) {
            if (t[i] == null) {
                return;
            }
            i = (i + 1) & m;
        }
        // backward-shift deletion: move later members of the probe run into the hole
        for (int j = (i + 1) & m; t[j] != null; j = (j + 1) & m) {
            int home = h[j] & m;
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                t[i] = t[j];
                h[i] = h[j];
                i = j;
            }
        }
        t[i] = null;
        h[i] = 0;
        size--;
    }

    private void grow() {
        Slot[] old = table;
        Slot[] t = new Slot[old.length << 1];
        int[] h = new int[t.length];
        int m = t.length - 1;
        for (Slot s : old) {
            if (s != null) {
                insert(t, h, m, s);
            }
        }
        table = t;
        hashes = h;
        mask = m;
    }

    private static void insert(Slot[] t, int[] h, int m, Slot s) {
        int i = s.hash & m;
        while (t[i] != null) {
            i = (i + 1) & m;
        }
        t[i] = s;
        h[i] = s.hash;
    }
}
