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
                double inBase = e.base;
                return new Hit(id(), b.score(), c.weight(), false,
                        () -> "amount " + sent
                                // the base-currency value only when it differs from what was sent
                                + (sent.currency().getCurrencyCode().equals(base) ? "" : " (" + Fmt.money(inBase, base) + ")")
                                + " is in the small band " + Fmt.num(b.min()) + "–" + Fmt.num(b.max()) + " " + base,
                        List.of(e.tx.id()));
            }
        }
        return null;
    }
}
