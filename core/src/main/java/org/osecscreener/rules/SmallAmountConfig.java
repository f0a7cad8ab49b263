package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code small_amount} (typology indicator 1): a transfer whose amount, converted to the base
 * currency, falls in one of the configured bands scores that band's score.
 *
 * @param enabled whether the detector runs; default {@code true}
 * @param weight  weight of the sub-score in the bundle score, in (0, 1]; required
 * @param bands   amount bands in the base currency, ordered by {@code min}, not overlapping, at
 *                least one; default {@link #DEFAULT_BANDS} ([5, 60) scores 1.0, [60, 200) scores 0.6)
 */
public record SmallAmountConfig(boolean enabled, double weight, List<AmountBand> bands) implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "small_amount";
    /** Default bands: [5, 60) scores 1.0, [60, 200) scores 0.6. */
    public static final List<AmountBand> DEFAULT_BANDS =
            List.of(new AmountBand(5, 60, 1.0), new AmountBand(60, 200, 0.6));

    /** @throws IllegalArgumentException if the weight is outside (0, 1], or bands are empty, unordered or overlapping */
    public SmallAmountConfig {
        Check.weight(TYPE + ".weight", weight);
        bands = Check.list(TYPE + ".bands", bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException(TYPE + ".bands must hold at least one band");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).min() < bands.get(i - 1).max()) {
                throw new IllegalArgumentException(TYPE + ".bands[" + i + "] starts at " + bands.get(i).min()
                        + ", below the end of the band before it (" + bands.get(i - 1).max()
                        + "); bands must be ordered and must not overlap");
            }
        }
    }

    @JsonCreator
    static SmallAmountConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                      @JsonProperty(value = "weight", required = true) Double weight,
                                      @JsonProperty("bands") List<AmountBand> bands) {
        return new SmallAmountConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight),
                bands == null ? DEFAULT_BANDS : bands);
    }

    /**
     * The sub-score of a base-currency amount: the score of the band holding it, 0 if none.
     *
     * @param baseAmount the amount in the base currency
     * @return the band score, or 0
     */
    public double scoreOf(double baseAmount) {
        for (int i = 0; i < bands.size(); i++) {
            AmountBand b = bands.get(i);
            if (b.contains(baseAmount)) {
                return b.score();
            }
        }
        return 0.0;
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
