package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code scoring} section: the thresholds of the bundle score.
 *
 * @param review                score at or above which a transaction goes to review, in (0, 1),
 *                              below {@code alert}; required
 * @param alert                 score at or above which it alerts, in (0, 1); required
 * @param minIndicatorsForAlert distinct positive detectors that must have fired for an alert
 *                              ("no single indicator alerts on its own"), 2..12; default 2
 */
public record Scoring(double review, double alert, int minIndicatorsForAlert) {
    /** Default of {@code minIndicatorsForAlert}. */
    public static final int DEFAULT_MIN_INDICATORS_FOR_ALERT = 2;
    /** Number of positive detector types, the largest useful {@code minIndicatorsForAlert}. */
    public static final int POSITIVE_DETECTOR_TYPES = 12;

    /** @throws IllegalArgumentException if a threshold is outside (0, 1), {@code review >= alert}, or the indicator count is outside 2..12 */
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
    }

    @JsonCreator
    static Scoring fromJson(@JsonProperty(value = "review", required = true) Double review,
                            @JsonProperty(value = "alert", required = true) Double alert,
                            @JsonProperty("minIndicatorsForAlert") Integer minIndicatorsForAlert) {
        return new Scoring(Check.required("scoring.review", review), Check.required("scoring.alert", alert),
                minIndicatorsForAlert == null ? DEFAULT_MIN_INDICATORS_FOR_ALERT : minIndicatorsForAlert);
    }
}
