package org.osecscreener.detect;

import java.util.Arrays;

import org.osecscreener.profile.TransferRing;
import org.osecscreener.rules.RecurringSmallToClusterConfig;
import org.osecscreener.score.Hit;

/**
 * Indicators 1 and 2 together: N or more small transfers from the sender to the same payee cluster
 * within a window. The sub-score rises with the count (0.5 at {@code minCount}, 1 at
 * {@code saturationCount}) and, for a {@code regularityShare} of it, with the regularity of the
 * intervals (1 − their coefficient of variation).
 */
final class RecurringSmallToClusterDetector implements Detector {
    private final RecurringSmallToClusterConfig c;
    private final String base;

    RecurringSmallToClusterDetector(RecurringSmallToClusterConfig c, String base) {
        this.c = c;
        this.base = base;
    }

    @Override
    public String id() {
        return RecurringSmallToClusterConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        if (e.base > c.maxAmount()) {
            return null;
        }
        TransferRing r = e.pair.recent();
        int from = r.firstIndexFrom(e.second - c.windowDays() * Evaluation.DAY + 1);
        int n = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        double[] intervals = new double[Math.max(0, r.size() - from - 1)];
        long previous = 0;
        for (int i = from; i < r.size(); i++) {
            double a = r.amount(i);
            if (a <= c.maxAmount()) {
                long t = r.second(i);
                if (n > 0) {
                    intervals[n - 1] = (t - previous) / (double) Evaluation.DAY;
                }
                previous = t;
                n++;
                min = Math.min(min, a);
                max = Math.max(max, a);
            }
        }
        if (n < c.minCount()) {
            return null;
        }
        if (intervals.length != n - 1) {
            intervals = Arrays.copyOf(intervals, n - 1);
        }
        double regularity = Math.max(0, 1 - Stats.coefficientOfVariation(intervals));
        double countScore = Detector.ramp(n, c.minCount(), c.saturationCount());
        double s = (1 - c.regularityShare()) * countScore + c.regularityShare() * regularity;
        if (s <= 0) {
            return null;
        }
        double median = Stats.median(intervals); // sorts in place: the intervals are not read after this
        int count = n;
        double lo = min;
        double hi = max;
        String cluster = e.view.clusterId();
        return new Hit(id(), Math.min(1, s), c.weight(), false,
                () -> count + " transfers of " + Fmt.money(lo, base).replace(" " + base, "") + "–" + Fmt.money(hi, base) + " to cluster " + cluster
                        + " in " + c.windowDays() + " days, median interval " + Fmt.num(median) + " days",
                r.idsFrom(from, Hit.MAX_EVIDENCE));
    }
}
