package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code family_support}: the one mitigating detector. A long-standing, regular, payday-like
 * pattern to the same few payees (the hard negative of the typologies) reduces the score.
 *
 * @param enabled              whether the detector runs; default {@code true}
 * @param mitigation           share in (0, 1] by which the bundle score is reduced when the
 *                             pattern holds; required
 * @param minMonths            months of regular transfers needed, 1..12; default 3
 * @param maxJitterDays        largest deviation, in days, of a transfer from the usual day of
 *                             the month, 0..15; default 5
 * @param requireSharedSurname whether the payees must share a surname with the sender or each
 *                             other; default {@code true}
 */
public record FamilySupportConfig(boolean enabled, double mitigation, int minMonths, int maxJitterDays,
                                  boolean requireSharedSurname) implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "family_support";
    /** Default of {@code minMonths}. */
    public static final int DEFAULT_MIN_MONTHS = 3;
    /** Default of {@code maxJitterDays}. */
    public static final int DEFAULT_MAX_JITTER_DAYS = 5;
    /** Days of history per month of {@code minMonths}, for {@link #stateDays()}. */
    public static final int DAYS_PER_MONTH = 31;

    /** @throws IllegalArgumentException if a parameter is outside its documented range */
    public FamilySupportConfig {
        Check.weight(TYPE + ".mitigation", mitigation);
        Check.range(TYPE + ".minMonths", minMonths, 1, 12);
        Check.range(TYPE + ".maxJitterDays", maxJitterDays, 0, 15);
    }

    @JsonCreator
    static FamilySupportConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                        @JsonProperty(value = "mitigation", required = true) Double mitigation,
                                        @JsonProperty("minMonths") Integer minMonths,
                                        @JsonProperty("maxJitterDays") Integer maxJitterDays,
                                        @JsonProperty("requireSharedSurname") Boolean requireSharedSurname) {
        return new FamilySupportConfig(enabled == null || enabled, Check.required(TYPE + ".mitigation", mitigation),
                minMonths == null ? DEFAULT_MIN_MONTHS : minMonths,
                maxJitterDays == null ? DEFAULT_MAX_JITTER_DAYS : maxJitterDays,
                requireSharedSurname == null || requireSharedSurname);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** {@code minMonths * 31}. */
    @Override
    public int stateDays() {
        return minMonths * DAYS_PER_MONTH;
    }
}
