package org.osecscreener.score;

import java.util.List;
import java.util.Objects;

import org.osecscreener.model.EvidenceIds;

/**
 * One rule's finding on one transaction.
 *
 * @param ruleId     the detector type, for example {@code recurring_small_to_cluster}
 * @param subScore   how strongly the rule fired, in (0, 1]
 * @param weight     the rule's weight (for a mitigating rule, its mitigation strength), in (0, 1]
 * @param mitigating whether the hit lowers the score (family support) instead of raising it
 * @param why        the reason, formatted when read (reasons are only rendered for output)
 * @param evidence   transaction ids supporting the hit, newest last, at most {@link #MAX_EVIDENCE}
 */
public record Hit(String ruleId, double subScore, double weight, boolean mitigating, Reason why,
                  List<String> evidence) {
    /** Most evidence ids kept per hit. */
    public static final int MAX_EVIDENCE = 10;

    /**
     * @throws IllegalArgumentException if the sub-score or weight is outside (0, 1] or evidence is too long
     */
    public Hit {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(why, "why");
        if (!(subScore > 0 && subScore <= 1)) {
            throw new IllegalArgumentException(ruleId + ": sub-score " + subScore + " outside (0, 1]");
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException(ruleId + ": weight " + weight + " outside (0, 1]");
        }
        // packed evidence is immutable already: copying it would decode every id
        evidence = evidence instanceof EvidenceIds ? evidence : List.copyOf(evidence);
        if (evidence.size() > MAX_EVIDENCE) {
            throw new IllegalArgumentException(ruleId + ": " + evidence.size() + " evidence ids; at most " + MAX_EVIDENCE);
        }
    }

    /** The reason in words, with the numbers, for an analyst. */
    public String reason() {
        return why.text();
    }

    /** {@code weight × subScore}: this hit's factor in the combination (see {@link Scorer}). */
    public double contribution() {
        return weight * subScore;
    }

    /** A reason, rendered on demand so that transactions nobody looks at cost no formatting. */
    @FunctionalInterface
    public interface Reason {
        /** The reason text. */
        String text();
    }
}
