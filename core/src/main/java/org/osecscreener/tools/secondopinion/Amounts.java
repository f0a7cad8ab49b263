package org.osecscreener.tools.secondopinion;

import org.osecscreener.tools.secondopinion.Places.Place;

/**
 * Turns a US-dollar figure into the sender's currency, in exact minor units, rounded the way
 * people pay: to the cent (or the unit, for currencies without cents in practice), to a whole
 * amount, or to a "round" figure (45, 50, 100, 150, 5,000 JPY ...).
 */
final class Amounts {
    private Amounts() {
    }

    enum Rounding {
        /** To the smallest unit people use (cents; whole units for JPY, KRW, VND, IDR, COP). */
        EXACT,
        /** Whole units of the currency. */
        WHOLE,
        /** A round figure: a multiple of 5, 10, 50, 100... depending on the size. */
        ROUND
    }

    /** The amount in minor units of the place's currency, at least one minor unit (or one whole unit). */
    static long minor(Rng r, double usd, Place place, Rounding rounding) {
        int digits = place.currency().getDefaultFractionDigits();
        long scale = digits == 0 ? 1 : digits == 2 ? 100 : digits == 3 ? 1000 : (long) Math.pow(10, digits);
        double local = usd * place.perUsd();
        boolean wholeCurrency = digits == 0 || local >= 20_000;   // IDR, COP: nobody sends cents
        double major;
        switch (rounding) {
            case ROUND -> major = round(r, local);
            case WHOLE -> major = Math.max(1, Math.rint(local));
            default -> major = wholeCurrency ? Math.max(1, Math.rint(local)) : Math.max(0.01, Math.rint(local * 100) / 100);
        }
        return Math.round(major * scale);
    }

    /**
     * A round figure near {@code x}: a multiple of a tenth, a fifth, a half or (for figures of
     * three times the power of ten or more) a whole power of ten below it, so never more than a
     * quarter away from {@code x}.
     */
    static double round(Rng r, double x) {
        if (x < 1) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        double u = r.unit();
        double step = x < 3 * p ? (u < 0.35 ? p / 2 : u < 0.7 ? p / 5 : p / 10)     // 138 -> 150, 140
                : (u < 0.3 ? p : u < 0.7 ? p / 2 : u < 0.9 ? p / 5 : p / 10);      // 470 -> 500, 450, 480
        step = Math.max(1, step);
        double v = Math.rint(x / step) * step;
        return v <= 0 ? step : v;
    }
}
