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
    /**
     * Longs per slot: the key; the day (high half) and first attribute (low half); the sightings
     * (high half, saturating) and second attribute (low half).
     */
    private static final int STRIDE = 3;
    private final int capacity;
    /**
     * The slots, interleaved in one array: a profile touches one object here instead of one per
     * field (at a cache miss each when the profile is cold, which it mostly is).
     */
    private long[] slots;
    private int size;
    /**
     * The slots of every table that holds no key yet: a table gets its own array at its first key,
     * one slot at first, then doubling (most tables of a profile hold one or two keys, and many none).
     */
    private static final long[] NO_SLOTS = new long[0];

    /** @param capacity the most keys kept, 1 to 4096 */
    public RecentKeys(int capacity) {
        if (capacity < 1 || capacity > 4096) {
            throw new IllegalArgumentException("capacity was " + capacity + "; accepted: 1 to 4096");
        }
        this.capacity = capacity;
        slots = NO_SLOTS;
    }

    private long key(int i) {
        return slots[i * STRIDE];
    }

    private int day(int i) {
        return (int) (slots[i * STRIDE + 1] >> 32);
    }

    private int aux1(int i) {
        return (int) slots[i * STRIDE + 1];
    }

    private int aux2(int i) {
        return (int) slots[i * STRIDE + 2];
    }

    private int sightings(int i) {
        return (int) (slots[i * STRIDE + 2] >>> 32);
    }

    private void set(int i, long key, int day, int a1, int a2, int sightings) {
        int at = i * STRIDE;
        slots[at] = key;
        slots[at + 1] = ((long) day << 32) | (a1 & 0xFFFF_FFFFL);
        slots[at + 2] = ((long) Math.min(sightings, MAX_SIGHTINGS) << 32) | (a2 & 0xFFFF_FFFFL);
    }

    /** Sightings are counted up to this. */
    private static final int MAX_SIGHTINGS = Integer.MAX_VALUE;

    private int slotCount() {
        return slots.length / STRIDE;
    }

    /**
     * Records {@code key} as seen on {@code day}. A later day replaces an earlier one; the
     * attributes are those of the latest sighting.
     *
     * @return {@code true} if the key was not present before
     */
    public boolean touch(long key, int day, int a1, int a2) {
        return touch(key, day, a1, a2, 1);
    }

    private boolean touch(long key, int day, int a1, int a2, int times) {
        int i = indexOf(key);
        if (i >= 0) {
            int seen = (int) Math.min(MAX_SIGHTINGS, (long) sightings(i) + times);
            if (day >= day(i)) {
                set(i, key, day, a1, a2, seen);
            } else {
                set(i, key, day(i), aux1(i), aux2(i), seen);
            }
            return false;
        }
        if (size == slotCount() && size < capacity) {
            grow();
        }
        if (size < slotCount()) {
            i = size++;
        } else {
            i = oldest();
            if (day(i) > day) {
                return true; // older than everything kept: counts nowhere
            }
        }
        set(i, key, day, a1, a2, times);
        return true;
    }

    /** Whether {@code key} is present. */
    public boolean contains(long key) {
        return indexOf(key) >= 0;
    }

    /** The last day {@code key} was seen, or {@link Integer#MIN_VALUE} if absent. */
    public int lastDay(long key) {
        int i = indexOf(key);
        return i < 0 ? Integer.MIN_VALUE : day(i);
    }

    /**
     * The latest day any key was seen, or {@link Integer#MIN_VALUE} if none is kept: {@code
     * countSince(d) == 0} exactly when {@code latestDay() < d}.
     */
    public int latestDay() {
        int latest = Integer.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            latest = Math.max(latest, day(i));
        }
        return latest;
    }

    /** Keys seen on or after {@code fromDay}. */
    public int countSince(int fromDay) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (day(i) >= fromDay) {
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
            if (day(i) < fromDay) {
                continue;
            }
            int a = aux1(i);
            for (int j = 0; j < i; j++) {
                if (day(j) >= fromDay && aux1(j) == a) {
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
        return countRelatedSince(fromDay, a1, 0, a2);
    }

    /**
     * As {@link #countRelatedSince(int, int, int)}, with a second value {@code a1Alt} that the first
     * attribute may equal (the sender's maternal middle name beside its surname).
     */
    public int countRelatedSince(int fromDay, int a1, int a1Alt, int a2) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (day(i) < fromDay) {
                continue;
            }
            int x1 = aux1(i);
            int x2 = aux2(i);
            boolean related = (x1 != 0 && (x1 == a1 || x1 == a1Alt)) || (x2 != 0 && x2 == a2);
            for (int j = 0; j < size && !related; j++) {
                if (j != i && day(j) >= fromDay
                        && ((x1 != 0 && aux1(j) == x1) || (x2 != 0 && aux2(j) == x2))) {
                    related = true;
                }
            }
            if (related) {
                n++;
            }
        }
        return n;
    }

    /**
     * Among keys seen on or after {@code fromDay} and at least {@code minSightings} times, how many
     * are not related as {@link #countRelatedSince(int, int, int, int)} defines it (relations are
     * looked for among all keys seen on or after {@code fromDay}).
     */
    public int countUnrelatedSince(int fromDay, int a1, int a1Alt, int a2, int minSightings) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (day(i) < fromDay || sightings(i) < minSightings) {
                continue;
            }
            int x1 = aux1(i);
            int x2 = aux2(i);
            boolean related = (x1 != 0 && (x1 == a1 || x1 == a1Alt)) || (x2 != 0 && x2 == a2);
            for (int j = 0; j < size && !related; j++) {
                if (j != i && day(j) >= fromDay
                        && ((x1 != 0 && aux1(j) == x1) || (x2 != 0 && aux2(j) == x2))) {
                    related = true;
                }
            }
            if (!related) {
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
            slots[i * STRIDE] = to;
            return;
        }
        int seen = (int) Math.min(MAX_SIGHTINGS, (long) sightings(i) + sightings(j));
        if (day(i) > day(j)) {
            set(j, to, day(i), aux1(i), aux2(i), seen);
        } else {
            set(j, to, day(j), aux1(j), aux2(j), seen);
        }
        removeAt(i);
    }

    /** Adds every key of {@code other} as {@link #touch} would. */
    public void addAll(RecentKeys other) {
        for (int i = 0; i < other.size; i++) {
            touch(other.key(i), other.day(i), other.aux1(i), other.aux2(i), other.sightings(i));
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
        System.arraycopy(slots, last * STRIDE, slots, i * STRIDE, STRIDE);
    }

    private int indexOf(long key) {
        long[] k = slots;
        for (int i = 0, end = size * STRIDE; i < end; i += STRIDE) {
            if (k[i] == key) {
                return i / STRIDE;
            }
        }
        return -1;
    }

    private int oldest() {
        int min = 0;
        int minDay = day(0);
        for (int i = 1; i < size; i++) {
            int d = day(i);
            if (d < minDay) {
                min = i;
                minDay = d;
            }
        }
        return min;
    }

    private void grow() {
        int n = Math.min(capacity, Math.max(1, slotCount() * 2));
        slots = Arrays.copyOf(slots, n * STRIDE);
    }

    /** Approximate heap bytes of this structure. */
    long estimatedBytes() {
        return 16 + 2 * 8 + 16L + (long) slots.length * 8;
    }

    void writeTo(DataOutput out) throws IOException {
        writeTo(out, false);
    }

    /** Writes the table; with {@code withSightings}, each key's sightings too. */
    void writeTo(DataOutput out, boolean withSightings) throws IOException {
        out.writeShort(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(key(i));
            out.writeInt(day(i));
            out.writeInt(aux1(i));
            out.writeInt(aux2(i));
            if (withSightings) {
                out.writeInt(sightings(i));
            }
        }
    }

    void readFrom(DataInput in) throws IOException {
        readFrom(in, false);
    }

    /** Reads what {@link #writeTo(DataOutput, boolean)} wrote with the same flag (sightings 1 without). */
    void readFrom(DataInput in, boolean withSightings) throws IOException {
        int n = in.readUnsignedShort();
        if (n > capacity) {
            throw new IOException("corrupt profile: " + n + " keys for a capacity of " + capacity);
        }
        if (slotCount() < n) {
            slots = new long[n * STRIDE];
        }
        // written from a valid instance: keys are distinct, so no look-up per key (O(n), not O(n²))
        for (int i = 0; i < n; i++) {
            long key = in.readLong();
            int day = in.readInt();
            int a1 = in.readInt();
            int a2 = in.readInt();
            set(i, key, day, a1, a2, withSightings ? Math.max(1, in.readInt()) : 1);
        }
        size = n;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RecentKeys r) || r.size != size || r.capacity != capacity) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (r.key(i) != key(i) || r.day(i) != day(i) || r.aux1(i) != aux1(i) || r.aux2(i) != aux2(i)
                    || r.sightings(i) != sightings(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = h * 31 + Long.hashCode(key(i)) + day(i);
        }
        return h;
    }

    /** Makes this table an independent copy of {@code other} (same capacity). */
    void copyFrom(RecentKeys other) {
        if (other.capacity != capacity) {
            throw new IllegalArgumentException("capacity " + other.capacity + " copied into " + capacity);
        }
        slots = other.size == 0 ? NO_SLOTS : Arrays.copyOf(other.slots, other.size * STRIDE);
        size = other.size;
    }
}
