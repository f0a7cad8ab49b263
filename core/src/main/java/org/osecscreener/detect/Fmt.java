package org.osecscreener.detect;

import java.time.LocalDate;
import java.util.Locale;

/** Number formatting for reasons (only run when a reason is rendered). */
final class Fmt {
    private Fmt() {
    }

    static String money(double amount, String currency) {
        return String.format(Locale.ROOT, "%.2f %s", amount, currency);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String pct(double share) {
        return Math.round(share * 100) + "%";
    }

    static String date(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, Evaluation.DAY)).toString();
    }
}
