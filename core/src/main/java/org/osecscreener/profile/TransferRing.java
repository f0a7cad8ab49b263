package org.osecscreener.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.osecscreener.model.EvidenceIds;

/**
 * The most recent transfers of a relationship, kept in event-time order: time, amount in the
 * bundle's base currency, {@linkplain Traits traits} (local hour, cover phrase, round amount,
 * family link) and transaction id (the evidence an analyst sees).
 *
 * <p>Why: cadence, regularity and escalation need the individual transfers, not only counts, but
 * only the last few. A late arrival is inserted at its place in time; when the ring is full, the
 * oldest transfer is dropped (or the late one, if it is older than all kept). Size is bounded by
 * the capacity, whatever the history.
 *
 * <p>Not thread-safe; owned by one profile.
 */
public final class TransferRing {
    private final int capacity;
    /** Longs per transfer in {@link #times}. */
    private static final int STRIDE = 3;
    /**
     * Time, amount and traits interleaved, three longs per transfer (the amount as its raw double
     * bits): the detectors read them together, and one array is one object to fetch, not three.
     */
    private long[] times;
    /**
     * The transfers' ids, in the same order, packed as bytes: they are read only when a rule's
     * evidence is rendered, so they are kept cold ({@link PackedIds}), not as a string each.
     */
    private final PackedIds ids = new PackedIds();
    private int size;
    /** The array of every ring that holds no transfer yet: a ring gets its own at its first transfer, one slot at first, then doubling. */
    private static final long[] NO_TIMES = new long[0];

    /** @param capacity the most transfers kept, 1 to 256 */
    public TransferRing(int capacity) {
        if (capacity < 1 || capacity > 256) {
            throw new IllegalArgumentException("capacity was " + capacity + "; accepted: 1 to 256");
        }
        this.capacity = capacity;
        times = NO_TIMES;
    }

    /** Adds a transfer without traits at its place in time; returns {@code false} if it was older than all kept in a full ring. */
    public boolean add(long epochSecond, double amount, String txId) {
        return add(epochSecond, amount, txId, 0);
    }

    /**
     * Adds a transfer at its place in time.
     *
     * @param traits its {@link Traits}
     * @return {@code false} if it was older than all kept in a full ring (and was not added)
     */
    public boolean add(long epochSecond, double amount, String txId, int traits) {
        if (size == capacity) {
            if (epochSecond < times[0]) {
                return false;
            }
            shiftOutOldest();
        } else {
            makeRoom();
        }
        int i = placeOf(epochSecond);
        times[STRIDE * i] = epochSecond;
        times[STRIDE * i + 1] = Double.doubleToRawLongBits(amount);
        times[STRIDE * i + 2] = traits;
        ids.insert(i, txId);
        size++;
        return true;
    }

    /** Grows the array when every slot is taken (below the capacity): one slot at first, then doubling. */
    private void makeRoom() {
        if (size * STRIDE == times.length) {
            times = Arrays.copyOf(times, Math.min(capacity, Math.max(1, size * 2)) * STRIDE);
        }
    }

    /** Opens the slot where a transfer at {@code epochSecond} goes (after every one at or before it) and returns it. */
    private int placeOf(long epochSecond) {
        int i = size;
        while (i > 0 && times[STRIDE * (i - 1)] > epochSecond) {
            System.arraycopy(times, STRIDE * (i - 1), times, STRIDE * i, STRIDE);
            i--;
        }
        return i;
    }

    private void shiftOutOldest() {
        System.arraycopy(times, STRIDE, times, 0, STRIDE * (size - 1));
        ids.removeFirst();
        size--;
    }

    /** Adds every transfer of {@code other}, as {@link #add(long, double, String, int)} would one by one. */
    public void addAll(TransferRing other) {
        for (int j = 0; j < other.size; j++) {
            long second = other.second(j);
            if (size == capacity) {
                if (second < times[0]) {
                    continue;
                }
                shiftOutOldest();
            } else {
                makeRoom();
            }
            int i = placeOf(second);
            times[STRIDE * i] = second;
            times[STRIDE * i + 1] = other.times[STRIDE * j + 1];
            times[STRIDE * i + 2] = other.times[STRIDE * j + 2];
            ids.insertFrom(i, other.ids, j);
            size++;
        }
    }

    /** Transfers kept. */
    public int size() {
        return size;
    }

    /** Time of the i-th oldest transfer kept, in epoch seconds. */
    public long second(int i) {
        return times[STRIDE * i];
    }

    /** Amount of the i-th oldest transfer kept, in base currency. */
    public double amount(int i) {
        return Double.longBitsToDouble(times[STRIDE * i + 1]);
    }

    /** {@link Traits} of the i-th oldest transfer kept (0 when unknown, e.g. read from an earlier format). */
    public int traits(int i) {
        return (int) times[STRIDE * i + 2];
    }

    /** Id of the i-th oldest transfer kept. */
    public String id(int i) {
        return ids.get(i);
    }

    /** Index of the first transfer at or after {@code fromSecond} ({@link #size()} if none). */
    public int firstIndexFrom(long fromSecond) {
        int i = size;
        while (i > 0 && times[STRIDE * (i - 1)] >= fromSecond) {
            i--;
        }
        return i;
    }

    /**
     * The ids of transfers {@code from} (inclusive) to the end, newest last, at most {@code max} (the
     * newest): an immutable list whose ids are decoded when read ({@link EvidenceIds}, unless one
     * is {@code null}).
     */
    public List<String> idsFrom(int from, int max) {
        int start = Math.max(from, size - max);
        return ids.evidence(Math.min(start, size), size);
    }

    /**
     * The ids of the last {@code max} transfers from index {@code from} on whose base amount is at
     * most {@code maxAmount} and whose traits hold every bit of {@code traits} (0: any), oldest first:
     * the evidence of a rule that counted those transfers (immutable, decoded when read).
     */
    public List<String> idsFrom(int from, int max, double maxAmount, int traits) {
        int[] picked = new int[Math.max(0, Math.min(max, size - from))];
        int n = 0;
        for (int i = size - 1; i >= from && n < picked.length; i--) {
            if (amount(i) <= maxAmount && (traits(i) & traits) == traits) {
                picked[n++] = i;
            }
        }
        for (int a = 0, b = n - 1; a < b; a++, b--) {
            int t = picked[a];
            picked[a] = picked[b];
            picked[b] = t;
        }
        return ids.evidence(picked, n);
    }

    long estimatedBytes() {
        return 32 + 16 + (long) times.length * 8 + 24 + ids.arrayBytes();
    }

    void writeTo(DataOutput out) throws IOException {
        writeTo(out, false);
    }

    /** Writes the ring; with {@code withTraits}, each transfer's traits too. */
    void writeTo(DataOutput out, boolean withTraits) throws IOException {
        out.writeShort(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(second(i));
            out.writeDouble(amount(i));
            ids.writeNullable(out, i);
            if (withTraits) {
                out.writeInt(traits(i));
            }
        }
    }

    void readFrom(DataInput in) throws IOException {
        readFrom(in, false);
    }

    /** Reads what {@link #writeTo(DataOutput, boolean)} wrote with the same {@code withTraits}. */
    void readFrom(DataInput in, boolean withTraits) throws IOException {
        int n = in.readUnsignedShort();
        if (n > capacity) {
            throw new IOException("corrupt profile: " + n + " transfers for a capacity of " + capacity);
        }
        size = 0;
        times = NO_TIMES;
        ids.clear();
        for (int i = 0; i < n; i++) {
            long t = in.readLong();
            double a = in.readDouble();
            if (size > 0 && t < times[STRIDE * (size - 1)]) {
                // out of order (never written so, but read as add would place it)
                String id = ProfileIo.readNullable(in);
                add(t, a, id, withTraits ? in.readInt() : 0);
                continue;
            }
            makeRoom();
            ids.readNullableAppend(in);
            times[STRIDE * size] = t;
            times[STRIDE * size + 1] = Double.doubleToRawLongBits(a);
            times[STRIDE * size + 2] = withTraits ? in.readInt() : 0;
            size++;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TransferRing r) || r.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (r.second(i) != second(i) || Double.compare(r.amount(i), amount(i)) != 0 || r.traits(i) != traits(i)
                    || !r.ids.sameAt(i, ids, i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = h * 31 + Long.hashCode(second(i));
        }
        return h;
    }

    /** Makes this ring an independent copy of {@code other} (same capacity). */
    void copyFrom(TransferRing other) {
        if (other.capacity != capacity) {
            throw new IllegalArgumentException("capacity " + other.capacity + " copied into " + capacity);
        }
        times = other.size == 0 ? NO_TIMES : Arrays.copyOf(other.times, other.size * STRIDE);
        ids.copyFrom(other.ids);
        size = other.size;
    }
}
