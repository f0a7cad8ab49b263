package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code escalation} (typology indicator 4): a sender's amounts or frequency to a payee
 * cluster grow over a window.
 *
 * @param enabled      whether the detector runs; default {@code true}
 * @param weight       weight in (0, 1]; required
 * @param windowDays   the look-back window in days, 1..366; default 60
 * @param minTransfers transfers in the window before growth is judged, 4..32 (the transfers a relationship profile keeps); default 6
 * @param minGrowth    growth factor (later half over earlier half) that counts as escalation,
 *                     {@code > 1}; default 1.5
 */
public record EscalationConfig(boolean enabled, double weight, int windowDays, int minTransfers, double minGrowth)
        implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "escalation";
    /** Default of {@code windowDays}. */
    public static final int DEFAULT_WINDOW_DAYS = 60;
    /** Default of {@code minTransfers}. */
    public static final int DEFAULT_MIN_TRANSFERS = 6;
    /** Default of {@code minGrowth}. */
    public static final double DEFAULT_MIN_GROWTH = 1.5;

    /** @throws IllegalArgumentException if a parameter is outside its documented range */
    public EscalationConfig {
        Check.weight(TYPE + ".weight", weight);
        Check.window(TYPE + ".windowDays", windowDays);
        Check.range(TYPE + ".minTransfers", minTransfers, 4, org.osecscreener.profile.PairProfile.RECENT);
        if (!(minGrowth > 1.0) || Double.isInfinite(minGrowth)) {
            throw new IllegalArgumentException(TYPE + ".minGrowth was " + minGrowth + "; accepted: a finite number > 1");
        }
    }

    @JsonCreator
    static EscalationConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                     @JsonProperty(value = "weight", required = true) Double weight,
                                     @JsonProperty("windowDays") Integer windowDays,
                                     @JsonProperty("minTransfers") Integer minTransfers,
                                     @JsonProperty("minGrowth") Double minGrowth) {
        return new EscalationConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight),
                windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays,
                minTransfers == null ? DEFAULT_MIN_TRANSFERS : minTransfers,
                minGrowth == null ? DEFAULT_MIN_GROWTH : minGrowth);
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
