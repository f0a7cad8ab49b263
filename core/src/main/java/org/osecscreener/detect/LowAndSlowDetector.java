package org.osecscreener.detect;

import org.osecscreener.profile.TransferRing;
import org.osecscreener.profile.Traits;
import org.osecscreener.rules.LowAndSlowConfig;
import org.osecscreener.score.Hit;

/**
 * Indicators 10 and 6 over a long horizon: a steady trickle of small transfers to one payee
 * cluster in a source country, a person the sender has no family link with, for weeks to months,
 * mostly in the sender's late hours. Fires on a small transfer when, within the window, at least
 * {@code minCount} small transfers went to the cluster, spanning {@code minSpanDays} or more, with a
 * median interval of at most {@code maxMedianIntervalDays}, and at least {@code minLateShare} of
 * them in the late period. The sub-score rises with the count (0.5 at {@code minCount}, 1 at
 * {@code saturationCount}) and with the late share (× (0.5 + 0.5 × share)); a schedule-like cadence
 * (a night-shift worker's weekly support, {@link Stats#schedule}) lowers it by {@code scheduleDiscount}
 * × how schedule-like it is.
 *
 * <p>Only a person abroad paying a person in a source country is considered (not businesses, not
 * transfers within one country).
 *
 * <p>Reads the relationship's transfer ring (its last 32 transfers with their local hours), so its
 * state is that of the pair profile: no history beyond it.
 */
final class LowAndSlowDetector implements Detector {
    private final LowAndSlowConfig c;
    private final String base;

    LowAndSlowDetector(LowAndSlowConfig c, String base) {
        this.c = c;
        this.base = base;
    }

    @Override
    public String id() {
        return LowAndSlowConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        if (!e.toSourceCountry || !e.personToPersonAbroad || e.related || e.base > c.maxAmount()) {
            return null;
        }
        TransferRing r = e.pair.recent();
        int from = r.firstIndexFrom(e.second - c.windowDays() * Evaluation.DAY + 1);
        int n = 0;
        int late = 0;
        long first = 0;
        long previous = 0;
        long previousDay = 0;
        double[] gaps = new double[Math.max(0, r.size() - from)];
        double[] days = new double[gaps.length];
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int i = from; i < r.size(); i++) {
            double a = r.amount(i);
            if (a > c.maxAmount()) {
                continue;
            }
            long t = r.second(i);
            long day = Stats.localDay(t, r.traits(i));
            if (n == 0) {
                first = t;
            } else {
                gaps[n - 1] = (t - previous) / (double) Evaluation.DAY;
                days[n - 1] = day - previousDay;
            }
            previous = t;
            previousDay = day;
            n++;
            int hour = Traits.hour(r.traits(i));
            if (hour >= 0 && c.isLate(hour)) {
                late++;
            }
            lo = Math.min(lo, a);
            hi = Math.max(hi, a);
        }
        if (n < c.minCount() || late == 0 || late / (double) n < c.minLateShare()) {
            return null;
        }
        double spanDays = (previous - first) / (double) Evaluation.DAY;
        if (spanDays < c.minSpanDays()) {
            return null;
        }
        double median = Stats.median(gaps, 0, n - 1);
        if (median > c.maxMedianIntervalDays()) {
            return null;
        }
        double lateShare = late / (double) n;
        double s = Detector.ramp(n, c.minCount(), c.saturationCount()) * (0.5 + 0.5 * lateShare);
        double discount = c.scheduleDiscount() > 0 ? c.scheduleDiscount() * Stats.schedule(days, n - 1) : 0;
        boolean schedule = discount > 0;
        s *= 1 - discount;
        int count = n;
        int lateCount = late;
        double min = lo;
        double max = hi;
        String cluster = e.view.clusterId();
        return new Hit(id(), Math.min(1, s), c.weight(), false,
                RuleReason.of(id(), LowAndSlowDetector::reason,
                        new double[] {count, min, max, spanDays, median, lateCount, c.startHour(), c.endHour(),
                                schedule ? 1 : 0, discount}, base, cluster),
                r.idsFrom(from, Hit.MAX_EVIDENCE, c.maxAmount(), 0));
    }

    /**
     * Numbers: transfers, lowest and highest amount, span days, median interval, late transfers,
     * start and end hour, schedule (1/0), its discount; words: base currency, cluster.
     */
    static String reason(double[] n, String[] w) {
        String base = w[0];
        return (int) n[0] + " small transfers (" + Fmt.money(n[1], base).replace(" " + base, "") + "–" + Fmt.money(n[2], base)
                + ") to cluster " + w[1] + " over " + Fmt.num(n[3]) + " days, median interval "
                + Fmt.num(n[4]) + " days; " + (int) n[5] + " of them between " + Fmt.hour((int) n[6]) + " and "
                + Fmt.hour((int) n[7]) + " sender local time; no shared surname or address with the payee"
                + (n[8] != 0 ? "; a schedule-like cadence (weekly or monthly), lowered by " + Fmt.pct(n[9]) : "");
    }
}
