package org.osecscreener.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The most recent transfers of a relationship, kept in event-time order: time, amount in the
 * bundle's base currency, and transaction id (the evidence an analyst sees).
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
    private long[] seconds;
    private double[] amounts;
    private String[] ids;
    private int size;

    /** @param capacity the most transfers kept, 1 to 256 */
    public TransferRing(int capacity) {
        if (capacity < 1 || capacity > 256) {
            throw new IllegalArgumentException("capacity was " + capacity + "; accepted: 1 to 256");
        }
        this.capacity = capacity;
        int initial = Math.min(capacity, 4);
        seconds = new long[initial];
        amounts = new double[initial];
        ids = new String[initial];
    }

    /** Adds a transfer at its place in time; returns {@code false} if it was older than all kept in a full ring. */
    public boolean add(long epochSecond, double amount, String txId) {
        if (size == capacity) {
            if (epochSecond < seconds[0]) {
                return false;
            }
            shiftOutOldest();
        } else if (size == seconds.length) {
            int n = Math.min(capacity, seconds.length * 2);
            seconds = Arrays.copyOf(seconds, n);
            amounts = Arrays.copyOf(amounts, n);
            ids = Arrays.copyOf(ids, n);
        }
        int i = size;
        while (i > 0 && seconds[i - 1] > epochSecond) {
            seconds[i] = seconds[i - 1];
            amounts[i] = amounts[i - 1];
            ids[i] = ids[i - 1];
            i--;
        }
        seconds[i] = epochSecond;
        amounts[i] = amount;
        ids[i] = txId;
        size++;
        return true;
    }

    private void shiftOutOldest() {
        System.arraycopy(seconds, 1, seconds, 0, size - 1);
        System.arraycopy(amounts, 1, amounts, 0, size - 1);
        System.arraycopy(ids, 1, ids, 0, size - 1);
        size--;
        ids[size] = null;
    }

    /** Adds every transfer of {@code other}. */
    public void addAll(TransferRing other) {
        for (int i = 0; i < other.size; i++) {
            add(other.seconds[i], other.amounts[i], other.ids[i]);
        }
    }

    /** Transfers kept. */
    public int size() {
        return size;
    }

    /** Time of the i-th oldest transfer kept, in epoch seconds. */
    public long second(int i) {
        return seconds[i];
    }

    /** Amount of the i-th oldest transfer kept, in base currency. */
    public double amount(int i) {
        return amounts[i];
    }

    /** Id of the i-th oldest transfer kept. */
    public String id(int i) {
        return ids[i];
    }

    /** Index of the first transfer at or after {@code fromSecond} ({@link #size()} if none). */
    public int firstIndexFrom(long fromSecond) {
        int i = size;
        while (i > 0 && seconds[i - 1] >= fromSecond) {
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

    long estimatedBytes() {
        long b = 16 + 4 * 8 + (long) seconds.length * (8 + 8 + 4) + 3 * 16;
        for (int i = 0; i < size; i++) {
            b += ids[i] == null ? 0 : 40 + ids[i].length();
        }
        return b;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeShort(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(seconds[i]);
            out.writeDouble(amounts[i]);
            ProfileIo.writeNullable(out, ids[i]);
        }
    }

    void readFrom(DataInput in) throws IOException {
        int n = in.readUnsignedShort();
        if (n > capacity) {
            throw new IOException("corrupt profile: " + n + " transfers for a capacity of " + capacity);
        }
        size = 0;
        for (int i = 0; i < n; i++) {
            add(in.readLong(), in.readDouble(), ProfileIo.readNullable(in));
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TransferRing r) || r.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (r.seconds[i] != seconds[i] || Double.compare(r.amounts[i], amounts[i]) != 0
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
            h = h * 31 + Long.hashCode(seconds[i]);
        }
        return h;
    }

    /** Makes this ring an independent copy of {@code other} (same capacity). */
    void copyFrom(TransferRing other) {
        if (other.capacity != capacity) {
            throw new IllegalArgumentException("capacity " + other.capacity + " copied into " + capacity);
        }
        seconds = other.seconds.clone();
        amounts = other.amounts.clone();
        ids = other.ids.clone();
        size = other.size;
    }
}
