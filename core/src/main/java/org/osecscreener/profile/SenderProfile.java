package org.osecscreener.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * What the screening remembers about one sender: the payee clusters and countries paid recently,
 * the recent night-time transfers, and whether the sender reached ALERT.
 *
 * <p>Compact and bounded: at most {@link #CLUSTERS} clusters, {@link #COUNTRIES} countries and
 * {@link #NIGHT} night transfers are kept, so the size does not grow with the sender's history.
 * Days are UTC epoch days of event time; seconds are epoch seconds.
 *
 * <p>Not thread-safe: the embedded Screener and the Flink job each give a profile one writer.
 */
public final class SenderProfile {
    /** Most distinct clusters kept (fan-out saturates above it). */
    public static final int CLUSTERS = 64;
    /** Most distinct beneficiary countries kept. */
    public static final int COUNTRIES = 32;
    /** Most night-time transfers kept. */
    public static final int NIGHT = 16;
    /**
     * Format 4 keeps the sender's name and address as 64-bit hashes instead of their text (no raw
     * name or address in state); format 3 added each cluster's and country's sightings. Formats 2
     * and 3 (earlier builds) are still read: the hashes are taken of their text, with one sighting
     * each from format 2.
     */
    private static final int FORMAT = 4;

    private final RecentKeys clusters = new RecentKeys(CLUSTERS);
    private final RecentKeys countries = new RecentKeys(COUNTRIES);
    private final TransferRing night = new TransferRing(NIGHT);
    private long firstSecond = Long.MIN_VALUE;
    private long transfers;
    private long alertSecond = Long.MIN_VALUE;
    private String alertClusterId;
    private String alertTxId;
    // Derived keys, cached while the sender's name and address stay the same (they rarely change):
    // the name and address themselves are kept only as hashes ({@link #textHash}), 0 for none
    private long keyedName;
    private int surnameKey;
    private int middleKey;
    private long keyedAddress;
    private int addressKey;

    /** Clusters paid in source countries: key = cluster hash, aux1 = payee surname hash, aux2 = payee address hash. */
    public RecentKeys clusters() {
        return clusters;
    }

    /** Beneficiary countries paid: key = country code. */
    public RecentKeys countries() {
        return countries;
    }

    /** Recent transfers made in the sender's night hours. */
    public TransferRing night() {
        return night;
    }

    /** Epoch second of the first transfer seen, or {@link Long#MIN_VALUE}. */
    public long firstSecond() {
        return firstSecond;
    }

    /** Transfers seen (duplicates excluded). */
    public long transfers() {
        return transfers;
    }

    /** Counts one transfer at {@code epochSecond}. */
    public void count(long epochSecond) {
        if (firstSecond == Long.MIN_VALUE || epochSecond < firstSecond) {
            firstSecond = epochSecond;
        }
        transfers++;
    }

    /** Epoch second of the sender's latest ALERT, or {@link Long#MIN_VALUE} if never. */
    public long alertSecond() {
        return alertSecond;
    }

    /** The cluster of the latest ALERT, or {@code null}. */
    public String alertClusterId() {
        return alertClusterId;
    }

    /** The transaction of the latest ALERT, or {@code null}. */
    public String alertTxId() {
        return alertTxId;
    }

    /** Records that a transfer of this sender to {@code clusterId} reached ALERT. */
    public void markAlert(long epochSecond, String clusterId, String txId) {
        if (epochSecond >= alertSecond) {
            alertSecond = epochSecond;
            alertClusterId = clusterId;
            alertTxId = txId;
        }
    }

    /** {@link PartyKeys#surname} of {@code name}, cached while the name stays the same. */
    public int surnameKey(String name) {
        long h = textHash(name);
        if (h != keyedName) {
            keyedName = h;
            surnameKey = PartyKeys.surname(name);
            middleKey = PartyKeys.middle(name);
        }
        return surnameKey;
    }

    /** {@link PartyKeys#middle} of the name last given to {@link #surnameKey}. */
    public int middleKey() {
        return middleKey;
    }

    /** {@link PartyKeys#address} of {@code address}, cached while the address stays the same. */
    public int addressKey(String address) {
        long h = textHash(address);
        if (h != keyedAddress) {
            keyedAddress = h;
            addressKey = PartyKeys.address(address);
        }
        return addressKey;
    }

    /**
     * The hash a name or address is kept as: 0 for none, else its 64-bit {@link Hashing#hash64}
     * (1 if that is 0). Two different texts share a hash with probability about 2⁻⁶⁴; the sender's
     * keys would then not be recomputed for the second.
     */
    private static long textHash(String text) {
        if (text == null) {
            return 0;
        }
        long h = Hashing.hash64(text);
        return h == 0 ? 1 : h;
    }

    /** Tells this profile that cluster {@code absorbed} is now part of {@code survivor}. */
    public void renameCluster(String absorbed, String survivor) {
        clusters.rename(Hashing.hash64(absorbed), Hashing.hash64(survivor));
        if (absorbed.equals(alertClusterId)) {
            alertClusterId = survivor;
        }
    }

    /** Approximate heap bytes, for sizing (see the benchmarks README). */
    public long estimatedBytes() {
        return 64 + clusters.estimatedBytes() + countries.estimatedBytes() + night.estimatedBytes()
                + (alertClusterId == null ? 0 : 80);
    }

    /** Writes the binary form. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        clusters.writeTo(out, true);
        countries.writeTo(out, true);
        night.writeTo(out);
        out.writeLong(firstSecond);
        out.writeLong(transfers);
        out.writeLong(alertSecond);
        ProfileIo.writeNullable(out, alertClusterId);
        ProfileIo.writeNullable(out, alertTxId);
        // the derived name and address keys travel too, so a profile read back from state does
        // not fold the sender's name again on every transaction
        out.writeLong(keyedName);
        out.writeInt(surnameKey);
        out.writeInt(middleKey);
        out.writeLong(keyedAddress);
        out.writeInt(addressKey);
    }

    /** Reads what {@link #writeTo} wrote. */
    public static SenderProfile readFrom(DataInput in) throws IOException {
        int format = in.readUnsignedByte();
        if (format < 2 || format > FORMAT) {
            throw new IOException("sender profile format " + format + " is not supported; this build reads 2 to " + FORMAT);
        }
        SenderProfile p = new SenderProfile();
        p.clusters.readFrom(in, format >= 3);
        p.countries.readFrom(in, format >= 3);
        p.night.readFrom(in);
        p.firstSecond = in.readLong();
        p.transfers = in.readLong();
        p.alertSecond = in.readLong();
        p.alertClusterId = ProfileIo.readNullable(in);
        p.alertTxId = ProfileIo.readNullable(in);
        if (format >= 4) {
            p.keyedName = in.readLong();
            p.surnameKey = in.readInt();
            p.middleKey = in.readInt();
            p.keyedAddress = in.readLong();
        } else {
            String name = ProfileIo.readNullable(in);
            p.keyedName = textHash(name);
            p.surnameKey = in.readInt();
            p.middleKey = PartyKeys.middle(name);
            p.keyedAddress = textHash(ProfileIo.readNullable(in));
        }
        p.addressKey = in.readInt();
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SenderProfile p && p.clusters.equals(clusters) && p.countries.equals(countries)
                && p.night.equals(night) && p.firstSecond == firstSecond && p.transfers == transfers
                && p.alertSecond == alertSecond && java.util.Objects.equals(p.alertClusterId, alertClusterId)
                && java.util.Objects.equals(p.alertTxId, alertTxId);
    }

    @Override
    public int hashCode() {
        return clusters.hashCode() * 31 + Long.hashCode(transfers);
    }

    /** An independent deep copy (for state backends that copy values; cheaper than writing and reading it). */
    public SenderProfile copy() {
        SenderProfile p = new SenderProfile();
        p.clusters.copyFrom(clusters);
        p.countries.copyFrom(countries);
        p.night.copyFrom(night);
        p.firstSecond = firstSecond;
        p.transfers = transfers;
        p.alertSecond = alertSecond;
        p.alertClusterId = alertClusterId;
        p.alertTxId = alertTxId;
        p.keyedName = keyedName;
        p.surnameKey = surnameKey;
        p.middleKey = middleKey;
        p.keyedAddress = keyedAddress;
        p.addressKey = addressKey;
        return p;
    }
}
