package org.osecscreener.detect;

import java.util.Arrays;

import org.osecscreener.profile.TransferRing;
import org.osecscreener.rules.RecurringSmallToClusterConfig;
import org.osecscreener.score.Hit;

/**
 * Indicators 1 and 2 together: small transfers from the sender to the same payee cluster on N or
 * more distinct days (the sender's local calendar days) within a window; several transfers on one
 * day are one occasion. The sub-score rises with the count (0.5 at {@code minCount}, 1 at
 * {@code saturationCount}) and, for a {@code regularityShare} of it, with the regularity of the
 * intervals (1 − their coefficient of variation). Two discounts, off by default: a sender who shares
 * a surname or address with the payee ({@code relatedDiscount}), and a schedule-like cadence — a
 * median interval of 5 days or more that varies by at most a fifth or follows the calendar (whole
 * weeks, about a month: {@link Stats#schedule}), the rhythm of family support and payroll
 * ({@code scheduleDiscount}, scaled by how schedule-like it is).
 */
final class RecurringSmallToClusterDetector implements Detector {
    /** Shortest median interval, in days, of a schedule-like cadence (weekly or longer). */
    static final double SCHEDULE_MIN_DAYS = 5;
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
        if (e.base > c.maxAmount() || (c.personsAbroadOnly() && !e.personToPersonAbroad)) {
            return null;
        }
        TransferRing r = e.pair.recent();
        int from = r.firstIndexFrom(e.second - c.windowDays() * Evaluation.DAY + 1);
        // occasions: small transfers on distinct local days (a family paying several members of one
        // household on one day, or a December round of gifts, is one occasion, not a cadence)
        int n = 0;
        int transfers = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        double[] intervals = new double[Math.max(0, r.size() - from - 1)];
        long previous = 0;
        long previousDay = Long.MIN_VALUE;
        double[] days = new double[intervals.length];
        for (int i = from; i < r.size(); i++) {
            double a = r.amount(i);
            if (a <= c.maxAmount()) {
                long t = r.second(i);
                long day = Stats.localDay(t, r.traits(i));
                transfers++;
                min = Math.min(min, a);
                max = Math.max(max, a);
                if (day == previousDay) {
                    continue;
                }
                if (n > 0) {
                    intervals[n - 1] = (t - previous) / (double) Evaluation.DAY;
                    days[n - 1] = day - previousDay;
                }
                previous = t;
                previousDay = day;
                n++;
            }
        }
        if (n < c.minCount()) {
            return null;
        }
        if (intervals.length != n - 1) {
            intervals = Arrays.copyOf(intervals, n - 1);
        }
        double cv = Stats.coefficientOfVariation(intervals);
        double regularity = Math.max(0, 1 - cv);
        double countScore = Detector.ramp(n, c.minCount(), c.saturationCount());
        double s = (1 - c.regularityShare()) * countScore + c.regularityShare() * regularity;
        double cadence = Stats.schedule(days, n - 1);
        double median = Stats.median(intervals); // sorts in place: the intervals are not read after this
        boolean schedule = c.scheduleDiscount() > 0 && median >= SCHEDULE_MIN_DAYS && cadence > 0;
        if (schedule) {
            s *= 1 - c.scheduleDiscount() * cadence;
        }
        boolean related = c.relatedDiscount() > 0 && e.related;
        if (related) {
            s *= 1 - c.relatedDiscount();
        }
        if (s <= 0) {
            return null;
        }
        int count = n;
        int all = transfers;
        double lo = min;
        double hi = max;
        String cluster = e.view.clusterId();
        return new Hit(id(), Math.min(1, s), c.weight(), false,
                RuleReason.of(id(), RecurringSmallToClusterDetector::reason,
                        new double[] {all, lo, hi, count, c.windowDays(), median, schedule ? 1 : 0, cv,
                                c.scheduleDiscount() * cadence, related ? 1 : 0, c.relatedDiscount()}, base, cluster),
                r.idsFrom(from, Hit.MAX_EVIDENCE));
    }

    /**
     * Numbers: transfers, lowest and highest amount, occasions, window days, median interval,
     * schedule (1/0), interval variation, schedule discount, related (1/0), related discount;
     * words: base currency, cluster.
     */
    static String reason(double[] n, String[] w) {
        String base = w[0];
        int all = (int) n[0];
        int count = (int) n[3];
        return all + " transfers of " + Fmt.money(n[1], base).replace(" " + base, "") + "–" + Fmt.money(n[2], base)
                + " to cluster " + w[1]
                + (all == count ? "" : " on " + count + " days") + " in " + (int) n[4] + " days, median interval "
                + Fmt.num(n[5]) + " days"
                + (n[6] != 0 ? "; a schedule-like cadence (weekly or monthly, varies by " + Fmt.pct(n[7]) + "), lowered by "
                + Fmt.pct(n[8]) : "")
                + (n[9] != 0 ? "; sender and payee share a surname or address, lowered by " + Fmt.pct(n[10]) : "");
    }
}
