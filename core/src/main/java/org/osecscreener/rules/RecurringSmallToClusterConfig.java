package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code recurring_small_to_cluster} (typology indicators 1 and 4): repeated small transfers
 * from one sender to one payee cluster within a window.
 *
 * @param enabled         whether the detector runs; default {@code true}
 * @param weight          weight in (0, 1]; required
 * @param windowDays      the look-back window in days, 1..366; default 14
 * @param minCount        transfers of at most {@code maxAmount} in the window before the detector
 *                        fires, 1..32 (the transfers a relationship profile keeps); default 4
 * @param saturationCount transfers at which the sub-score reaches 1, {@code >= minCount}; default 12
 * @param maxAmount       largest amount, base currency, that counts as small, {@code > 0}; default 200
 * @param regularityShare share of the sub-score, in [0, 1], that rewards a regular cadence (the
 *                        rest rewards the count); 0 ignores regularity; default 0.3
 */
public record RecurringSmallToClusterConfig(boolean enabled, double weight, int windowDays, int minCount,
                                            int saturationCount, double maxAmount, double regularityShare)
        implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "recurring_small_to_cluster";
    /** Default of {@code windowDays}. */
    public static final int DEFAULT_WINDOW_DAYS = 14;
    /** Default of {@code minCount}. */
    public static final int DEFAULT_MIN_COUNT = 4;
    /** Default of {@code saturationCount}. */
    public static final int DEFAULT_SATURATION_COUNT = 12;
    /** Default of {@code maxAmount}. */
    public static final double DEFAULT_MAX_AMOUNT = 200;
    /** Default of {@code regularityShare}. */
    public static final double DEFAULT_REGULARITY_SHARE = 0.3;

    /** @throws IllegalArgumentException if a parameter is outside its documented range */
    public RecurringSmallToClusterConfig {
        Check.weight(TYPE + ".weight", weight);
        Check.window(TYPE + ".windowDays", windowDays);
        Check.range(TYPE + ".minCount", minCount, 1, org.osecscreener.profile.PairProfile.RECENT);
        Check.range(TYPE + ".saturationCount", saturationCount, 1, org.osecscreener.profile.PairProfile.RECENT);
        Check.atLeast(TYPE + ".saturationCount", saturationCount, "minCount", minCount);
        Check.positive(TYPE + ".maxAmount", maxAmount);
        Check.share(TYPE + ".regularityShare", regularityShare);
    }

    @JsonCreator
    static RecurringSmallToClusterConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                                  @JsonProperty(value = "weight", required = true) Double weight,
                                                  @JsonProperty("windowDays") Integer windowDays,
                                                  @JsonProperty("minCount") Integer minCount,
                                                  @JsonProperty("saturationCount") Integer saturationCount,
                                                  @JsonProperty("maxAmount") Double maxAmount,
                                                  @JsonProperty("regularityShare") Double regularityShare) {
        return new RecurringSmallToClusterConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight),
                windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays,
                minCount == null ? DEFAULT_MIN_COUNT : minCount,
                saturationCount == null ? DEFAULT_SATURATION_COUNT : saturationCount,
                maxAmount == null ? DEFAULT_MAX_AMOUNT : maxAmount,
                regularityShare == null ? DEFAULT_REGULARITY_SHARE : regularityShare);
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
