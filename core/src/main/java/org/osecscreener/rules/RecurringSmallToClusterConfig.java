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
 * @param relatedDiscount share, in [0, 1], by which the sub-score is lowered when the sender shares a
 *                        surname or address with the payee (family); default 0 (no discount)
 * @param scheduleDiscount share, in [0, 1], by which the sub-score is lowered for a schedule-like
 *                        cadence (a median interval of 5 days or more that varies by at most a fifth:
 *                        weekly or payday support), scaled by how regular it is; default 0
 */
public record RecurringSmallToClusterConfig(boolean enabled, double weight, int windowDays, int minCount,
                                            int saturationCount, double maxAmount, double regularityShare,
                                            double relatedDiscount, double scheduleDiscount, boolean personsAbroadOnly)
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
        Check.share(TYPE + ".relatedDiscount", relatedDiscount);
        Check.share(TYPE + ".scheduleDiscount", scheduleDiscount);
    }

    /** Without the family and schedule discounts (their defaults). */
    public RecurringSmallToClusterConfig(boolean enabled, double weight, int windowDays, int minCount,
                                         int saturationCount, double maxAmount, double regularityShare) {
        this(enabled, weight, windowDays, minCount, saturationCount, maxAmount, regularityShare, 0, 0, false);
    }

    @JsonCreator
    static RecurringSmallToClusterConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                                  @JsonProperty(value = "weight", required = true) Double weight,
                                                  @JsonProperty("windowDays") Integer windowDays,
                                                  @JsonProperty("minCount") Integer minCount,
                                                  @JsonProperty("saturationCount") Integer saturationCount,
                                                  @JsonProperty("maxAmount") Double maxAmount,
                                                  @JsonProperty("regularityShare") Double regularityShare,
                                                  @JsonProperty("relatedDiscount") Double relatedDiscount,
                                                  @JsonProperty("scheduleDiscount") Double scheduleDiscount,
                                                  @JsonProperty("personsAbroadOnly") Boolean personsAbroadOnly) {
        return new RecurringSmallToClusterConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight),
                windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays,
                minCount == null ? DEFAULT_MIN_COUNT : minCount,
                saturationCount == null ? DEFAULT_SATURATION_COUNT : saturationCount,
                maxAmount == null ? DEFAULT_MAX_AMOUNT : maxAmount,
                regularityShare == null ? DEFAULT_REGULARITY_SHARE : regularityShare,
                relatedDiscount == null ? 0 : relatedDiscount, scheduleDiscount == null ? 0 : scheduleDiscount,
                personsAbroadOnly != null && personsAbroadOnly);
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
