package org.osecscreener.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * What the screening remembers about one sender → payee-cluster relationship: when it began,
 * how many transfers it has had, and the most recent {@link #RECENT} transfers (time, base amount,
 * id) for cadence, regularity, escalation and family-support patterns.
 *
 * <p>Bounded by {@link #RECENT}; not thread-safe.
 */
public final class PairProfile {
    /** Most recent transfers kept. */
    public static final int RECENT = 32;
    /** Format 2 adds each transfer's traits; format 1 (earlier builds) is still read, with traits 0. */
    private static final int FORMAT = 2;

    private final TransferRing recent = new TransferRing(RECENT);
    private long firstSecond = Long.MIN_VALUE;
    private long transfers;
    /** Whether the relationship's first transfer was also the sender's first to the payee's country. */
    private boolean countryWasNew;

    /** The recent transfers, oldest first. */
    public TransferRing recent() {
        return recent;
    }

    /** Epoch second of the first transfer of the relationship, or {@link Long#MIN_VALUE}. */
    public long firstSecond() {
        return firstSecond;
    }

    /** Whether the relationship's first transfer was also the sender's first transfer to the payee's country. */
    public boolean countryWasNew() {
        return countryWasNew;
    }

    /** Records whether the relationship began with the sender's first transfer to the payee's country. */
    public void countryWasNew(boolean value) {
        countryWasNew = value;
    }

    /** Transfers in the relationship (duplicates excluded). */
    public long transfers() {
        return transfers;
    }

    /** Adds one transfer without traits. */
    public void add(long epochSecond, double baseAmount, String txId) {
        add(epochSecond, baseAmount, txId, 0);
    }

    /** Adds one transfer with its {@link Traits}. */
    public void add(long epochSecond, double baseAmount, String txId, int traits) {
        if (firstSecond == Long.MIN_VALUE || epochSecond < firstSecond) {
            firstSecond = epochSecond;
        }
        transfers++;
        recent.add(epochSecond, baseAmount, txId, traits);
    }

    /** Folds {@code other} (the same sender's relationship with an absorbed cluster) into this one. */
    public void absorb(PairProfile other) {
        if (other.firstSecond != Long.MIN_VALUE && (firstSecond == Long.MIN_VALUE || other.firstSecond < firstSecond)) {
            firstSecond = other.firstSecond;
        }
        transfers += other.transfers;
        countryWasNew &= other.countryWasNew;
        recent.addAll(other.recent);
    }

    /** Approximate heap bytes, for sizing. */
    public long estimatedBytes() {
        return 40 + recent.estimatedBytes();
    }

    /** Writes the binary form. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeLong(firstSecond);
        out.writeLong(transfers);
        out.writeBoolean(countryWasNew);
        recent.writeTo(out, true);
    }

    /** Reads what {@link #writeTo} wrote. */
    public static PairProfile readFrom(DataInput in) throws IOException {
        int format = in.readUnsignedByte();
        if (format != 1 && format != FORMAT) {
            throw new IOException("pair profile format " + format + " is not supported; this build reads 1 and " + FORMAT);
        }
        PairProfile p = new PairProfile();
        p.firstSecond = in.readLong();
        p.transfers = in.readLong();
        if (format >= 2) {
            p.countryWasNew = in.readBoolean();
        }
        p.recent.readFrom(in, format >= 2);
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PairProfile p && p.firstSecond == firstSecond && p.transfers == transfers
                && p.countryWasNew == countryWasNew && p.recent.equals(recent);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(firstSecond) * 31 + Long.hashCode(transfers);
    }

    /** An independent deep copy (for state backends that copy values; cheaper than writing and reading it). */
    public PairProfile copy() {
        PairProfile p = new PairProfile();
        p.firstSecond = firstSecond;
        p.transfers = transfers;
        p.countryWasNew = countryWasNew;
        p.recent.copyFrom(recent);
        return p;
    }
}
