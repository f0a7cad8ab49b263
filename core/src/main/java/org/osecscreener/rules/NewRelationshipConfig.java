package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code new_relationship} (typology indicator 8): first transfers to a payee cluster or a
 * country the sender had no prior link with, quickly repeated.
 *
 * @param enabled       whether the detector runs; default {@code true}
 * @param weight        weight in (0, 1]; required
 * @param followUpCount transfers to the new counterparty, the first included, that make it
 *                      "quickly repeated", 1..32; default 3
 * @param followUpDays  days after the first transfer within which they must happen, 1..366; default 7
 */
public record NewRelationshipConfig(boolean enabled, double weight, int followUpCount, int followUpDays)
        implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "new_relationship";
    /** Default of {@code followUpCount}. */
    public static final int DEFAULT_FOLLOW_UP_COUNT = 3;
    /** Default of {@code followUpDays}. */
    public static final int DEFAULT_FOLLOW_UP_DAYS = 7;

    /** @throws IllegalArgumentException if a parameter is outside its documented range */
    public NewRelationshipConfig {
        Check.weight(TYPE + ".weight", weight);
        Check.range(TYPE + ".followUpCount", followUpCount, 1, org.osecscreener.profile.PairProfile.RECENT);
        Check.window(TYPE + ".followUpDays", followUpDays);
    }

    @JsonCreator
    static NewRelationshipConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                          @JsonProperty(value = "weight", required = true) Double weight,
                                          @JsonProperty("followUpCount") Integer followUpCount,
                                          @JsonProperty("followUpDays") Integer followUpDays) {
        return new NewRelationshipConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight),
                followUpCount == null ? DEFAULT_FOLLOW_UP_COUNT : followUpCount,
                followUpDays == null ? DEFAULT_FOLLOW_UP_DAYS : followUpDays);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int stateDays() {
        return followUpDays;
    }
}
