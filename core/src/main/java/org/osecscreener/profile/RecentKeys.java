package org.osecscreener.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A bounded set of recently seen keys, each with the last event day it was seen and two small
 * attributes: the building block of "distinct X within a window" features (distinct senders into a
 * cluster, distinct clusters paid by a sender).
 *
 * <p>Why this shape: the windows that rules ask about are days long and the thresholds are small
 * (a handful of senders or payees), so an exact count up to a cap is all a detector needs.
 * Keys are 64-bit hashes of identifiers, which keeps the structure free of strings and its size
 * independent of identifier length. Up to {@code capacity} keys are kept; when full, the key seen
 * least recently is dropped, so a count is exact while the distinct keys in the window number at
 * most the capacity and saturates at the capacity otherwise. Every operation is a linear scan of
 * at most {@code capacity} primitive slots: bounded time whatever the history (a hot cluster paid
 * by 100,000 senders costs the same as one paid by 100).
 *
 * <p>Not thread-safe; owned by one profile.
 */
public final class RecentKeys {
    private final int capacity;
    private long[] keys;
    private int[] days;
    private int[] aux1;
    private int[] aux2;
    private int size;

    /** @param capacity the most keys kept, 1 to 4096 */
    public RecentKeys(int capacity) {
        if (capacity < 1 || capacity > 4096) {
            throw new IllegalArgumentException("capacity was " + capacity + "; accepted: 1 to 4096");
        }
        this.capacity = capacity;
        int initial = Math.min(capacity, 4);
        keys = new long[initial];
        days = new int[initial];
        aux1 = new int[initial];
        aux2 = new int[initial];
    }

    /**
     * Records {@code key} as seen on {@code day}. A later day replaces an earlier one; the
     * attributes are those of the latest sighting.
     *
     * @return {@code true} if the key was not present before
     */
    public boolean touch(long key, int day, int a1, int a2) {
        int i = indexOf(key);
        if (i >= 0) {
            if (day >= days[i]) {
                days[i] = day;
                aux1[i] = a1;
                aux2[i] = a2;
            }
            return false;
        }
        if (size == keys.length && size < capacity) {
            grow();
        }
        if (size < keys.length) {
            i = size++;
        } else {
            i = oldest();
            if (days[i] > day) {
                return true; // older than everything kept: counts nowhere
            }
        }
        keys[i] = key;
        days[i] = day;
        aux1[i] = a1;
        aux2[i] = a2;
        return true;
    }

    /** Whether {@code key} is present. */
    public boolean contains(long key) {
        return indexOf(key) >= 0;
    }

    /** The last day {@code key} was seen, or {@link Integer#MIN_VALUE} if absent. */
    public int lastDay(long key) {
        int i = indexOf(key);
        return i < 0 ? Integer.MIN_VALUE : days[i];
    }

    /** Keys seen on or after {@code fromDay}. */
    public int countSince(int fromDay) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (days[i] >= fromDay) {
                n++;
            }
        }
        return n;
    }

    /** Distinct values of the first attribute among keys seen on or after {@code fromDay}. */
    public int distinctAux1Since(int fromDay) {
        int n = 0;
        outer:
        for (int i = 0; i < size; i++) {
            if (days[i] < fromDay) {
                continue;
            }
            for (int j = 0; j < i; j++) {
                if (days[j] >= fromDay && aux1[j] == aux1[i]) {
                    continue outer;
                }
            }
            n++;
        }
        return n;
    }

    /**
     * Among keys seen on or after {@code fromDay}, how many share their first attribute with
     * {@code a1} or with another such key, or their second attribute with {@code a2} or another
     * such key (zero attributes never match). Used for family mitigation: payees sharing the
     * sender's or each other's surname or address.
     */
    public int countRelatedSince(int fromDay, int a1, int a2) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (days[i] < fromDay) {
                continue;
            }
            boolean related = (aux1[i] != 0 && aux1[i] == a1) || (aux2[i] != 0 && aux2[i] == a2);
            for (int j = 0; j < size && !related; j++) {
                if (j != i && days[j] >= fromDay
                        && ((aux1[i] != 0 && aux1[j] == aux1[i]) || (aux2[i] != 0 && aux2[j] == aux2[i]))) {
                    related = true;
                }
            }
            if (related) {
                n++;
            }
        }
        return n;
    }

    /** Renames {@code from} to {@code to}, keeping the later day if both are present. */
    public void rename(long from, long to) {
        int i = indexOf(from);
        if (i < 0) {
            return;
        }
        int j = indexOf(to);
        if (j < 0) {
            keys[i] = to;
            return;
        }
        if (days[i] > days[j]) {
            days[j] = days[i];
            aux1[j] = aux1[i];
            aux2[j] = aux2[i];
        }
        removeAt(i);
    }

    /** Adds every key of {@code other} as {@link #touch} would. */
    public void addAll(RecentKeys other) {
        for (int i = 0; i < other.size; i++) {
            touch(other.keys[i], other.days[i], other.aux1[i], other.aux2[i]);
        }
    }

    /** The number of keys kept. */
    public int size() {
        return size;
    }

    /** The most keys kept. */
    public int capacity() {
        return capacity;
    }

    private void removeAt(int i) {
        int last = --size;
        keys[i] = keys[last];
        days[i] = days[last];
        aux1[i] = aux1[last];
        aux2[i] = aux2[last];
    }

    private int indexOf(long key) {
        long[] k = keys;
        for (int i = 0, n = size; i < n; i++) {
            if (k[i] == key) {
                return i;
            }
        }
        return -1;
    }

    private int oldest() {
        int min = 0;
        for (int i = 1; i < size; i++) {
            if (days[i] < days[min]) {
                min = i;
            }
        }
        return min;
    }

    private void grow() {
        int n = Math.min(capacity, keys.length * 2);
        keys = Arrays.copyOf(keys, n);
        days = Arrays.copyOf(days, n);
        aux1 = Arrays.copyOf(aux1, n);
        aux2 = Arrays.copyOf(aux2, n);
    }

    /** Approximate heap bytes of this structure. */
    long estimatedBytes() {
        return 16 + 4 * 8 + 4 * 16L + (long) keys.length * (8 + 4 + 4 + 4);
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeShort(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(keys[i]);
            out.writeInt(days[i]);
            out.writeInt(aux1[i]);
            out.writeInt(aux2[i]);
        }
    }

    void readFrom(DataInput in) throws IOException {
        int n = in.readUnsignedShort();
        if (n > capacity) {
            throw new IOException("corrupt profile: " + n + " keys for a capacity of " + capacity);
        }
        if (keys.length < n) {
            int cap = Math.min(capacity, Math.max(n, 4));
            keys = new long[cap];
            days = new int[cap];
            aux1 = new int[cap];
            aux2 = new int[cap];
        }
        // written from a valid instance: keys are distinct, so no look-up per key (O(n), not O(n²))
        for (int i = 0; i < n; i++) {
            keys[i] = in.readLong();
            days[i] = in.readInt();
            aux1[i] = in.readInt();
            aux2[i] = in.readInt();
        }
        size = n;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RecentKeys r) || r.size != size || r.capacity != capacity) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (r.keys[i] != keys[i] || r.days[i] != days[i] || r.aux1[i] != aux1[i] || r.aux2[i] != aux2[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = h * 31 + Long.hashCode(keys[i]) + days[i];
        }
        return h;
    }

    /** Makes this table an independent copy of {@code other} (same capacity). */
    void copyFrom(RecentKeys other) {
        if (other.capacity != capacity) {
            throw new IllegalArgumentException("capacity " + other.capacity + " copied into " + capacity);
        }
        keys = other.keys.clone();
        days = other.days.clone();
        aux1 = other.aux1.clone();
        aux2 = other.aux2.clone();
        size = other.size;
    }
}
