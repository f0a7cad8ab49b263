package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code cover_story} (typology indicators 5 and 7, repeated): round amounts with cover phrases
 * ("school fees", "medical bills", "uniform", "accommodation", ...) sent again and again to one
 * payee cluster in a source country, a person the sender has no family link with.
 *
 * <p>One cover word says little (families write "school fees" too); the same story repeated to
 * an unrelated person in round sums is the pattern (AUSTRAC, FATF 2025). Real tuition is told
 * apart by where it goes and how much: a school or hospital is an organisation (never scored
 * here), fees are larger than {@code maxAmount} and paid a few times a year, and a relative who
 * shares the sender's surname or address is family (the rule does not fire).
 *
 * @param enabled       whether the detector runs; default {@code true}
 * @param weight        weight in (0, 1]; required
 * @param lists         names of {@code keywords} lists holding the cover phrases, at least one,
 *                      each defined in the bundle; default {@code [cover_words]}
 * @param windowDays    the look-back window in days, 1..366; default 90
 * @param minCount      transfers with a cover phrase to the cluster in the window before the rule fires, 2..32; default 3
 * @param saturationCount transfers at which the sub-score reaches 1, {@code >= minCount}, at most 32; default 6
 * @param maxAmount     largest base-currency amount counted, {@code > 0}; default 500
 * @param minRoundShare share of those transfers in round amounts (as {@code round_amount} defines them) before the rule fires, in [0, 1]; default 0.5
 * @param maxMedianIntervalDays largest median interval between those transfers, in days, 1..366: the
 *                      story comes back within weeks, not on a monthly payday as family support does; default 21
 * @param scheduleDiscount share, in [0, 1], by which the sub-score is lowered when the relationship (all
 *                      its transfers in the window) follows a schedule (weekly support to an in-law that now
 *                      and then says "school fees"), scaled by how schedule-like it is; default 0
 */
public record CoverStoryConfig(boolean enabled, double weight, List<String> lists, int windowDays, int minCount,
                               int saturationCount, double maxAmount, double minRoundShare, int maxMedianIntervalDays,
                               double scheduleDiscount)
        implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "cover_story";
    /** Default of {@code lists}. */
    public static final List<String> DEFAULT_LISTS = List.of("cover_words");
    /** Default of {@code windowDays}. */
    public static final int DEFAULT_WINDOW_DAYS = 90;
    /** Default of {@code minCount}. */
    public static final int DEFAULT_MIN_COUNT = 3;
    /** Default of {@code saturationCount}. */
    public static final int DEFAULT_SATURATION_COUNT = 6;
    /** Default of {@code maxAmount}. */
    public static final double DEFAULT_MAX_AMOUNT = 500;
    /** Default of {@code minRoundShare}. */
    public static final double DEFAULT_MIN_ROUND_SHARE = 0.5;
    /** Default of {@code maxMedianIntervalDays}. */
    public static final int DEFAULT_MAX_MEDIAN_INTERVAL_DAYS = 21;

    /** @throws IllegalArgumentException if a parameter is outside its documented range */
    public CoverStoryConfig {
        Check.weight(TYPE + ".weight", weight);
        lists = Check.list(TYPE + ".lists", lists);
        if (lists.isEmpty()) {
            throw new IllegalArgumentException(TYPE + ".lists must name at least one keyword list");
        }
        Check.window(TYPE + ".windowDays", windowDays);
        Check.range(TYPE + ".minCount", minCount, 2, org.osecscreener.profile.PairProfile.RECENT);
        Check.range(TYPE + ".saturationCount", saturationCount, 2, org.osecscreener.profile.PairProfile.RECENT);
        Check.atLeast(TYPE + ".saturationCount", saturationCount, "minCount", minCount);
        Check.positive(TYPE + ".maxAmount", maxAmount);
        Check.share(TYPE + ".minRoundShare", minRoundShare);
        Check.window(TYPE + ".maxMedianIntervalDays", maxMedianIntervalDays);
        Check.share(TYPE + ".scheduleDiscount", scheduleDiscount);
    }

    @JsonCreator
    static CoverStoryConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                     @JsonProperty(value = "weight", required = true) Double weight,
                                     @JsonProperty("lists") List<String> lists,
                                     @JsonProperty("windowDays") Integer windowDays,
                                     @JsonProperty("minCount") Integer minCount,
                                     @JsonProperty("saturationCount") Integer saturationCount,
                                     @JsonProperty("maxAmount") Double maxAmount,
                                     @JsonProperty("minRoundShare") Double minRoundShare,
                                     @JsonProperty("maxMedianIntervalDays") Integer maxMedianIntervalDays,
                                     @JsonProperty("scheduleDiscount") Double scheduleDiscount) {
        return new CoverStoryConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight),
                lists == null ? DEFAULT_LISTS : lists,
                windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays,
                minCount == null ? DEFAULT_MIN_COUNT : minCount,
                saturationCount == null ? DEFAULT_SATURATION_COUNT : saturationCount,
                maxAmount == null ? DEFAULT_MAX_AMOUNT : maxAmount,
                minRoundShare == null ? DEFAULT_MIN_ROUND_SHARE : minRoundShare,
                maxMedianIntervalDays == null ? DEFAULT_MAX_MEDIAN_INTERVAL_DAYS : maxMedianIntervalDays,
                scheduleDiscount == null ? 0 : scheduleDiscount);
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
