package org.osecscreener.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the screening of one transaction produced: its own assessment, and what it set off:
 * a sextortion-victim alert for its sender, the payee cluster's assessment, and look-back
 * assessments of other senders of that cluster.
 *
 * @param assessment the transaction's assessment (kind {@code TRANSACTION})
 * @param victim     a {@code SEXTORTION_VICTIM} assessment of the sender, or {@code null}
 * @param cluster    the payee cluster's assessment, or {@code null} when the cluster did not reach or
 *                   rise to a level (or opened no new item) with this transfer
 * @param lookBack   {@code LOOK_BACK} assessments of the cluster's earlier senders (empty unless the
 *                   cluster is at ALERT)
 */
public record Screening(Assessment assessment, Assessment victim, ClusterAssessment cluster, List<Assessment> lookBack) {
    /** @throws NullPointerException if the assessment is {@code null} */
    public Screening {
        Objects.requireNonNull(assessment, "assessment");
        lookBack = List.copyOf(lookBack);
    }

    /** A screening that produced only the transaction's assessment. */
    public static Screening of(Assessment assessment) {
        return new Screening(assessment, null, null, List.of());
    }

    /** The sender assessments in output order: the transaction's, the victim alert, then the look-backs. */
    public List<Assessment> assessments() {
        if (victim == null && lookBack.isEmpty()) {
            return List.of(assessment);
        }
        List<Assessment> out = new ArrayList<>(2 + lookBack.size());
        out.add(assessment);
        if (victim != null) {
            out.add(victim);
        }
        out.addAll(lookBack);
        return out;
    }
}
