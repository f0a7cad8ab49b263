package org.osecscreener.io.binary;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.osecscreener.cluster.Identifier;
import org.osecscreener.cluster.IdentifierType;
import org.osecscreener.cluster.NormalisationFlag;
import org.osecscreener.cluster.PayeeIdentifiers;
import org.osecscreener.detect.ClusterView;
import org.osecscreener.detect.PartialAssessment;
import org.osecscreener.detect.RuleReason;
import org.osecscreener.score.Level;
import org.osecscreener.model.Channel;
import org.osecscreener.model.Label;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Hit;

/**
 * A compact binary form of the values that travel between the stages of the Flink job
 * (transactions, cluster views, partial assessments). Not a public file format: it is versioned
 * with the job and only read by the same build.
 *
 * <p>Hits of a partial assessment are written in one of two forms. The structured form
 * ({@link #writePartialStructured}, the current one) writes a rule's {@link RuleReason} as its
 * numbers and words, and any other reason as text; read back, the reason renders the same text
 * when asked for, so the sender stage formats nothing. The text form ({@link #writePartial}, what
 * earlier builds wrote into the final stage's buffer state, still read) writes every reason
 * rendered. A partial assessment carries its transaction as a skeleton ({@link #writeSkeleton}).
 */
public final class BinaryCodec {
    private BinaryCodec() {
    }

    /** Writes a transaction. */
    public static void writeTransaction(DataOutput out, Transaction tx) throws IOException {
        write(out, tx, true);
    }

    /** Reads what {@link #writeTransaction} wrote. */
    public static Transaction readTransaction(DataInput in) throws IOException {
        return read(in, true);
    }

    /**
     * A transaction whole, or its skeleton ({@link #writeSkeleton}): the skeleton is the whole
     * form without the purpose, the label and each party's fields after its country.
     */
    private static void write(DataOutput out, Transaction tx, boolean whole) throws IOException {
        out.writeUTF(tx.id());
        writeTime(out, tx.timestamp());
        out.writeLong(tx.amount().minorUnits());
        out.writeUTF(tx.amount().currency().getCurrencyCode());
        out.writeByte(tx.channel() == null ? -1 : tx.channel().ordinal());
        if (whole) {
            writeNullable(out, tx.purpose());
        }
        writeParty(out, tx.sender(), whole);
        writeParty(out, tx.beneficiary(), whole);
        if (whole) {
            out.writeByte(tx.label() == null ? 0 : tx.label().osec() ? 2 : 1);
            if (tx.label() != null) {
                writeNullable(out, tx.label().scenario());
            }
        }
    }

    private static Transaction read(DataInput in, boolean whole) throws IOException {
        String id = in.readUTF();
        OffsetDateTime t = readTime(in);
        Money amount = new Money(in.readLong(), Currency.getInstance(in.readUTF()));
        int channel = in.readByte();
        String purpose = whole ? readNullable(in) : null;
        Party sender = readParty(in, whole);
        Party beneficiary = readParty(in, whole);
        Label l = null;
        if (whole) {
            int label = in.readByte();
            l = label == 0 ? null : new Label(label == 2, readNullable(in));
        }
        return new Transaction(id, t, amount, channel < 0 ? null : Channel.values()[channel], purpose, sender,
                beneficiary, l);
    }

    private static void writeTime(DataOutput out, OffsetDateTime t) throws IOException {
        out.writeLong(t.toLocalDateTime().toEpochSecond(ZoneOffset.UTC));
        out.writeInt(t.getNano());
        out.writeInt(t.getOffset().getTotalSeconds());
    }

    private static OffsetDateTime readTime(DataInput in) throws IOException {
        long local = in.readLong();
        int nano = in.readInt();
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
        return OffsetDateTime.of(LocalDateTime.ofEpochSecond(local, nano, ZoneOffset.UTC), offset);
    }

    private static void writeParty(DataOutput out, Party p, boolean whole) throws IOException {
        out.writeUTF(p.id());
        out.writeByte(p.type().ordinal());
        out.writeUTF(p.country());
        if (!whole) {
            return;
        }
        writeNullable(out, p.name());
        writeNullable(out, p.account());
        writeNullable(out, p.phone());
        writeNullable(out, p.wallet());
        writeNullable(out, p.email());
        writeNullable(out, p.address());
        writeNullable(out, p.pickupLocation());
        writeNullable(out, p.device());
        writeNullable(out, p.ip());
    }

    private static Party readParty(DataInput in, boolean whole) throws IOException {
        String id = in.readUTF();
        PartyType type = PartyType.values()[in.readByte()];
        String country = in.readUTF();
        if (!whole) {
            return new Party(id, type, null, country, null, null, null, null, null, null, null, null);
        }
        return new Party(id, type, readNullable(in), country, readNullable(in), readNullable(in), readNullable(in),
                readNullable(in), readNullable(in), readNullable(in), readNullable(in), readNullable(in));
    }

    /** Writes normalised payee identifiers (types, values, flags). */
    public static void writeIdentifiers(DataOutput out, PayeeIdentifiers ids) throws IOException {
        out.writeByte(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Identifier id = ids.get(i);
            out.writeByte(id.type().ordinal());
            out.writeUTF(id.value());
        }
        int flags = 0;
        for (NormalisationFlag f : ids.flags()) {
            flags |= 1 << f.ordinal();
        }
        out.writeInt(flags);
    }

    /** Reads what {@link #writeIdentifiers} wrote. */
    public static PayeeIdentifiers readIdentifiers(DataInput in) throws IOException {
        int n = in.readUnsignedByte();
        List<Identifier> list = new ArrayList<>(n);
        IdentifierType[] types = IdentifierType.values();
        for (int i = 0; i < n; i++) {
            list.add(new Identifier(types[in.readUnsignedByte()], in.readUTF()));
        }
        int flags = in.readInt();
        java.util.EnumSet<NormalisationFlag> set = java.util.EnumSet.noneOf(NormalisationFlag.class);
        for (NormalisationFlag f : NormalisationFlag.values()) {
            if ((flags & (1 << f.ordinal())) != 0) {
                set.add(f);
            }
        }
        return PayeeIdentifiers.of(list, set);
    }

    /** Writes a cluster view. */
    public static void writeView(DataOutput out, ClusterView v) throws IOException {
        out.writeUTF(v.clusterId());
        out.writeInt(v.clusterSize());
        out.writeInt(v.payeeSurname());
        out.writeInt(v.payeeAddress());
        out.writeInt(v.fanInSenders());
        out.writeInt(v.fanInCountries());
        out.writeByte(v.absorbedIds().size());
        for (String id : v.absorbedIds()) {
            out.writeUTF(id);
        }
    }

    /** Reads what {@link #writeView} wrote. */
    public static ClusterView readView(DataInput in) throws IOException {
        String id = in.readUTF();
        int size = in.readInt();
        int surname = in.readInt();
        int address = in.readInt();
        int senders = in.readInt();
        int countries = in.readInt();
        int n = in.readUnsignedByte();
        List<String> absorbed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            absorbed.add(in.readUTF());
        }
        return new ClusterView(id, size, surname, address, senders, countries, absorbed);
    }

    /** Writes a partial assessment for the final step, rendering hit reasons to text ({@link #writePartial(DataOutput, PartialAssessment, boolean)}). */
    public static void writePartial(DataOutput out, PartialAssessment p) throws IOException {
        writePartial(out, p, true);
    }

    /**
     * Writes a partial assessment for the final step. Its transaction travels as a skeleton
     * ({@link #writeSkeleton}): the final step and the assessment read only the transaction's id
     * and time and its parties' ids, so names, account and phone numbers, addresses and the
     * purpose stay in the sender stage (less to encode, and less personal data in flight and in
     * the final stage's buffer). With {@code reasons} false, hit reasons are written empty (for
     * transactions whose assessment will not be written out).
     */
    public static void writePartial(DataOutput out, PartialAssessment p, boolean reasons) throws IOException {
        writeSkeleton(out, p.tx());
        writeView(out, p.view());
        writeHits(out, p.hits(), reasons);
        out.writeInt(p.signals());
        out.writeBoolean(p.victim() != null);
        if (p.victim() != null) {
            writeHits(out, List.of(p.victim()), true); // a victim alert is always written out
            out.writeByte(p.victimLevel().ordinal());
        }
    }

    /**
     * Writes a partial assessment for the final step with its hits in the structured form: a
     * rule's {@link RuleReason} as its numbers and words (nothing rendered), any other reason as
     * text; a known rule id as its number. With {@code reasons} false, reasons are written empty and
     * evidence is left out (for transactions whose
     * assessment will not be written out). Otherwise as {@link #writePartial(DataOutput, PartialAssessment, boolean)}.
     */
    public static void writePartialStructured(DataOutput out, PartialAssessment p, boolean reasons) throws IOException {
        writeSkeleton(out, p.tx());
        writeView(out, p.view());
        writeStructuredHits(out, p.hits(), reasons);
        out.writeInt(p.signals());
        out.writeBoolean(p.victim() != null);
        if (p.victim() != null) {
            writeStructuredHits(out, List.of(p.victim()), true); // a victim alert is always written out
            out.writeByte(p.victimLevel().ordinal());
        }
    }

    /** Reads what {@link #writePartialStructured} wrote. */
    public static PartialAssessment readPartialStructured(DataInput in) throws IOException {
        return readSignalledPartial(in, true);
    }

    /** Reads what {@link #writePartial} wrote: its transaction is the skeleton ({@link #readSkeleton}). */
    public static PartialAssessment readPartial(DataInput in) throws IOException {
        return readSignalledPartial(in, false);
    }

    private static PartialAssessment readSignalledPartial(DataInput in, boolean structured) throws IOException {
        Transaction tx = read(in, false);
        ClusterView view = readView(in);
        List<Hit> hits = structured ? readStructuredHits(in) : readHits(in);
        int signals = in.readInt();
        if (!in.readBoolean()) {
            return new PartialAssessment(tx, view, hits, signals, null, null);
        }
        Hit victim = (structured ? readStructuredHits(in) : readHits(in)).get(0);
        int level = in.readUnsignedByte();
        if (level >= Level.values().length) {
            throw new IOException("corrupt record: level " + level);
        }
        return new PartialAssessment(tx, view, hits, signals, victim, Level.values()[level]);
    }

    /**
     * Reads a partial assessment in the form of the builds before payee-cluster signals and victim
     * findings (skeleton, view, hits only): records those builds wrote into the final stage's
     * buffer state. They restore with no signals (the payee cluster's score does not count them).
     */
    public static PartialAssessment readPartialWithoutSignals(DataInput in) throws IOException {
        return readPartial(in, false);
    }

    /**
     * Reads a partial assessment in the earlier form, with the whole transaction
     * ({@link #writeTransaction}) in place of the skeleton: records that a build before the
     * skeleton wrote into the final stage's buffer state.
     */
    public static PartialAssessment readPartialWithTransaction(DataInput in) throws IOException {
        return readPartial(in, true);
    }

    private static PartialAssessment readPartial(DataInput in, boolean wholeTransaction) throws IOException {
        Transaction tx = read(in, wholeTransaction);
        ClusterView view = readView(in);
        return new PartialAssessment(tx, view, readHits(in));
    }

    /**
     * Writes the skeleton of a transaction: its id, time, amount and channel, and each party's
     * id, type and country. Nothing else (no names, identifiers, purpose or label).
     */
    public static void writeSkeleton(DataOutput out, Transaction tx) throws IOException {
        write(out, tx, false);
    }

    /** Reads what {@link #writeSkeleton} wrote: a transaction whose other fields are absent ({@code null}). */
    public static Transaction readSkeleton(DataInput in) throws IOException {
        return read(in, false);
    }

    static void writeHits(DataOutput out, List<Hit> hits, boolean reasons) throws IOException {
        out.writeByte(hits.size());
        for (Hit h : hits) {
            out.writeUTF(h.ruleId());
            out.writeDouble(h.subScore());
            out.writeDouble(h.weight());
            out.writeBoolean(h.mitigating());
            writeLongUtf(out, reasons ? h.reason() : "");
            out.writeByte(h.evidence().size());
            for (String e : h.evidence()) {
                out.writeUTF(e);
            }
        }
    }

    private static List<Hit> readHits(DataInput in) throws IOException {
        int n = in.readUnsignedByte();
        List<Hit> hits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String rule = in.readUTF();
            double sub = in.readDouble();
            double weight = in.readDouble();
            boolean mitigating = in.readBoolean();
            String reason = readLongUtf(in);
            int e = in.readUnsignedByte();
            List<String> evidence = new ArrayList<>(e);
            for (int k = 0; k < e; k++) {
                evidence.add(in.readUTF());
            }
            hits.add(new Hit(rule, sub, weight, mitigating, new Text(reason), evidence));
        }
        return hits;
    }

    private record Text(String text) implements Hit.Reason {
    }

    /** A reason in the structured form: rendered text follows. */
    private static final byte REASON_TEXT = 0;
    /** A reason in the structured form: a {@link RuleReason}'s rule, form, numbers and words follow. */
    private static final byte REASON_RULE = 1;

    /*
     * Hits are written one small method per part: on a two-core machine the JIT's C2 queue runs
     * long while the Flink job warms up, and a method above C2's inlining size (325 bytes of
     * bytecode) that falls back to the interpreter can wait there for the whole run (measured: this
     * method as one 349-byte loop ran interpreted for a whole 1M-transaction run, a tenth of the
     * job's CPU). Small methods are compiled quickly by C1 and inlined into their callers by C2.
     */
    private static void writeStructuredHits(DataOutput out, List<Hit> hits, boolean reasons) throws IOException {
        int n = hits.size();
        out.writeByte(n);
        for (int i = 0; i < n; i++) {
            writeStructuredHit(out, hits.get(i), reasons);
        }
    }

    private static void writeStructuredHit(DataOutput out, Hit h, boolean reasons) throws IOException {
        writeRule(out, h.ruleId());
        out.writeDouble(h.subScore());
        out.writeDouble(h.weight());
        out.writeBoolean(h.mitigating());
        if (reasons && h.why() instanceof RuleReason r) {
            writeRuleReason(out, r);
        } else {
            out.writeByte(REASON_TEXT);
            writeLongUtf(out, reasons ? h.reason() : "");
        }
        // evidence, like the reason, only for an assessment that may be written
        if (reasons) {
            writeEvidence(out, h.evidence());
        } else {
            out.writeByte(0);
        }
    }

    private static void writeRuleReason(DataOutput out, RuleReason r) throws IOException {
        out.writeByte(REASON_RULE);
        writeRule(out, r.ruleId());
        out.writeByte(r.form());
        double[] n = r.numbers();
        out.writeByte(n.length);
        for (double v : n) {
            out.writeDouble(v);
        }
        String[] w = r.words();
        out.writeByte(w.length);
        for (String v : w) {
            writeLongUtf(out, v);
        }
    }

    private static void writeEvidence(DataOutput out, List<String> evidence) throws IOException {
        int n = evidence.size();
        out.writeByte(n);
        for (int i = 0; i < n; i++) {
            out.writeUTF(evidence.get(i));
        }
    }

    /** A rule id: its number when it is a known rule ({@link RuleReason#ruleCode}), else 255 and the text. */
    private static void writeRule(DataOutput out, String ruleId) throws IOException {
        int code = RuleReason.ruleCode(ruleId);
        out.writeByte(code >= 0 ? code : 255);
        if (code < 0) {
            out.writeUTF(ruleId);
        }
    }

    private static String readRule(DataInput in) throws IOException {
        int code = in.readUnsignedByte();
        if (code == 255) {
            return in.readUTF();
        }
        try {
            return RuleReason.ruleOf(code);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt record: " + e.getMessage(), e);
        }
    }

    private static List<Hit> readStructuredHits(DataInput in) throws IOException {
        int n = in.readUnsignedByte();
        List<Hit> hits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String rule = readRule(in);
            double sub = in.readDouble();
            double weight = in.readDouble();
            boolean mitigating = in.readBoolean();
            byte kind = in.readByte();
            Hit.Reason why;
            if (kind == REASON_TEXT) {
                why = new Text(readLongUtf(in));
            } else if (kind == REASON_RULE) {
                String reasonRule = readRule(in);
                int form = in.readUnsignedByte();
                double[] numbers = new double[in.readUnsignedByte()];
                for (int k = 0; k < numbers.length; k++) {
                    numbers[k] = in.readDouble();
                }
                String[] words = new String[in.readUnsignedByte()];
                for (int k = 0; k < words.length; k++) {
                    words[k] = readLongUtf(in);
                }
                try {
                    why = RuleReason.forRule(reasonRule, form, numbers, words);
                } catch (IllegalArgumentException ex) {
                    throw new IOException("corrupt record: " + ex.getMessage(), ex);
                }
            } else {
                throw new IOException("corrupt record: reason kind " + kind);
            }
            int e = in.readUnsignedByte();
            List<String> evidence = new ArrayList<>(e);
            for (int k = 0; k < e; k++) {
                evidence.add(in.readUTF());
            }
            hits.add(new Hit(rule, sub, weight, mitigating, why, evidence));
        }
        return hits;
    }

    static void writeNullable(DataOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    static String readNullable(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** A string that may exceed writeUTF's 64 KiB limit. */
    public static void writeLongUtf(DataOutput out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Reads what {@link #writeLongUtf} wrote. */
    public static String readLongUtf(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (64 << 20)) {
            throw new IOException("corrupt record: string of " + n + " bytes");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
