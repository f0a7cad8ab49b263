package org.osecscreener.detect;

import java.util.List;
import java.util.Objects;

import org.osecscreener.model.Transaction;
import org.osecscreener.score.Hit;

/**
 * What the sender step hands to the final step: the transaction, its cluster view, and every hit
 * that sender-side and cluster-side state could decide. The final step adds network propagation
 * from an alerted cluster, scores, applies suppressions and assigns the alert id.
 *
 * @param tx   the transaction
 * @param view the cluster step's view
 * @param hits the hits so far, in rule order
 */
public record PartialAssessment(Transaction tx, ClusterView view, List<Hit> hits) {
    public PartialAssessment {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(view, "view");
        hits = List.copyOf(hits);
    }
}
