package org.osecscreener.detect;

import java.time.LocalDate;

/**
 * Number formatting for reasons, without {@code String.format} (whose pattern parsing and locale
 * look-ups cost microseconds per call): reasons are rendered for every alert and, in the Flink
 * job, for every transaction that may reach review.
 */
final class Fmt {
    private Fmt() {
    }

    /** {@code 29.70 USD}: two fraction digits, half-up. */
    static String money(double amount, String currency) {
        return fixed(amount, 2) + " " + currency;
    }

    /** One fraction digit, half-up: {@code 2.0}. */
    static String num(double v) {
        return fixed(v, 1);
    }

    static String pct(double share) {
        return Math.round(share * 100) + "%";
    }

    /** {@code 05:00}. */
    static String hour(int h) {
        return (h < 10 ? "0" : "") + h + ":00";
    }

    static String date(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, Evaluation.DAY)).toString();
    }

    private static String fixed(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        long scale = digits == 1 ? 10 : 100;
        long scaled = Math.round(Math.abs(v) * scale);
        StringBuilder sb = new StringBuilder(16);
        if (v < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / scale).append('.');
        long frac = scaled % scale;
        if (digits == 2 && frac < 10) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }
}
