package org.osecscreener.detect;

import java.util.Arrays;

/** Small statistics over short arrays (at most a profile's ring of transfers). */
final class Stats {
    private Stats() {
    }

    /** Median; sorts {@code v} in place. NaN for an empty array. */
    static double median(double[] v) {
        return median(v, 0, v.length);
    }

    /** The median of {@code v[from, to)}, sorting that range in place; NaN if it is empty. */
    static double median(double[] v, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return Double.NaN;
        }
        Arrays.sort(v, from, to);
        int m = from + n / 2;
        return n % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    /** Standard deviation over mean; 0 for fewer than two values or a zero mean. */
    static double coefficientOfVariation(double[] v) {
        if (v.length < 2) {
            return v.length == 1 ? 0 : 1;
        }
        double mean = mean(v);
        if (mean <= 0) {
            return 0;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / v.length) / mean;
    }

    /** Median absolute deviation from the median. */
    static double mad(double[] v) {
        double med = median(v.clone());
        double[] dev = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            dev[i] = Math.abs(v[i] - med);
        }
        return median(dev);
    }

    /** Most days an interval may be off a whole number of weeks and still count as weekly. */
    static final double WEEK_TOLERANCE_DAYS = 1.0;

    /**
     * The share of intervals (in days) that follow a calendar: a whole number of weeks, one to
     * four, within {@link #WEEK_TOLERANCE_DAYS} (weekly or fortnightly support that skips a week now
     * and then), or about a month (25 to 36 days: payday support). Session payments, irregular by
     * nature, land on such intervals by chance only. 0 for no intervals.
     *
     * @param gaps the intervals in days; only {@code [0, n)} is read, and not changed
     */
    static double calendarShare(double[] gaps, int n) {
        if (n <= 0) {
            return 0;
        }
        int onCalendar = 0;
        for (int i = 0; i < n; i++) {
            double g = gaps[i];
            long weeks = Math.round(g / 7);
            boolean weekly = weeks >= 1 && weeks <= 4 && Math.abs(g - 7 * weeks) <= WEEK_TOLERANCE_DAYS;
            boolean monthly = g >= 25 && g <= 36;
            onCalendar += weekly || monthly ? 1 : 0;
        }
        return onCalendar / (double) n;
    }

    /** Share of calendar-following intervals from which a cadence counts as a schedule. */
    static final double SCHEDULE_CALENDAR_SHARE = 0.8;

    /**
     * How much a cadence looks like a schedule (weekly, fortnightly or payday support, payroll),
     * in [0, 1]: its {@link #calendarShare} when there are at least three intervals and at least
     * {@link #SCHEDULE_CALENDAR_SHARE} of them follow the calendar, else 0. (A low variation alone is
     * not enough: a handful of random intervals of 5 to 19 days varies by under a fifth one time in
     * ten.)
     *
     * @param gaps the intervals in days, {@code [0, n)} read and not changed
     */
    static double schedule(double[] gaps, int n) {
        if (n < 3) {
            return 0;
        }
        double calendar = calendarShare(gaps, n);
        return calendar >= SCHEDULE_CALENDAR_SHARE ? calendar : 0;
    }
}
