package org.osecscreener.job;

import java.io.IOException;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.osecscreener.io.binary.BinaryCodec;
import org.osecscreener.model.Transaction;

/**
 * The serializer of {@link Envelope}: the header fields, then a body tag and the body written with
 * {@link BinaryCodec} directly to Flink's output (no intermediate byte array). Hit reasons of a
 * {@link Bodies.Partial} travel as their rules' numbers and words (body tag 7), and only when it
 * asks for them; they are rendered in the final stage for the assessments it writes.
 *
 * <p>Format 1 (used in the final stage's event-time buffer state too). Not compatible with the
 * POJO form of earlier builds: drain the job ({@code stop --drain}) before upgrading from them.
 * Partial assessments carry their transaction's skeleton, the payee-cluster signals and the
 * victim-side finding (body tag 7, reasons structured); the earlier forms (tag 5: reasons as text;
 * tag 4: skeleton without signals; tag 3: the whole transaction) are still read, so buffer state of
 * earlier builds restores.
 */
public final class EnvelopeSerializer extends TypeSerializerSingleton<Envelope> {
    static final EnvelopeSerializer INSTANCE = new EnvelopeSerializer();
    static final TypeInformation<Envelope> TYPE = new ProfileSerializers.SimpleTypeInfo<>(Envelope.class, INSTANCE);
    private static final byte NONE = 0;
    /** A parsed transaction without its fingerprint: written by earlier builds (computed on reading). */
    private static final byte PARSED = 1;
    private static final byte ROUTED = 2;
    /** A partial assessment with the whole transaction: written by earlier builds, still read from their buffer state. */
    private static final byte PARTIAL_WITH_TRANSACTION = 3;
    /** A partial assessment with the skeleton, without signals: written by earlier builds, still read from their buffer state. */
    private static final byte PARTIAL_WITHOUT_SIGNALS = 4;
    /** A partial assessment with the transaction's skeleton, cluster signals and victim finding ({@link BinaryCodec#writePartial}). */
    private static final byte PARTIAL = 5;
    /** A parsed transaction with its identifiers, family keys and content fingerprint (from the parallel parse stage). */
    private static final byte PARSED_WITH_FINGERPRINT = 6;
    /**
     * A partial assessment as {@link #PARTIAL}, its rules' reasons as numbers and words, rendered
     * only in the final stage for what it writes ({@link BinaryCodec#writePartialStructured}).
     */
    private static final byte PARTIAL_STRUCTURED = 7;
    /**
     * A parsed transaction as {@link #PARSED_WITH_FINGERPRINT}, the transaction as its skeleton and
     * its whole encoding as bytes: the single cluster-stage task decodes only the skeleton and
     * passes the bytes on ({@link #ROUTED_ENCODED}).
     */
    private static final byte PARSED_ENCODED = 8;
    /** A routed transaction as {@link #ROUTED}, the transaction's whole encoding behind its length. */
    private static final byte ROUTED_ENCODED = 9;

    /** Per thread: where the parse stage encodes a transaction whole before writing its length and bytes. */
    private static final ThreadLocal<DataOutputSerializer> SCRATCH = ThreadLocal.withInitial(() -> new DataOutputSerializer(512));

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public Envelope createInstance() {
        return new Envelope();
    }

    /** A copy as a network transfer would make it (rarely used: object reuse is on, bodies are immutable). */
    @Override
    public Envelope copy(Envelope from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(1024);
            serialize(from, out);
            return deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new IllegalStateException("copying an envelope failed", e);
        }
    }

    @Override
    public Envelope copy(Envelope from, Envelope reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Envelope e, DataOutputView out) throws IOException {
        StringValue.writeString(e.key, out);
        out.writeLong(e.time);
        out.writeLong(e.seq);
        out.writeLong(e.ingest);
        out.writeInt(e.version);
        StringValue.writeString(e.bundle, out);
        Object b = e.body;
        if (b instanceof Bodies.Parsed p) {
            out.writeByte(PARSED_ENCODED);
            writeEncoded(out, p.tx(), p.encoded());
            BinaryCodec.writeSkeleton(out, p.tx());
            BinaryCodec.writeIdentifiers(out, p.ids());
            out.writeInt(p.surname());
            out.writeInt(p.address());
            out.writeLong(p.fingerprint());
        } else if (b instanceof Bodies.Routed r) {
            out.writeByte(ROUTED_ENCODED);
            writeEncoded(out, r.tx(), r.encoded());
            BinaryCodec.writeView(out, r.view());
        } else if (b instanceof Bodies.Partial p) {
            out.writeByte(PARTIAL_STRUCTURED);
            BinaryCodec.writePartialStructured(out, p.assessment(), p.reasons());
        } else if (b == null) {
            out.writeByte(NONE);
        } else {
            throw new IOException("not an envelope body: " + b.getClass().getName());
        }
    }

    @Override
    public Envelope deserialize(DataInputView in) throws IOException {
        Envelope e = new Envelope();
        e.key = StringValue.readString(in);
        e.time = in.readLong();
        e.seq = in.readLong();
        e.ingest = in.readLong();
        e.version = in.readInt();
        e.bundle = StringValue.readString(in);
        byte tag = in.readByte();
        switch (tag) {
            case NONE -> e.body = null;
            case PARSED -> e.body = Bodies.parsed(BinaryCodec.readTransaction(in), BinaryCodec.readIdentifiers(in),
                    in.readInt(), in.readInt());
            case PARSED_WITH_FINGERPRINT -> e.body = new Bodies.Parsed(BinaryCodec.readTransaction(in),
                    BinaryCodec.readIdentifiers(in), in.readInt(), in.readInt(), in.readLong(), null);
            case PARSED_ENCODED -> {
                byte[] encoded = new byte[readLength(in)];
                in.readFully(encoded);
                e.body = new Bodies.Parsed(BinaryCodec.readSkeleton(in), BinaryCodec.readIdentifiers(in), in.readInt(),
                        in.readInt(), in.readLong(), encoded);
            }
            case ROUTED_ENCODED -> {
                readLength(in); // the whole transaction follows, in writeTransaction's form
                e.body = new Bodies.Routed(BinaryCodec.readTransaction(in), BinaryCodec.readView(in));
            }
            case ROUTED -> e.body = new Bodies.Routed(BinaryCodec.readTransaction(in), BinaryCodec.readView(in));
            case PARTIAL_STRUCTURED -> e.body = new Bodies.Partial(BinaryCodec.readPartialStructured(in), true);
            case PARTIAL -> e.body = new Bodies.Partial(BinaryCodec.readPartial(in), true);
            case PARTIAL_WITHOUT_SIGNALS -> e.body = new Bodies.Partial(BinaryCodec.readPartialWithoutSignals(in), true);
            case PARTIAL_WITH_TRANSACTION -> e.body = new Bodies.Partial(BinaryCodec.readPartialWithTransaction(in), true);
            default -> throw new IOException("corrupt record between stages: body tag " + tag);
        }
        return e;
    }

    /**
     * Writes a transaction's whole encoding behind its length: {@code encoded} as it is when the
     * body holds it (the cluster stage passing on what it received), else {@code tx} encoded.
     */
    private static void writeEncoded(DataOutputView out, Transaction tx, byte[] encoded) throws IOException {
        if (encoded != null) {
            out.writeInt(encoded.length);
            out.write(encoded);
            return;
        }
        DataOutputSerializer scratch = SCRATCH.get();
        scratch.clear();
        BinaryCodec.writeTransaction(scratch, tx);
        out.writeInt(scratch.length());
        out.write(scratch.getSharedBuffer(), 0, scratch.length());
    }

    private static int readLength(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (64 << 20)) {
            throw new IOException("corrupt record between stages: a transaction of " + n + " bytes");
        }
        return n;
    }

    @Override
    public Envelope deserialize(Envelope reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<Envelope> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot of the (stateless) envelope serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Envelope> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
