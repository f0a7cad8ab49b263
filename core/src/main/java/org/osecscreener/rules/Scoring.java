package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code scoring} section: the thresholds of the bundle score.
 *
 * @param review                score at or above which a transaction goes to review, in (0, 1),
 *                              below {@code alert}; required
 * @param alert                 score at or above which it alerts, in (0, 1); required
 * @param minIndicatorsForAlert distinct positive detectors that must have fired for an alert
 *                              ("no single indicator alerts on its own"), 2..14; default 2
 * @param contextRules          detector types that describe the context of a transfer (corridor,
 *                              amount, hour, one reference) rather than a behaviour: however many of
 *                              them fire, a transaction reaches REVIEW or ALERT only when at least one
 *                              positive rule NOT in this list fired too; default empty (no such gate)
 * @param minBehaviour          with {@code contextRules}: the least combined score (noisy-or of weight ×
 *                              sub-score) of the positive rules not in that list for REVIEW or ALERT, in
 *                              [0, 1); a behaviour discounted to almost nothing (family, schedule) then
 *                              cannot be carried to a level by context; default 0 (any behaviour hit)
 */
public record Scoring(double review, double alert, int minIndicatorsForAlert, List<String> contextRules,
                      double minBehaviour) {
    /** Default of {@code minIndicatorsForAlert}. */
    public static final int DEFAULT_MIN_INDICATORS_FOR_ALERT = 2;
    /** Number of positive detector types, the largest useful {@code minIndicatorsForAlert}. */
    public static final int POSITIVE_DETECTOR_TYPES = 14;

    /**
     * @throws IllegalArgumentException if a threshold is outside (0, 1), {@code review >= alert}, the
     *                                  indicator count is outside 2..14, or a context rule is not a positive detector type
     */
    public Scoring {
        if (!(review > 0 && review < 1)) {
            throw new IllegalArgumentException("scoring.review was " + review + "; accepted: (0, 1)");
        }
        if (!(alert > 0 && alert < 1)) {
            throw new IllegalArgumentException("scoring.alert was " + alert + "; accepted: (0, 1)");
        }
        if (review >= alert) {
            throw new IllegalArgumentException("scoring.review (" + review + ") must be below scoring.alert (" + alert + ")");
        }
        Check.range("scoring.minIndicatorsForAlert", minIndicatorsForAlert, 2, POSITIVE_DETECTOR_TYPES);
        contextRules = Check.list("scoring.contextRules", contextRules);
        for (String r : contextRules) {
            if (!Detectors.TYPES.contains(r) || r.equals(FamilySupportConfig.TYPE)) {
                throw new IllegalArgumentException("scoring.contextRules: '" + r + "' is not a positive detector type; accepted: "
                        + Detectors.TYPES.stream().filter(t -> !t.equals(FamilySupportConfig.TYPE)).toList());
            }
        }
        if (!(minBehaviour >= 0 && minBehaviour < 1)) {
            throw new IllegalArgumentException("scoring.minBehaviour was " + minBehaviour + "; accepted: [0, 1)");
        }
    }

    /** Scoring with context rules and no minimum behaviour score. */
    public Scoring(double review, double alert, int minIndicatorsForAlert, List<String> contextRules) {
        this(review, alert, minIndicatorsForAlert, contextRules, 0);
    }

    /** Scoring without context rules (every positive rule counts as a behaviour). */
    public Scoring(double review, double alert, int minIndicatorsForAlert) {
        this(review, alert, minIndicatorsForAlert, List.of(), 0);
    }

    @JsonCreator
    static Scoring fromJson(@JsonProperty(value = "review", required = true) Double review,
                            @JsonProperty(value = "alert", required = true) Double alert,
                            @JsonProperty("minIndicatorsForAlert") Integer minIndicatorsForAlert,
                            @JsonProperty("contextRules") List<String> contextRules,
                            @JsonProperty("minBehaviour") Double minBehaviour) {
        return new Scoring(Check.required("scoring.review", review), Check.required("scoring.alert", alert),
                minIndicatorsForAlert == null ? DEFAULT_MIN_INDICATORS_FOR_ALERT : minIndicatorsForAlert,
                contextRules == null ? List.of() : contextRules, minBehaviour == null ? 0 : minBehaviour);
    }
}
