package org.osecscreener.job;

import java.io.IOException;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.osecscreener.cluster.PayeeIdentifiers;
import org.osecscreener.detect.ClusterView;
import org.osecscreener.detect.PartialAssessment;
import org.osecscreener.io.binary.BinaryCodec;
import org.osecscreener.model.Transaction;
import org.osecscreener.screen.ContentFingerprint;

/** The typed bodies of {@link Envelope}s per stage (serialized by {@link EnvelopeSerializer}). */
final class Bodies {
    private Bodies() {
    }

    /**
     * After parsing, for the cluster stage: the transaction and its beneficiary's normalised
     * identifiers and family keys, and the transaction's content fingerprint (for de-duplication),
     * computed in the parallel parse stage so that the single cluster-stage task only resolves.
     */
    /**
     * @param tx      the whole transaction (in the parse stage) or, read in the cluster stage, its
     *                skeleton ({@link BinaryCodec#readSkeleton}: ids, time, amount, parties' ids,
     *                types and countries: all the cluster stage reads)
     * @param encoded the whole transaction in {@link BinaryCodec#writeTransaction}'s form when
     *                {@code tx} is its skeleton, else {@code null}: the cluster stage passes these
     *                bytes on to the sender stage without decoding names, identifiers and purpose
     */
    record Parsed(Transaction tx, PayeeIdentifiers ids, int surname, int address, long fingerprint, byte[] encoded) {
        /** The whole transaction (decoded from {@link #encoded} when {@link #tx} is its skeleton). */
        Transaction whole() {
            return Bodies.whole(tx, encoded);
        }
    }

    /** The parse stage's body, with the fingerprint of {@code tx} ({@link ContentFingerprint#of}). */
    static Parsed parsed(Transaction tx, PayeeIdentifiers ids, int surname, int address) {
        return new Parsed(tx, ids, surname, address, ContentFingerprint.of(tx), null);
    }

    /**
     * After the cluster stage: the transaction and its cluster view.
     *
     * @param tx      the whole transaction, or its skeleton when {@code encoded} holds the whole
     * @param encoded the whole transaction's bytes as the cluster stage received them, or {@code null}
     */
    record Routed(Transaction tx, ClusterView view, byte[] encoded) {
        Routed(Transaction tx, ClusterView view) {
            this(tx, view, null);
        }

        /** The whole transaction (decoded from {@link #encoded} when {@link #tx} is its skeleton). */
        Transaction whole() {
            return Bodies.whole(tx, encoded);
        }
    }

    private static Transaction whole(Transaction tx, byte[] encoded) {
        if (encoded == null) {
            return tx;
        }
        try {
            return BinaryCodec.readTransaction(new DataInputDeserializer(encoded));
        } catch (IOException e) {
            throw new IllegalStateException("corrupt transaction bytes between stages", e);
        }
    }

    /**
     * After the sender stage: the partial assessment. With {@code reasons} false, hit reasons are
     * not rendered when the record is serialized (its assessment cannot reach the level written).
     */
    record Partial(PartialAssessment assessment, boolean reasons) {
    }
}
