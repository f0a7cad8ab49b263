package org.osecscreener.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a payee cluster's risk score is computed from, and what its look-back needs: the senders
 * who paid it (at most {@link #MAX_SENDERS}, the least recently active forgotten first), each with
 * counts of its transfers to the cluster (small, late-hour, round, with a cover phrase), its family
 * link and victim flags, and its latest transfers' ids for evidence; the payees paid (at most
 * {@link #MAX_PAYEES}) with their surname keys; whether an organisation is among them; and the
 * cluster's alert state.
 *
 * <p>Why per sender and not per transfer: the facets are about senders (how many unrelated
 * senders, how many came back, how many used cover phrases), and a look-back alert needs, per
 * sender, its own transfers to the cluster. A sender's counts cover its transfers while it stays
 * remembered; the score counts only senders whose latest transfer lies in the window.
 *
 * <p>Bounded: {@link #MAX_SENDERS} senders × ({@link #EVIDENCE} ids + counters), {@link #MAX_PAYEES}
 * payees. Not thread-safe: one writer.
 */
public final class ClusterRisk {
    /** Most senders remembered (for the facets and for look-back). */
    public static final int MAX_SENDERS = 64;
    /** Most payees remembered (for the distinct payee names behind shared identifiers). */
    public static final int MAX_PAYEES = 16;
    /** Most transfer ids kept per sender as evidence. */
    public static final int EVIDENCE = 4;
    private static final int FORMAT = 1;

    /** Sender flag: a person (not a business or organisation). */
    public static final int PERSON = 1;
    /** Sender flag: in another country than the payee. */
    public static final int FOREIGN = 1 << 1;
    /** Sender flag: shares a surname or address with a payee of the cluster (family). */
    public static final int RELATED = 1 << 2;
    /** Sender flag: showed the sextortion-victim pattern on this cluster. */
    public static final int VICTIM = 1 << 3;

    private final List<Sender> senders = new ArrayList<>(2);
    private long[] payeeHashes = new long[0];
    private int[] payeeSurnames = new int[0];
    private boolean organisation;
    private int clusterSize = 1;
    /** Level last reached: 0 none, 1 REVIEW, 2 ALERT. */
    private int level;
    /** Epoch second of the latest transfer at which the cluster was at ALERT, or {@link Long#MIN_VALUE}. */
    private long alertSecond = Long.MIN_VALUE;
    /** The alert id of the cluster's latest ALERT, or {@code null}. */
    private String alertId;

    /** One sender's transfers to the cluster. */
    public static final class Sender {
        String id;
        String country;
        int flags;
        long firstSecond;
        long lastSecond;
        int count;
        int small;
        int late;
        int round;
        int cover;
        long alertedSecond = Long.MIN_VALUE;
        long lookedBackSecond = Long.MIN_VALUE;
        String lastBeneficiaryId;
        int lastOffsetSeconds;
        /** The evidence ids, packed ({@link PackedIds}: read only when an alert is written). */
        final PackedIds evidence = new PackedIds();
        final long[] evidenceSeconds = new long[EVIDENCE];
        int evidenceSize;

        /** The sender id. */
        public String id() { return id; }
        /** The sender's country. */
        public String country() { return country; }
        /** Its flags ({@link #PERSON}, {@link #FOREIGN}, {@link #RELATED}, {@link #VICTIM}). */
        public int flags() { return flags; }
        /** Whether it has {@code flag}. */
        public boolean has(int flag) { return (flags & flag) != 0; }
        /** Epoch second of its first transfer to the cluster (while remembered). */
        public long firstSecond() { return firstSecond; }
        /** Epoch second of its latest transfer to the cluster. */
        public long lastSecond() { return lastSecond; }
        /** Its transfers to the cluster. */
        public int count() { return count; }
        /** Of them, small ones. */
        public int small() { return small; }
        /** Of them, in the late hours of its local time. */
        public int late() { return late; }
        /** Of them, round amounts. */
        public int round() { return round; }
        /** Of them, with a cover phrase. */
        public int cover() { return cover; }
        /** When it reached ALERT on its own on this cluster (latest), or {@link Long#MIN_VALUE}. */
        public long alertedSecond() { return alertedSecond; }
        /** When a look-back alert was raised for it, or {@link Long#MIN_VALUE}. */
        public long lookedBackSecond() { return lookedBackSecond; }
        /** Beneficiary of its latest transfer. */
        public String lastBeneficiaryId() { return lastBeneficiaryId; }
        /** UTC offset, in seconds, of its latest transfer's timestamp. */
        public int lastOffsetSeconds() { return lastOffsetSeconds; }

        /** Its latest transfers' ids, oldest first, at most {@link #EVIDENCE} (immutable, decoded when read). */
        public List<String> evidence() {
            return evidence.evidence(0, evidenceSize);
        }

        /** Its latest transfer's id. */
        public String lastTransactionId() {
            return evidence.get(evidenceSize - 1);
        }

        /** Epoch second of the i-th evidence transfer, oldest first. */
        public long evidenceSecond(int i) {
            return evidenceSeconds[i];
        }

        void addEvidence(String txId, long second) {
            int i = evidenceSize;
            if (i == EVIDENCE) {
                if (second < evidenceSeconds[0]) {
                    return;
                }
                evidence.removeFirst();
                System.arraycopy(evidenceSeconds, 1, evidenceSeconds, 0, EVIDENCE - 1);
                i = EVIDENCE - 1;
            } else {
                evidenceSize++;
            }
            while (i > 0 && evidenceSeconds[i - 1] > second) {
                evidenceSeconds[i] = evidenceSeconds[i - 1];
                i--;
            }
            evidence.insert(i, txId);
            evidenceSeconds[i] = second;
        }

        Sender copy() {
            Sender s = new Sender();
            s.id = id;
            s.country = country;
            s.flags = flags;
            s.firstSecond = firstSecond;
            s.lastSecond = lastSecond;
            s.count = count;
            s.small = small;
            s.late = late;
            s.round = round;
            s.cover = cover;
            s.alertedSecond = alertedSecond;
            s.lookedBackSecond = lookedBackSecond;
            s.lastBeneficiaryId = lastBeneficiaryId;
            s.lastOffsetSeconds = lastOffsetSeconds;
            s.evidence.copyFrom(evidence);
            System.arraycopy(evidenceSeconds, 0, s.evidenceSeconds, 0, EVIDENCE);
            s.evidenceSize = evidenceSize;
            return s;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Sender s && s.id.equals(id) && s.country.equals(country) && s.flags == flags
                    && s.firstSecond == firstSecond && s.lastSecond == lastSecond && s.count == count
                    && s.small == small && s.late == late && s.round == round && s.cover == cover
                    && s.alertedSecond == alertedSecond && s.lookedBackSecond == lookedBackSecond
                    && Objects.equals(s.lastBeneficiaryId, lastBeneficiaryId) && s.lastOffsetSeconds == lastOffsetSeconds
                    && s.evidence.sameAs(evidence) && Arrays.equals(s.evidenceSeconds, 0, s.evidenceSize,
                    evidenceSeconds, 0, evidenceSize);
        }

        @Override
        public int hashCode() {
            return id.hashCode() * 31 + count;
        }
    }

    /**
     * Counts one transfer.
     *
     * @param senderId      the sender
     * @param country       the sender's country
     * @param flags         sender flags of this transfer ({@link #PERSON}, {@link #FOREIGN}, {@link #RELATED},
     *                      {@link #VICTIM}; RELATED and VICTIM stick once seen)
     * @param second        event time, epoch second
     * @param offsetSeconds the timestamp's UTC offset
     * @param txId          the transaction
     * @param beneficiaryId the beneficiary
     * @param small         whether the amount is small
     * @param late          whether it was sent in the late hours
     * @param round         whether the amount is round
     * @param cover         whether the reference holds a cover phrase
     * @return the sender's entry
     */
    public Sender add(String senderId, String country, int flags, long second, int offsetSeconds, String txId,
                      String beneficiaryId, boolean small, boolean late, boolean round, boolean cover) {
        Sender s = find(senderId);
        if (s == null) {
            if (senders.size() == MAX_SENDERS) {
                senders.remove(leastRecent());
            }
            s = new Sender();
            s.id = senderId;
            s.firstSecond = second;
            s.lastSecond = second;
            senders.add(s);
        }
        s.country = country;
        s.flags = (s.flags & (RELATED | VICTIM)) | flags;
        s.firstSecond = Math.min(s.firstSecond, second);
        if (second >= s.lastSecond) {
            s.lastSecond = second;
            s.lastBeneficiaryId = beneficiaryId;
            s.lastOffsetSeconds = offsetSeconds;
        }
        s.count++;
        s.small += small ? 1 : 0;
        s.late += late ? 1 : 0;
        s.round += round ? 1 : 0;
        s.cover += cover ? 1 : 0;
        s.addEvidence(txId, second);
        return s;
    }

    private int leastRecent() {
        int oldest = 0;
        for (int i = 1; i < senders.size(); i++) {
            if (senders.get(i).lastSecond < senders.get(oldest).lastSecond) {
                oldest = i;
            }
        }
        return oldest;
    }

    /** The entry of {@code senderId}, or {@code null}. */
    public Sender find(String senderId) {
        for (int i = 0, n = senders.size(); i < n; i++) {
            Sender s = senders.get(i);
            if (s.id.equals(senderId)) {
                return s;
            }
        }
        return null;
    }

    /** The senders remembered, in the order they were first seen. */
    public List<Sender> senders() {
        return senders;
    }

    /** Records that {@code s} reached ALERT on its own at {@code second}. */
    public void markSenderAlert(Sender s, long second) {
        s.alertedSecond = Math.max(s.alertedSecond, second);
    }

    /** Records that a look-back alert was raised for {@code s} at {@code second}. */
    public void markLookedBack(Sender s, long second) {
        s.lookedBackSecond = Math.max(s.lookedBackSecond, second);
    }

    /** Counts a payee paid (its beneficiary-id hash and surname key). */
    public void addPayee(long beneficiaryHash, int surname, boolean isOrganisation) {
        organisation |= isOrganisation;
        for (long h : payeeHashes) {
            if (h == beneficiaryHash) {
                return;
            }
        }
        if (payeeHashes.length == MAX_PAYEES) {
            return;
        }
        payeeHashes = Arrays.copyOf(payeeHashes, payeeHashes.length + 1);
        payeeSurnames = Arrays.copyOf(payeeSurnames, payeeSurnames.length + 1);
        payeeHashes[payeeHashes.length - 1] = beneficiaryHash;
        payeeSurnames[payeeSurnames.length - 1] = surname;
    }

    /** Distinct non-zero surname keys among the payees remembered. */
    public int distinctPayeeSurnames() {
        int n = 0;
        for (int i = 0; i < payeeSurnames.length; i++) {
            int s = payeeSurnames[i];
            if (s == 0) {
                continue;
            }
            boolean seen = false;
            for (int k = 0; k < i; k++) {
                if (payeeSurnames[k] == s) {
                    seen = true;
                    break;
                }
            }
            n += seen ? 0 : 1;
        }
        return n;
    }

    /** Payees remembered. */
    public int payees() {
        return payeeHashes.length;
    }

    /** Whether an organisation was among the payees. */
    public boolean organisation() {
        return organisation;
    }

    /** Tracked beneficiaries in the cluster at its latest transfer (from the resolver). */
    public int clusterSize() {
        return clusterSize;
    }

    /** Sets the cluster size seen at the latest transfer. */
    public void clusterSize(int size) {
        clusterSize = size;
    }

    /** The level last reached: 0 none, 1 REVIEW, 2 ALERT. */
    public int level() {
        return level;
    }

    /** Sets the level reached. */
    public void level(int value) {
        level = value;
    }

    /** Epoch second of the latest transfer at which the cluster was at ALERT, or {@link Long#MIN_VALUE}. */
    public long alertSecond() {
        return alertSecond;
    }

    /** Records that the cluster is at ALERT at {@code second}, under the queue item {@code id}. */
    public void alertAt(long second, String id) {
        if (second >= alertSecond) {
            alertSecond = second;
            alertId = id;
        }
    }

    /** The alert id of the cluster's latest ALERT, or {@code null}. */
    public String alertId() {
        return alertId;
    }

    /** Folds {@code other}, the risk of a cluster merged into this one. */
    public void absorb(ClusterRisk other) {
        if (other == null) {
            return;
        }
        for (Sender o : other.senders) {
            Sender s = find(o.id);
            if (s == null) {
                if (senders.size() == MAX_SENDERS) {
                    int lr = leastRecent();
                    if (senders.get(lr).lastSecond >= o.lastSecond) {
                        continue;
                    }
                    senders.remove(lr);
                }
                senders.add(o.copy());
                continue;
            }
            s.flags |= o.flags;
            s.firstSecond = Math.min(s.firstSecond, o.firstSecond);
            if (o.lastSecond > s.lastSecond) {
                s.lastSecond = o.lastSecond;
                s.lastBeneficiaryId = o.lastBeneficiaryId;
                s.lastOffsetSeconds = o.lastOffsetSeconds;
            }
            s.count += o.count;
            s.small += o.small;
            s.late += o.late;
            s.round += o.round;
            s.cover += o.cover;
            s.alertedSecond = Math.max(s.alertedSecond, o.alertedSecond);
            s.lookedBackSecond = Math.max(s.lookedBackSecond, o.lookedBackSecond);
            for (int i = 0; i < o.evidenceSize; i++) {
                s.addEvidence(o.evidence.get(i), o.evidenceSeconds[i]);
            }
        }
        for (int i = 0; i < other.payeeHashes.length; i++) {
            addPayee(other.payeeHashes[i], other.payeeSurnames[i], false);
        }
        organisation |= other.organisation;
        level = Math.max(level, other.level);
        if (other.alertSecond > alertSecond) {
            alertSecond = other.alertSecond;
            alertId = other.alertId;
        }
    }

    /** Forgets senders whose latest transfer is before {@code second}. */
    public void forgetBefore(long second) {
        senders.removeIf(s -> s.lastSecond < second);
    }

    /** Approximate heap bytes, for sizing. */
    public long estimatedBytes() {
        return 64 + senders.size() * 260L + payeeHashes.length * 12L;
    }

    /** Writes the binary form. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeByte(senders.size());
        for (Sender s : senders) {
            out.writeUTF(s.id);
            out.writeUTF(s.country);
            out.writeByte(s.flags);
            out.writeLong(s.firstSecond);
            out.writeLong(s.lastSecond);
            out.writeInt(s.count);
            out.writeInt(s.small);
            out.writeInt(s.late);
            out.writeInt(s.round);
            out.writeInt(s.cover);
            out.writeLong(s.alertedSecond);
            out.writeLong(s.lookedBackSecond);
            ProfileIo.writeNullable(out, s.lastBeneficiaryId);
            out.writeInt(s.lastOffsetSeconds);
            out.writeByte(s.evidenceSize);
            for (int i = 0; i < s.evidenceSize; i++) {
                s.evidence.writeUtf(out, i);
                out.writeLong(s.evidenceSeconds[i]);
            }
        }
        out.writeByte(payeeHashes.length);
        for (int i = 0; i < payeeHashes.length; i++) {
            out.writeLong(payeeHashes[i]);
            out.writeInt(payeeSurnames[i]);
        }
        out.writeBoolean(organisation);
        out.writeInt(clusterSize);
        out.writeByte(level);
        out.writeLong(alertSecond);
        ProfileIo.writeNullable(out, alertId);
    }

    /** Reads what {@link #writeTo} wrote. */
    public static ClusterRisk readFrom(DataInput in) throws IOException {
        ProfileIo.checkVersion(in, FORMAT, "cluster risk");
        ClusterRisk r = new ClusterRisk();
        int n = in.readUnsignedByte();
        if (n > MAX_SENDERS) {
            throw new IOException("corrupt cluster risk: " + n + " senders");
        }
        for (int k = 0; k < n; k++) {
            Sender s = new Sender();
            s.id = in.readUTF();
            s.country = in.readUTF();
            s.flags = in.readUnsignedByte();
            s.firstSecond = in.readLong();
            s.lastSecond = in.readLong();
            s.count = in.readInt();
            s.small = in.readInt();
            s.late = in.readInt();
            s.round = in.readInt();
            s.cover = in.readInt();
            s.alertedSecond = in.readLong();
            s.lookedBackSecond = in.readLong();
            s.lastBeneficiaryId = ProfileIo.readNullable(in);
            s.lastOffsetSeconds = in.readInt();
            int e = in.readUnsignedByte();
            if (e > EVIDENCE) {
                throw new IOException("corrupt cluster risk: " + e + " evidence ids");
            }
            for (int i = 0; i < e; i++) {
                s.evidence.readUtfAppend(in);
                s.evidenceSeconds[i] = in.readLong();
            }
            s.evidenceSize = e;
            r.senders.add(s);
        }
        int p = in.readUnsignedByte();
        if (p > MAX_PAYEES) {
            throw new IOException("corrupt cluster risk: " + p + " payees");
        }
        r.payeeHashes = new long[p];
        r.payeeSurnames = new int[p];
        for (int i = 0; i < p; i++) {
            r.payeeHashes[i] = in.readLong();
            r.payeeSurnames[i] = in.readInt();
        }
        r.organisation = in.readBoolean();
        r.clusterSize = in.readInt();
        r.level = in.readUnsignedByte();
        r.alertSecond = in.readLong();
        r.alertId = ProfileIo.readNullable(in);
        return r;
    }

    /** An independent deep copy. */
    public ClusterRisk copy() {
        ClusterRisk r = new ClusterRisk();
        for (Sender s : senders) {
            r.senders.add(s.copy());
        }
        r.payeeHashes = payeeHashes.clone();
        r.payeeSurnames = payeeSurnames.clone();
        r.organisation = organisation;
        r.clusterSize = clusterSize;
        r.level = level;
        r.alertSecond = alertSecond;
        r.alertId = alertId;
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterRisk r && r.senders.equals(senders) && Arrays.equals(r.payeeHashes, payeeHashes)
                && Arrays.equals(r.payeeSurnames, payeeSurnames) && r.organisation == organisation
                && r.clusterSize == clusterSize && r.level == level && r.alertSecond == alertSecond
                && Objects.equals(r.alertId, alertId);
    }

    @Override
    public int hashCode() {
        return senders.hashCode() * 31 + level;
    }
}
