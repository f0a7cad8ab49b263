package org.osecscreener.detect;

import java.util.List;

import org.osecscreener.model.Money;

import org.osecscreener.rules.AmountBand;
import org.osecscreener.rules.SmallAmountConfig;
import org.osecscreener.score.Hit;

/** Indicator 1: the amount, in base currency, falls inside a configured small band. */
final class SmallAmountDetector implements Detector {
    private final SmallAmountConfig c;
    private final AmountBand[] bands;
    private final String base;

    SmallAmountDetector(SmallAmountConfig c, String base) {
        this.c = c;
        this.bands = c.bands().toArray(new AmountBand[0]);
        this.base = base;
    }

    @Override
    public String id() {
        return SmallAmountConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        for (AmountBand b : bands) {
            if (b.contains(e.base)) {
                // the reason is rendered only when asked for (most assessments are never written)
                Money sent = e.tx.amount();
                return new Hit(id(), b.score(), c.weight(), false,
                        RuleReason.of(id(), SmallAmountDetector::reason,
                                new double[] {sent.minorUnits(), e.base, b.min(), b.max()},
                                sent.currency().getCurrencyCode(), base),
                        List.of(e.tx.id()));
            }
        }
        return null;
    }

    /** Numbers: amount sent in minor units, in base currency, band min and max; words: currency sent, base currency. */
    static String reason(double[] n, String[] w) {
        String base = w[1];
        return "amount " + new Money((long) n[0], java.util.Currency.getInstance(w[0]))
                // the base-currency value only when it differs from what was sent
                + (w[0].equals(base) ? "" : " (" + Fmt.money(n[1], base) + ")")
                + " is in the small band " + Fmt.num(n[2]) + "–" + Fmt.num(n[3]) + " " + base;
    }
}
