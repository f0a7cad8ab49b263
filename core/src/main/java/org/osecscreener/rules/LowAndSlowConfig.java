package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code low_and_slow} (typology indicators 10 and 6): a steady trickle of small transfers to
 * one payee cluster in a source country that the sender has no family link with, for months,
 * mostly in the sender's late evening or night (AIC 2021: prolific payers paid under A$55 at
 * intervals of under 20 days).
 *
 * <p>The long horizon is what separates it from the other cadence rules: a payer who sends 30
 * USD every two weeks in the late evening never reaches the counts of
 * {@code recurring_small_to_cluster} within 30 days, but over three months the pattern is
 * plain. Family support in the same amounts is told apart by the family link (shared surname
 * or address: the rule does not fire) and by the hour.
 *
 * @param enabled               whether the detector runs; default {@code true}
 * @param weight                weight in (0, 1]; required
 * @param windowDays            the look-back window in days, 1..366; default 120
 * @param minCount              small transfers to the cluster in the window before the rule fires, 2..32; default 5
 * @param saturationCount       transfers at which the count part of the sub-score reaches 1, {@code >= minCount}, at most 32; default 10
 * @param maxAmount             largest base-currency amount that counts as small, {@code > 0}; default 60
 * @param maxMedianIntervalDays largest median interval between those transfers, in days, 1..366; default 20
 * @param minSpanDays           days from the first to the last of them, 0..366; default 42
 * @param startHour             first late hour, 0..23, sender's local time; default 21
 * @param endHour               first hour after the late period, 0..23, {@code != startHour}; default 5
 * @param minLateShare          share of the transfers in the late period before the rule fires, in [0, 1]; default 0.5
 * @param scheduleDiscount      share, in [0, 1], by which the sub-score is lowered for a schedule-like cadence
 *                              (intervals varying by at most a fifth: a night-shift worker's weekly support),
 *                              scaled by the regularity; default 0
 */
public record LowAndSlowConfig(boolean enabled, double weight, int windowDays, int minCount, int saturationCount,
                               double maxAmount, int maxMedianIntervalDays, int minSpanDays, int startHour,
                               int endHour, double minLateShare, double scheduleDiscount) implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "low_and_slow";
    /** Default of {@code windowDays}. */
    public static final int DEFAULT_WINDOW_DAYS = 120;
    /** Default of {@code minCount}. */
    public static final int DEFAULT_MIN_COUNT = 5;
    /** Default of {@code saturationCount}. */
    public static final int DEFAULT_SATURATION_COUNT = 10;
    /** Default of {@code maxAmount}. */
    public static final double DEFAULT_MAX_AMOUNT = 60;
    /** Default of {@code maxMedianIntervalDays}. */
    public static final int DEFAULT_MAX_MEDIAN_INTERVAL_DAYS = 20;
    /** Default of {@code minSpanDays}. */
    public static final int DEFAULT_MIN_SPAN_DAYS = 42;
    /** Default of {@code startHour}. */
    public static final int DEFAULT_START_HOUR = 21;
    /** Default of {@code endHour}. */
    public static final int DEFAULT_END_HOUR = 5;
    /** Default of {@code minLateShare}. */
    public static final double DEFAULT_MIN_LATE_SHARE = 0.5;

    /** @throws IllegalArgumentException if a parameter is outside its documented range */
    public LowAndSlowConfig {
        Check.weight(TYPE + ".weight", weight);
        Check.window(TYPE + ".windowDays", windowDays);
        Check.range(TYPE + ".minCount", minCount, 2, org.osecscreener.profile.PairProfile.RECENT);
        Check.range(TYPE + ".saturationCount", saturationCount, 2, org.osecscreener.profile.PairProfile.RECENT);
        Check.atLeast(TYPE + ".saturationCount", saturationCount, "minCount", minCount);
        Check.positive(TYPE + ".maxAmount", maxAmount);
        Check.window(TYPE + ".maxMedianIntervalDays", maxMedianIntervalDays);
        Check.range(TYPE + ".minSpanDays", minSpanDays, 0, Check.MAX_WINDOW_DAYS);
        Hours.check(TYPE, startHour, endHour);
        Check.share(TYPE + ".minLateShare", minLateShare);
        Check.share(TYPE + ".scheduleDiscount", scheduleDiscount);
    }

    @JsonCreator
    static LowAndSlowConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                     @JsonProperty(value = "weight", required = true) Double weight,
                                     @JsonProperty("windowDays") Integer windowDays,
                                     @JsonProperty("minCount") Integer minCount,
                                     @JsonProperty("saturationCount") Integer saturationCount,
                                     @JsonProperty("maxAmount") Double maxAmount,
                                     @JsonProperty("maxMedianIntervalDays") Integer maxMedianIntervalDays,
                                     @JsonProperty("minSpanDays") Integer minSpanDays,
                                     @JsonProperty("startHour") Integer startHour,
                                     @JsonProperty("endHour") Integer endHour,
                                     @JsonProperty("minLateShare") Double minLateShare,
                                     @JsonProperty("scheduleDiscount") Double scheduleDiscount) {
        return new LowAndSlowConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight),
                windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays,
                minCount == null ? DEFAULT_MIN_COUNT : minCount,
                saturationCount == null ? DEFAULT_SATURATION_COUNT : saturationCount,
                maxAmount == null ? DEFAULT_MAX_AMOUNT : maxAmount,
                maxMedianIntervalDays == null ? DEFAULT_MAX_MEDIAN_INTERVAL_DAYS : maxMedianIntervalDays,
                minSpanDays == null ? DEFAULT_MIN_SPAN_DAYS : minSpanDays,
                startHour == null ? DEFAULT_START_HOUR : startHour,
                endHour == null ? DEFAULT_END_HOUR : endHour,
                minLateShare == null ? DEFAULT_MIN_LATE_SHARE : minLateShare,
                scheduleDiscount == null ? 0 : scheduleDiscount);
    }

    /** Whether a local hour of day lies in the late period (wrapping midnight when {@code startHour > endHour}). */
    public boolean isLate(int hour) {
        return Hours.in(hour, startHour, endHour);
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
