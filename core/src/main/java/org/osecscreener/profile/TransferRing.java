package org.osecscreener.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    private String[] ids;
    private int size;
    /** The arrays of every ring that holds no transfer yet: a ring gets its own at its first transfer, one at first, then doubling. */
    private static final long[] NO_TIMES = new long[0];
    private static final String[] NO_IDS = new String[0];

    /** @param capacity the most transfers kept, 1 to 256 */
    public TransferRing(int capacity) {
        if (capacity < 1 || capacity > 256) {
            throw new IllegalArgumentException("capacity was " + capacity + "; accepted: 1 to 256");
        }
        this.capacity = capacity;
        times = NO_TIMES;
        ids = NO_IDS;
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
        } else if (size == ids.length) {
            int n = Math.min(capacity, Math.max(1, ids.length * 2));
            times = Arrays.copyOf(times, n * STRIDE);
            ids = Arrays.copyOf(ids, n);
        }
        int i = size;
        while (i > 0 && times[STRIDE * (i - 1)] > epochSecond) {
            System.arraycopy(times, STRIDE * (i - 1), times, STRIDE * i, STRIDE);
            ids[i] = ids[i - 1];
            i--;
        }
        times[STRIDE * i] = epochSecond;
        times[STRIDE * i + 1] = Double.doubleToRawLongBits(amount);
        times[STRIDE * i + 2] = traits;
        ids[i] = txId;
        size++;
        return true;
    }

    private void shiftOutOldest() {
        System.arraycopy(times, STRIDE, times, 0, STRIDE * (size - 1));
        System.arraycopy(ids, 1, ids, 0, size - 1);
        size--;
        ids[size] = null;
    }

    /** Adds every transfer of {@code other}. */
    public void addAll(TransferRing other) {
        for (int i = 0; i < other.size; i++) {
            add(other.second(i), other.amount(i), other.ids[i], other.traits(i));
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
        return ids[i];
    }

    /** Index of the first transfer at or after {@code fromSecond} ({@link #size()} if none). */
    public int firstIndexFrom(long fromSecond) {
        int i = size;
        while (i > 0 && times[STRIDE * (i - 1)] >= fromSecond) {
            i--;
        }
        return i;
    }

    /** The ids of transfers {@code from} (inclusive) to the end, newest last, at most {@code max} (the newest). */
    public List<String> idsFrom(int from, int max) {
        int start = Math.max(from, size - max);
        List<String> out = new ArrayList<>(size - start);
        for (int i = start; i < size; i++) {
            out.add(ids[i]);
        }
        return out;
    }

    /**
     * The ids of the last {@code max} transfers from index {@code from} on whose base amount is at
     * most {@code maxAmount} and whose traits hold every bit of {@code traits} (0: any), oldest first:
     * the evidence of a rule that counted those transfers.
     */
    public List<String> idsFrom(int from, int max, double maxAmount, int traits) {
        ArrayList<String> out = new ArrayList<>(Math.min(max, Math.max(0, size - from)));
        for (int i = size - 1; i >= from && out.size() < max; i--) {
            if (amount(i) <= maxAmount && (traits(i) & traits) == traits) {
                out.add(ids[i]);
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    long estimatedBytes() {
        long b = 16 + 3 * 8 + (long) ids.length * (STRIDE * 8 + 4) + 2 * 16;
        for (int i = 0; i < size; i++) {
            b += ids[i] == null ? 0 : 40 + ids[i].length();
        }
        return b;
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
            ProfileIo.writeNullable(out, ids[i]);
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
        for (int i = 0; i < n; i++) {
            long t = in.readLong();
            double a = in.readDouble();
            String id = ProfileIo.readNullable(in);
            add(t, a, id, withTraits ? in.readInt() : 0);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TransferRing r) || r.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (r.second(i) != second(i) || Double.compare(r.amount(i), amount(i)) != 0 || r.traits(i) != traits(i)
                    || !java.util.Objects.equals(r.ids[i], ids[i])) {
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
        ids = other.size == 0 ? NO_IDS : Arrays.copyOf(other.ids, other.size);
        size = other.size;
    }
}
