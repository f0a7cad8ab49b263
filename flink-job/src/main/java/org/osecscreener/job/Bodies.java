package org.osecscreener.job;

import org.osecscreener.cluster.PayeeIdentifiers;
import org.osecscreener.detect.ClusterView;
import org.osecscreener.detect.PartialAssessment;
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
    record Parsed(Transaction tx, PayeeIdentifiers ids, int surname, int address, long fingerprint) {
    }

    /** The parse stage's body, with the fingerprint of {@code tx} ({@link ContentFingerprint#of}). */
    static Parsed parsed(Transaction tx, PayeeIdentifiers ids, int surname, int address) {
        return new Parsed(tx, ids, surname, address, ContentFingerprint.of(tx));
    }

    /** After the cluster stage: the transaction and its cluster view. */
    record Routed(Transaction tx, ClusterView view) {
    }

    /**
     * After the sender stage: the partial assessment. With {@code reasons} false, hit reasons are
     * not rendered when the record is serialized (its assessment cannot reach the level written).
     */
    record Partial(PartialAssessment assessment, boolean reasons) {
    }
}
