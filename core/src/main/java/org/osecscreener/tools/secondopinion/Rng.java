package org.osecscreener.tools.secondopinion;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random source of one actor or one shared structure, with the few distributions the
 * scenarios need. Each stream is seeded from the run's seed, a stream number and an index, so
 * that one actor's draws never depend on how many draws another actor made: adding a scenario
 * does not reshuffle the others, and the same seed always gives the same bytes.
 */
final class Rng {
    private final SplittableRandom r;

    Rng(long seed, int stream, long index) {
        this.r = new SplittableRandom(mix(mix(seed) ^ (stream * 0x9E3779B97F4A7C15L)) ^ mix(index + 0x632BE59BD9B4E019L));
    }

    /** SplitMix64's finaliser: a well-spread 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    double unit() {
        return r.nextDouble();
    }

    boolean chance(double p) {
        return r.nextDouble() < p;
    }

    /** A uniform integer in {@code [lo, hi]}, both inclusive. */
    int between(int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    long betweenLong(long lo, long hi) {
        return lo + r.nextLong(hi - lo + 1);
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** An exponential variate with the given mean. */
    double exponential(double mean) {
        return -mean * Math.log(1 - r.nextDouble());
    }

    double gaussian() {
        // Box-Muller, one value per call (SplittableRandom has no nextGaussian on Java 17).
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A log-normal variate with the given median and log-scale spread, clipped to {@code [lo, hi]}. */
    double logNormal(double median, double sigma, double lo, double hi) {
        double x = median * Math.exp(sigma * gaussian());
        return Math.max(lo, Math.min(hi, x));
    }

    <T> T pick(T[] values) {
        return values[r.nextInt(values.length)];
    }

    int pick(int[] values) {
        return values[r.nextInt(values.length)];
    }

    <T> T pick(List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** An index drawn with the given (not necessarily normalised) weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** An index drawn from cumulative weights (ascending, last = total), by binary search. */
    int cumulative(double[] cumulative) {
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Digits as text, {@code n} of them, the first never zero when {@code leadingNonZero}. */
    String digits(int n, boolean leadingNonZero) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + (i == 0 && leadingNonZero ? 1 + r.nextInt(9) : r.nextInt(10))));
        }
        return sb.toString();
    }

    /** Zipf-like cumulative weights {@code 1/(i+1)^s} for {@code n} items. */
    static double[] zipf(int n, double s) {
        double[] c = new double[n];
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += 1 / Math.pow(i + 1, s);
            c[i] = t;
        }
        return c;
    }

    /** Fisher-Yates shuffle in place. */
    <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
