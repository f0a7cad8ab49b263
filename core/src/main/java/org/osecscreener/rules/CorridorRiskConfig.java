package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code corridor_risk} (typology indicator 1, the corridor part): a transfer from a
 * {@code countries.demandSide} country to a {@code countries.sourceSide} country scores the
 * source country's risk level.
 *
 * @param enabled whether the detector runs; default {@code true}
 * @param weight  weight in (0, 1]; required
 */
public record CorridorRiskConfig(boolean enabled, double weight) implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "corridor_risk";

    /** @throws IllegalArgumentException if the weight is outside (0, 1] */
    public CorridorRiskConfig {
        Check.weight(TYPE + ".weight", weight);
    }

    @JsonCreator
    static CorridorRiskConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                       @JsonProperty(value = "weight", required = true) Double weight) {
        return new CorridorRiskConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int stateDays() {
        return 0;
    }
}
