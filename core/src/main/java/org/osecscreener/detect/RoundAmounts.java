package org.osecscreener.detect;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osecscreener.model.Money;

/**
 * Whether an amount is round in its currency: a whole multiple of a number of major units (10 by
 * default, more for currencies with small units), tested exactly in minor units. Shared by
 * {@code round_amount}, {@code cover_story} and the cluster facets so that they agree.
 * Thread-safe.
 */
final class RoundAmounts {
    /** The multiple used when the bundle has no {@code round_amount} section. */
    static final double DEFAULT_MULTIPLE = 10;

    private final double multiple;
    private final Map<String, Double> perCurrency;
    private final Map<String, Long> multipleMinor = new ConcurrentHashMap<>();

    RoundAmounts(double multiple, Map<String, Double> perCurrency) {
        this.multiple = multiple;
        this.perCurrency = perCurrency;
    }

    /** The multiple, in major units, for {@code currencyCode}. */
    double multiple(String currencyCode) {
        return perCurrency.getOrDefault(currencyCode, multiple);
    }

    boolean isRound(Money amount) {
        long m = multipleMinor(amount);
        return m > 0 && amount.minorUnits() % m == 0;
    }

    private long multipleMinor(Money amount) {
        String code = amount.currency().getCurrencyCode();
        Long m = multipleMinor.get(code);
        if (m == null) {
            BigDecimal minor = BigDecimal.valueOf(multiple(code)).movePointRight(amount.exponent());
            m = minor.stripTrailingZeros().scale() > 0 ? 0L : minor.longValue();
            multipleMinor.put(code, m);
        }
        return m;
    }
}
