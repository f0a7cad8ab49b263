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
}
