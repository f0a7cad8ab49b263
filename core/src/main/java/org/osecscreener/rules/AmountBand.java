package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One amount band of {@link SmallAmountConfig}: amounts in the bundle's base currency from
 * {@code min} (inclusive) to {@code max} (exclusive) score {@code score}.
 *
 * @param min   lower bound, inclusive, base-currency major units, {@code >= 0}
 * @param max   upper bound, exclusive, base-currency major units, {@code > min}
 * @param score the sub-score of an amount in the band, in (0, 1]
 */
public record AmountBand(double min, double max, double score) {
    /** @throws IllegalArgumentException if a bound is negative or not finite, {@code min >= max}, or the score is outside (0, 1] */
    public AmountBand {
        if (!(min >= 0) || Double.isInfinite(min)) {
            throw new IllegalArgumentException("band min was " + min + "; accepted: a finite number >= 0");
        }
        Check.positive("band max", max);
        if (!(min < max)) {
            throw new IllegalArgumentException("band min (" + min + ") must be below max (" + max + ")");
        }
        Check.weight("band score", score);
    }

    @JsonCreator
    static AmountBand fromJson(@JsonProperty(value = "min", required = true) Double min,
                               @JsonProperty(value = "max", required = true) Double max,
                               @JsonProperty(value = "score", required = true) Double score) {
        return new AmountBand(Check.required("min", min), Check.required("max", max), Check.required("score", score));
    }

    /** Whether {@code amount} (base currency) lies in {@code [min, max)}. */
    public boolean contains(double amount) {
        return amount >= min && amount < max;
    }
}
