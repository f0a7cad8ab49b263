package org.osecscreener.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the screening remembers about one payee cluster: the senders who paid it recently (with
 * their countries), whether it reached ALERT, and which cluster ids were merged into it.
 *
 * <p>Bounded: at most {@link #SENDERS} senders and {@link #ABSORBED} absorbed ids are kept.
 * When two clusters merge, {@link #absorb} folds the absorbed profile into the survivor's.
 *
 * <p>Not thread-safe: one writer.
 */
public final class ClusterProfile {
    /** Most distinct senders kept (fan-in saturates above it). */
    public static final int SENDERS = 64;
    /** Most absorbed cluster ids remembered, newest first. */
    public static final int ABSORBED = 8;
    /** Format 2 adds the senders' sightings; format 1 (earlier builds) is still read, with one sighting each. */
    private static final int FORMAT = 2;

    private final RecentKeys senders = new RecentKeys(SENDERS);
    private long transfers;
    private ClusterAlert alert;
    private final List<String> absorbed = new ArrayList<>(0);

    /** Senders who paid this cluster: key = sender hash, aux1 = sender country code. */
    public RecentKeys senders() {
        return senders;
    }

    /** Transfers into the cluster (duplicates excluded). */
    public long transfers() {
        return transfers;
    }

    /** Counts one transfer. */
    public void count() {
        transfers++;
    }

    /** The cluster's latest ALERT, or {@code null} if none. */
    public ClusterAlert alert() {
        return alert;
    }

    /** Records an ALERT on a transfer into this cluster (the later one is kept). */
    public void markAlert(ClusterAlert a) {
        alert = ClusterAlert.latest(alert, a);
    }

    /** Cluster ids merged into this one, newest first (at most {@link #ABSORBED}). */
    public List<String> absorbedIds() {
        return absorbed;
    }

    /** Folds {@code other}, the profile of cluster {@code otherId}, into this one. */
    public void absorb(String otherId, ClusterProfile other) {
        if (other != null) {
            senders.addAll(other.senders);
            transfers += other.transfers;
            alert = ClusterAlert.latest(alert, other.alert);
        }
        remember(otherId);
        if (other != null) {
            for (int i = other.absorbed.size() - 1; i >= 0; i--) {
                remember(other.absorbed.get(i));
            }
        }
    }

    private void remember(String id) {
        absorbed.remove(id);
        absorbed.add(0, id);
        while (absorbed.size() > ABSORBED) {
            absorbed.remove(absorbed.size() - 1);
        }
    }

    /** Approximate heap bytes, for sizing. */
    public long estimatedBytes() {
        return 64 + senders.estimatedBytes() + 40L + absorbed.size() * 56L + (alert == null ? 0 : 100);
    }

    /** Writes the binary form. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        senders.writeTo(out, true);
        out.writeLong(transfers);
        out.writeBoolean(alert != null);
        if (alert != null) {
            out.writeLong(alert.epochSecond());
            out.writeUTF(alert.senderId());
            out.writeUTF(alert.txId());
        }
        out.writeByte(absorbed.size());
        for (String id : absorbed) {
            out.writeUTF(id);
        }
    }

    /** Reads what {@link #writeTo} wrote. */
    public static ClusterProfile readFrom(DataInput in) throws IOException {
        int format = in.readUnsignedByte();
        if (format != 1 && format != FORMAT) {
            throw new IOException("cluster profile format " + format + " is not supported; this build reads 1 and " + FORMAT);
        }
        ClusterProfile p = new ClusterProfile();
        p.senders.readFrom(in, format >= 2);
        p.transfers = in.readLong();
        if (in.readBoolean()) {
            p.alert = new ClusterAlert(in.readLong(), in.readUTF(), in.readUTF());
        }
        int n = in.readUnsignedByte();
        if (n > ABSORBED) {
            throw new IOException("corrupt cluster profile: " + n + " absorbed ids");
        }
        for (int i = 0; i < n; i++) {
            p.absorbed.add(in.readUTF());
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterProfile p && p.senders.equals(senders) && p.transfers == transfers
                && java.util.Objects.equals(p.alert, alert) && p.absorbed.equals(absorbed);
    }

    @Override
    public int hashCode() {
        return senders.hashCode() * 31 + Long.hashCode(transfers);
    }

    /** An independent deep copy (for state backends that copy values; cheaper than writing and reading it). */
    public ClusterProfile copy() {
        ClusterProfile p = new ClusterProfile();
        p.senders.copyFrom(senders);
        p.transfers = transfers;
        p.alert = alert;
        p.absorbed.addAll(absorbed);
        return p;
    }
}
