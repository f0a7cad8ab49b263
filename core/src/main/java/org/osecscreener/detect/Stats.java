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

    /**
     * Most days an interval, counted in the sender's local calendar days, may be off a whole
     * number of weeks and still count as weekly (a day either way).
     */
    static final double WEEK_TOLERANCE_DAYS = 1.0;

    /**
     * The sender's local calendar day of a transfer, from its epoch second and the local hour kept
     * in its {@link org.osecscreener.profile.Traits} (the offset is the difference between the local
     * and the UTC hour, in whole hours); the UTC day when the hour is not known.
     */
    static long localDay(long epochSecond, int traits) {
        int local = org.osecscreener.profile.Traits.hour(traits);
        if (local < 0) {
            return Math.floorDiv(epochSecond, Evaluation.DAY);
        }
        int utc = (int) Math.floorMod(epochSecond, Evaluation.DAY) / 3600;
        int offset = Math.floorMod(local - utc + 12, 24) - 12; // -12..+11 hours
        return Math.floorDiv(epochSecond + offset * 3600L, Evaluation.DAY);
    }

    /**
     * The share of intervals (in the sender's local calendar days, {@link #localDay}) that follow a
     * calendar: a whole number of weeks, one to four, within {@link #WEEK_TOLERANCE_DAYS} (weekly or
     * fortnightly support that skips a week now and then), or about a month (25 to 36 days: payday
     * support). Session payments, irregular by nature, land on such intervals by chance only. 0 for
     * no intervals.
     *
     * @param gaps the intervals in days; only {@code [0, n)} is read, and not changed
     */
    static double calendarShare(double[] gaps, int n) {
        if (n <= 0) {
            return 0;
        }
        int onCalendar = 0;
        for (int i = 0; i < n; i++) {
            onCalendar += onCalendar(gaps[i]) ? 1 : 0;
        }
        return onCalendar / (double) n;
    }

    /** Whether an interval in days is a whole number of weeks (one to four, within the tolerance) or about a month. */
    static boolean onCalendar(double g) {
        long weeks = Math.round(g / 7);
        return (weeks >= 1 && weeks <= 4 && Math.abs(g - 7 * weeks) <= WEEK_TOLERANCE_DAYS) || (g >= 25 && g <= 36);
    }

    /** Largest coefficient of variation of a regular cadence. */
    static final double SCHEDULE_MAX_CV = 0.1;

    /** Share of calendar-following intervals from which a cadence counts as a schedule. */
    static final double SCHEDULE_CALENDAR_SHARE = 0.8;

    /**
     * How much a cadence looks like a schedule (weekly, fortnightly or payday support, payroll),
     * in [0, 1], from at least three intervals: their {@link #calendarShare} when at least
     * {@link #SCHEDULE_CALENDAR_SHARE} of them follow the calendar; else 1 − their coefficient of
     * variation when it is at most {@link #SCHEDULE_MAX_CV} and their median follows the calendar
     * (a regular weekly rhythm whose hours of day wander); else 0. Six random intervals of 5 to 19
     * days are taken for a schedule about one time in twenty (a test checks under 8%).
     *
     * @param gaps the intervals in days, {@code [0, n)} read and not changed
     */
    static double schedule(double[] gaps, int n) {
        if (n < 3) {
            return 0;
        }
        double calendar = calendarShare(gaps, n);
        if (calendar >= SCHEDULE_CALENDAR_SHARE) {
            return calendar;
        }
        double[] copy = Arrays.copyOf(gaps, n);
        double cv = coefficientOfVariation(copy);
        return cv <= SCHEDULE_MAX_CV && onCalendar(median(copy)) ? 1 - cv : 0;
    }
}
