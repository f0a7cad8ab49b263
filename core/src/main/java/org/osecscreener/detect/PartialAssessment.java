package org.osecscreener.detect;

import java.util.List;
import java.util.Objects;

import org.osecscreener.model.Transaction;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;

/**
 * What the sender step hands to the final step: the transaction, its cluster view, every hit
 * that sender-side and cluster-side state could decide, what the payee cluster's score needs to
 * know of the transfer ({@link Signals}), and the victim-side finding if any. The final step adds
 * network propagation and the payee cluster's assessment, scores, applies suppressions and assigns
 * queue items.
 *
 * @param tx          the transaction
 * @param view        the cluster step's view
 * @param hits        the OSEC hits so far, in rule order
 * @param signals     the transfer's {@link Signals} flags
 * @param victim      the {@code sextortion_victim} hit, or {@code null}
 * @param victimLevel its level (REVIEW or ALERT), or {@code null} without a victim hit
 */
public record PartialAssessment(Transaction tx, ClusterView view, List<Hit> hits, int signals, Hit victim,
                                Level victimLevel) {
    public PartialAssessment {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(view, "view");
        hits = List.copyOf(hits);
        if ((victim == null) != (victimLevel == null)) {
            throw new IllegalArgumentException("a victim hit and its level come together");
        }
    }

    /** A partial assessment without signals or victim finding (from a build before they existed). */
    public PartialAssessment(Transaction tx, ClusterView view, List<Hit> hits) {
        this(tx, view, hits, 0, null, null);
    }
}
