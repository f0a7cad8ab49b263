package org.osecscreener.detect;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osecscreener.model.Money;
import org.osecscreener.rules.RoundAmountConfig;
import org.osecscreener.score.Hit;

/**
 * Indicator 7: a round amount in the sending currency: a whole multiple of {@code multiple} major
 * units ({@code perCurrency} overrides it per currency, e.g. 1000 for JPY). Exact, in minor units.
 */
final class RoundAmountDetector implements Detector {
    private final RoundAmountConfig c;
    private final Map<String, Long> multipleMinor = new ConcurrentHashMap<>();

    RoundAmountDetector(RoundAmountConfig c) {
        this.c = c;
    }

    @Override
    public String id() {
        return RoundAmountConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        Money amount = e.tx.amount();
        long m = multipleMinor(amount);
        if (m <= 0 || amount.minorUnits() % m != 0) {
            return null;
        }
        return new Hit(id(), 1.0, c.weight(), false,
                () -> "round amount " + amount + " (a multiple of "
                        + Fmt.num(c.perCurrency().getOrDefault(amount.currency().getCurrencyCode(), c.multiple())) + ")",
                List.of(e.tx.id()));
    }

    private long multipleMinor(Money amount) {
        String code = amount.currency().getCurrencyCode();
        Long m = multipleMinor.get(code);
        if (m == null) {
            double major = c.perCurrency().getOrDefault(code, c.multiple());
            BigDecimal minor = BigDecimal.valueOf(major).movePointRight(amount.exponent());
            m = minor.stripTrailingZeros().scale() > 0 ? 0L : minor.longValue();
            multipleMinor.put(code, m);
        }
        return m;
    }
}
