package org.osecscreener.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.osecscreener.cluster.PayeeIdentifiers;
import org.osecscreener.detect.ClusterView;
import org.osecscreener.detect.PartialAssessment;
import org.osecscreener.io.BinaryCodec;
import org.osecscreener.model.Transaction;

/** Encodes and decodes the bodies of {@link Envelope}s per stage. */
final class Bodies {
    private Bodies() {
    }

    /**
     * After parsing, for the cluster stage: the transaction and its beneficiary's normalised
     * identifiers and family keys, computed in the parallel parse stage so that the single
     * cluster-stage task only resolves.
     */
    static byte[] parsed(Transaction tx, PayeeIdentifiers ids, int surname, int address) {
        return write(out -> {
            BinaryCodec.writeTransaction(out, tx);
            BinaryCodec.writeIdentifiers(out, ids);
            out.writeInt(surname);
            out.writeInt(address);
        });
    }

    record Parsed(Transaction tx, PayeeIdentifiers ids, int surname, int address) {
    }

    static Parsed parsed(byte[] body) {
        return read(body, in -> new Parsed(BinaryCodec.readTransaction(in), BinaryCodec.readIdentifiers(in), in.readInt(),
                in.readInt()));
    }

    /** After the cluster stage: the transaction and its cluster view. */
    static byte[] routed(Transaction tx, ClusterView view) {
        return write(out -> {
            BinaryCodec.writeTransaction(out, tx);
            BinaryCodec.writeView(out, view);
        });
    }

    record Routed(Transaction tx, ClusterView view) {
    }

    static Routed routed(byte[] body) {
        return read(body, in -> new Routed(BinaryCodec.readTransaction(in), BinaryCodec.readView(in)));
    }

    /** After the sender stage: the partial assessment. */
    static byte[] partial(PartialAssessment p, boolean reasons) {
        return write(out -> BinaryCodec.writePartial(out, p, reasons));
    }

    static PartialAssessment partial(byte[] body) {
        return read(body, BinaryCodec::readPartial);
    }

    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    static byte[] write(Writer w) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(b)) {
            w.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    static <T> T read(byte[] body, Reader<T> r) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            return r.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt record between stages", e);
        }
    }
}
