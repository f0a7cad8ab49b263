package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code linked_to_alerted}: the sender or the payee cluster is linked to a party or cluster
 * that raised an alert within the window (network spread of a confirmed pattern).
 *
 * @param enabled    whether the detector runs; default {@code true}
 * @param weight     weight in (0, 1]; required
 * @param windowDays how long, in days, an alert taints linked parties, 1..366; default 90
 */
public record LinkedToAlertedConfig(boolean enabled, double weight, int windowDays) implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "linked_to_alerted";
    /** Default of {@code windowDays}. */
    public static final int DEFAULT_WINDOW_DAYS = 90;

    /** @throws IllegalArgumentException if a parameter is outside its documented range */
    public LinkedToAlertedConfig {
        Check.weight(TYPE + ".weight", weight);
        Check.window(TYPE + ".windowDays", windowDays);
    }

    @JsonCreator
    static LinkedToAlertedConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                          @JsonProperty(value = "weight", required = true) Double weight,
                                          @JsonProperty("windowDays") Integer windowDays) {
        return new LinkedToAlertedConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight),
                windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int stateDays() {
        return windowDays;
    }
}
