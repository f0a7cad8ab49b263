package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code odd_hours} (typology indicator 6): repeated transfers late at night or early in the
 * morning in the sender's local time.
 *
 * <p>The odd period runs from {@code startHour} (inclusive) to {@code endHour} (exclusive);
 * when {@code startHour > endHour} it wraps midnight (22 to 4 means 22:00–03:59).
 *
 * @param enabled    whether the detector runs; default {@code true}
 * @param weight     weight in (0, 1]; required
 * @param startHour  first odd hour, 0..23, sender's local time; default 0
 * @param endHour    first hour after the odd period, 0..23, {@code != startHour}; default 5
 * @param windowDays the look-back window in days, 1..366; default 30
 * @param minCount   odd-hour transfers in the window before the detector fires, 1..16 (the night transfers a sender profile keeps); default 3
 */
public record OddHoursConfig(boolean enabled, double weight, int startHour, int endHour, int windowDays,
                             int minCount) implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "odd_hours";
    /** Default of {@code startHour}. */
    public static final int DEFAULT_START_HOUR = 0;
    /** Default of {@code endHour}. */
    public static final int DEFAULT_END_HOUR = 5;
    /** Default of {@code windowDays}. */
    public static final int DEFAULT_WINDOW_DAYS = 30;
    /** Default of {@code minCount}. */
    public static final int DEFAULT_MIN_COUNT = 3;

    /** @throws IllegalArgumentException if a parameter is outside its documented range or the hours are equal */
    public OddHoursConfig {
        Check.weight(TYPE + ".weight", weight);
        Check.range(TYPE + ".startHour", startHour, 0, 23);
        Check.range(TYPE + ".endHour", endHour, 0, 23);
        if (startHour == endHour) {
            throw new IllegalArgumentException(TYPE + ".startHour and endHour are both " + startHour
                    + "; they must differ (start > end wraps midnight)");
        }
        Check.window(TYPE + ".windowDays", windowDays);
        Check.range(TYPE + ".minCount", minCount, 1, org.osecscreener.profile.SenderProfile.NIGHT);
    }

    @JsonCreator
    static OddHoursConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                   @JsonProperty(value = "weight", required = true) Double weight,
                                   @JsonProperty("startHour") Integer startHour,
                                   @JsonProperty("endHour") Integer endHour,
                                   @JsonProperty("windowDays") Integer windowDays,
                                   @JsonProperty("minCount") Integer minCount) {
        return new OddHoursConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight),
                startHour == null ? DEFAULT_START_HOUR : startHour,
                endHour == null ? DEFAULT_END_HOUR : endHour,
                windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays,
                minCount == null ? DEFAULT_MIN_COUNT : minCount);
    }

    /**
     * Whether a local hour of day lies in the odd period.
     *
     * @param hour 0..23
     * @return {@code true} if {@code hour} is in [startHour, endHour), wrapping midnight if needed
     */
    public boolean isOddHour(int hour) {
        return startHour < endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
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
