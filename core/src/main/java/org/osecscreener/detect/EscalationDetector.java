package org.osecscreener.detect;

import org.osecscreener.profile.TransferRing;
import org.osecscreener.rules.EscalationConfig;
import org.osecscreener.score.Hit;

/**
 * Indicator 4: amounts or frequency to a cluster rising across the sender's recent transfers,
 * taken per occasion (the transfers of one local day together: their total amount, the time of the
 * first). The occasions in the window are split into an earlier and a later half; growth is the larger of
 * (median amount later / median amount earlier) and (median interval earlier / median interval
 * later). Medians make it a trend: one large transfer does not move them. Fires when growth
 * reaches {@code minGrowth}: 0.5 there, 1 at twice that.
 */
final class EscalationDetector implements Detector {
    private final EscalationConfig c;
    private final String base;

    EscalationDetector(EscalationConfig c, String base) {
        this.c = c;
        this.base = base;
    }

    @Override
    public String id() {
        return EscalationConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        TransferRing r = e.pair.recent();
        int from = r.firstIndexFrom(e.second - c.windowDays() * Evaluation.DAY + 1);
        // occasions: the transfers of one local day together (their total, the time of the first), so
        // that a round of gifts on one day is neither a jump in frequency nor a run of amounts
        int size = r.size() - from;
        double[] amounts = new double[size];
        long[] times = new long[size];
        int n = 0;
        long lastDay = Long.MIN_VALUE;
        for (int i = from; i < r.size(); i++) {
            long day = Stats.localDay(r.second(i), r.traits(i));
            if (day != lastDay) {
                times[n] = r.second(i);
                n++;
                lastDay = day;
            }
            amounts[n - 1] += r.amount(i);
        }
        if (n < c.minTransfers() || n < 4) {
            return null;
        }
        int half = n / 2;
        // one scratch array, each half sorted in place for its median (the same values as four arrays)
        double[] v = java.util.Arrays.copyOf(amounts, n);
        double earlyAmount = Stats.median(v, 0, half);
        double lateAmount = Stats.median(v, half, n);
        double amountGrowth = earlyAmount > 0 ? lateAmount / earlyAmount : 1;
        for (int i = 1; i < half; i++) {
            v[i - 1] = times[i] - times[i - 1];
        }
        double earlyGap = Stats.median(v, 0, half - 1);
        for (int i = half + 1; i < n; i++) {
            v[i - 1] = times[i] - times[i - 1];
        }
        double lateGap = Stats.median(v, half, n - 1);
        double frequencyGrowth = lateGap > 0 ? earlyGap / lateGap : (earlyGap > 0 ? c.minGrowth() * 2 : 1);
        double growth = Math.max(amountGrowth, frequencyGrowth);
        if (growth < c.minGrowth()) {
            return null;
        }
        double s = Math.min(1, 0.5 + 0.5 * (growth - c.minGrowth()) / c.minGrowth());
        String cluster = e.view.clusterId();
        boolean byAmount = amountGrowth >= frequencyGrowth;
        int occasions = n;
        return new Hit(id(), s, c.weight(), false,
                RuleReason.of(id(), EscalationDetector::reason,
                        new double[] {occasions, c.windowDays(), byAmount ? 1 : 0, earlyAmount, lateAmount, earlyGap, lateGap,
                                growth}, base, cluster),
                r.idsFrom(from, Hit.MAX_EVIDENCE));
    }

    /**
     * Numbers: occasions, window days, by amount (1/0), early and late median amount, early and
     * late median interval in seconds, growth; words: base currency, cluster.
     */
    static String reason(double[] n, String[] w) {
        String base = w[0];
        return "transfers to cluster " + w[1] + " escalated over the last " + (int) n[0] + " days of payment in "
                + (int) n[1] + " days: " + (n[2] != 0
                ? "median amount " + Fmt.money(n[3], base) + " → " + Fmt.money(n[4], base)
                : "median interval " + Fmt.num(n[5] / Evaluation.DAY) + " → "
                + Fmt.num(n[6] / Evaluation.DAY) + " days")
                + " (" + Fmt.num(n[7]) + "×)";
    }
}
