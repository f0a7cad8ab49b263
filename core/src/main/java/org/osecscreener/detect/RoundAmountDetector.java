package org.osecscreener.detect;

import java.util.List;

import org.osecscreener.model.Money;
import org.osecscreener.rules.RoundAmountConfig;
import org.osecscreener.score.Hit;

/**
 * Indicator 7: a round amount in the sending currency: a whole multiple of {@code multiple} major
 * units ({@code perCurrency} overrides it per currency, e.g. 1000 for JPY). Exact, in minor units
 * ({@link RoundAmounts}, computed once per transaction by the engine).
 */
final class RoundAmountDetector implements Detector {
    private final RoundAmountConfig c;
    private final RoundAmounts round;

    RoundAmountDetector(RoundAmountConfig c, RoundAmounts round) {
        this.c = c;
        this.round = round;
    }

    @Override
    public String id() {
        return RoundAmountConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        if (!e.round) {
            return null;
        }
        Money amount = e.tx.amount();
        String currency = amount.currency().getCurrencyCode();
        return new Hit(id(), 1.0, c.weight(), false,
                RuleReason.of(id(), RoundAmountDetector::reason,
                        new double[] {amount.minorUnits(), round.multiple(currency)}, currency),
                List.of(e.tx.id()));
    }

    /** Numbers: the amount in minor units, the multiple; words: its currency. */
    static String reason(double[] n, String[] w) {
        return "round amount " + new Money((long) n[0], java.util.Currency.getInstance(w[0])) + " (a multiple of "
                + Fmt.num(n[1]) + ")";
    }
}
