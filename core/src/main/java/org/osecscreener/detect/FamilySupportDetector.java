package org.osecscreener.detect;

import org.osecscreener.profile.TransferRing;
import org.osecscreener.rules.FamilySupportConfig;
import org.osecscreener.score.Hit;

/**
 * Mitigating: family support. A long, regular cadence to the same payees (for example monthly
 * for months, payday-aligned, or weekly to a parent): the relationship spans at least
 * {@code minMonths} months with transfers in at least that many calendar months, the intervals
 * are at least 6 days apart in the median and vary by at most {@code maxJitterDays} (median
 * absolute deviation), and, when {@code requireSharedSurname}, sender and payee share a surname.
 * Shown as a negative hit that lowers the score by {@code mitigation}.
 */
final class FamilySupportDetector implements Detector {
    private static final double MIN_MEDIAN_INTERVAL_DAYS = 6;
    private final FamilySupportConfig c;

    FamilySupportDetector(FamilySupportConfig c) {
        this.c = c;
    }

    @Override
    public String id() {
        return FamilySupportConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        if (c.requireSharedSurname() && (e.senderSurname == 0 || e.senderSurname != e.view.payeeSurname())) {
            return null;
        }
        long span = e.second - e.pair.firstSecond();
        if (span < (long) c.minMonths() * 28 * Evaluation.DAY) {
            return null;
        }
        TransferRing r = e.pair.recent();
        int n = r.size();
        if (n < c.minMonths()) {
            return null;
        }
        int months = 0;
        int lastMonth = Integer.MIN_VALUE;
        double[] gaps = new double[n - 1];
        for (int i = 0; i < n; i++) {
            int month = monthIndex(r.second(i));
            if (month != lastMonth) {
                months++;
                lastMonth = month;
            }
            if (i > 0) {
                gaps[i - 1] = (r.second(i) - r.second(i - 1)) / (double) Evaluation.DAY;
            }
        }
        if (months < c.minMonths()) {
            return null;
        }
        double median = Stats.median(gaps.clone());
        double jitter = Stats.mad(gaps);
        if (median < MIN_MEDIAN_INTERVAL_DAYS || jitter > c.maxJitterDays()) {
            return null;
        }
        int m = months;
        return new Hit(id(), 1.0, c.mitigation(), true,
                RuleReason.of(id(), FamilySupportDetector::reason,
                        new double[] {m, median, jitter, c.requireSharedSurname() ? 1 : 0, c.mitigation()}),
                r.idsFrom(0, Hit.MAX_EVIDENCE));
    }

    /** Numbers: months, median interval, its jitter, shared surname required (1/0), the mitigation. */
    static String reason(double[] n, String[] w) {
        return "regular family-support pattern: transfers in " + (int) n[0] + " months, median interval "
                + Fmt.num(n[1]) + " days (±" + Fmt.num(n[2]) + ")"
                + (n[3] != 0 ? ", sender and payee share a surname" : "")
                + "; score lowered by " + Fmt.pct(n[4]);
    }

    private static int monthIndex(long epochSecond) {
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(Math.floorDiv(epochSecond, Evaluation.DAY));
        return d.getYear() * 12 + d.getMonthValue();
    }
}
