package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Currency;
import java.util.Map;

/**
 * {@code round_amount} (typology indicator 7): the amount, in the sending currency, is a whole
 * multiple of a round number.
 *
 * @param enabled     whether the detector runs; default {@code true}
 * @param weight      weight in (0, 1]; required
 * @param multiple    the round multiple in major units of the sending currency, {@code > 0}; default 10
 * @param perCurrency overrides of {@code multiple} by ISO 4217 code (e.g. JPY: 1000); every code
 *                    needs an FX rate in the bundle; default none
 */
public record RoundAmountConfig(boolean enabled, double weight, double multiple, Map<String, Double> perCurrency)
        implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "round_amount";
    /** Default of {@code multiple}. */
    public static final double DEFAULT_MULTIPLE = 10;

    /** @throws IllegalArgumentException if the weight is outside (0, 1], a multiple is not positive, or a code is not ISO 4217 */
    public RoundAmountConfig {
        Check.weight(TYPE + ".weight", weight);
        Check.positive(TYPE + ".multiple", multiple);
        perCurrency = Check.map(TYPE + ".perCurrency", perCurrency);
        perCurrency.forEach((code, m) -> {
            Names.currency(TYPE + ".perCurrency", code);
            Check.positive(TYPE + ".perCurrency." + code, m);
        });
    }

    @JsonCreator
    static RoundAmountConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                      @JsonProperty(value = "weight", required = true) Double weight,
                                      @JsonProperty("multiple") Double multiple,
                                      @JsonProperty("perCurrency") Map<String, Double> perCurrency) {
        return new RoundAmountConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight),
                multiple == null ? DEFAULT_MULTIPLE : multiple, perCurrency);
    }

    /**
     * The round multiple for a sending currency.
     *
     * @param currency the sending currency
     * @return its {@code perCurrency} entry, else {@code multiple}
     */
    public double multipleFor(Currency currency) {
        Double m = perCurrency.get(currency.getCurrencyCode());
        return m == null ? multiple : m;
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
