package org.osecscreener.detect;

import java.util.List;

import org.osecscreener.profile.TransferRing;
import org.osecscreener.profile.Traits;
import org.osecscreener.rules.CoverStoryConfig;
import org.osecscreener.score.Hit;

/**
 * Indicators 5 and 7, repeated: the same kind of cover story ("school fees", "medical bills", ...)
 * in round amounts, again and again, to one person in a source country the sender has no family
 * link with. Fires on a transfer whose reference holds a cover phrase when, within the window, such
 * transfers of at most {@code maxAmount} went to the cluster on at least {@code minCount} distinct
 * local days and at least {@code minRoundShare} of them were round. The sub-score rises with the count (0.5 at
 * {@code minCount}, 1 at {@code saturationCount}). Only a person abroad paying a person in a source
 * country is considered: organisations (schools, hospitals), businesses (payroll) and relatives
 * (shared surname or address) never fire it.
 */
final class CoverStoryDetector implements Detector {
    private final CoverStoryConfig c;
    private final String base;

    CoverStoryDetector(CoverStoryConfig c, String base) {
        this.c = c;
        this.base = base;
    }

    /**
     * How schedule-like the whole relationship is ({@link Stats#schedule} over the local days of all
     * its transfers in the window, cover phrase or not): weekly support that now and then says
     * "school fees" is on a schedule even when its cover-phrase transfers alone are too few to tell.
     */
    private static double relationshipSchedule(TransferRing r, int from) {
        double[] gaps = new double[Math.max(0, r.size() - from)];
        int k = 0;
        long previous = Long.MIN_VALUE;
        for (int i = from; i < r.size(); i++) {
            long day = Stats.localDay(r.second(i), r.traits(i));
            if (day == previous) {
                continue;
            }
            if (previous != Long.MIN_VALUE) {
                gaps[k++] = day - previous;
            }
            previous = day;
        }
        return Stats.schedule(gaps, k);
    }

    @Override
    public String id() {
        return CoverStoryConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        if (!e.toSourceCountry || !e.personToPersonAbroad || e.related || e.base > c.maxAmount()) {
            return null;
        }
        List<String> found = e.found(e.rules.storyCover);
        if (found.isEmpty()) {
            return null;
        }
        TransferRing r = e.pair.recent();
        int from = r.firstIndexFrom(e.second - c.windowDays() * Evaluation.DAY + 1);
        int n = 0;
        int transfers = 0;
        int round = 0;
        long previous = 0;
        long previousDay = 0;
        double[] gaps = new double[Math.max(0, r.size() - from)];
        for (int i = from; i < r.size(); i++) {
            int t = r.traits(i);
            if (!Traits.has(t, Traits.COVER) || r.amount(i) > c.maxAmount()) {
                continue;
            }
            long day = Stats.localDay(r.second(i), t);
            transfers++;
            round += Traits.has(t, Traits.ROUND) ? 1 : 0;
            if (n > 0 && day == previousDay) {
                continue; // one occasion per local day (a round of gifts on one day is one story)
            }
            if (n > 0) {
                gaps[n - 1] = (r.second(i) - previous) / (double) Evaluation.DAY;
            }
            previous = r.second(i);
            previousDay = day;
            n++;
        }
        if (n < c.minCount() || round < c.minRoundShare() * transfers) {
            return null;
        }
        double median = Stats.median(gaps, 0, n - 1);
        if (median > c.maxMedianIntervalDays()) {
            return null;
        }
        double cadence = c.scheduleDiscount() > 0 ? relationshipSchedule(r, from) : 0;
        double s = Detector.ramp(n, c.minCount(), c.saturationCount()) * (1 - c.scheduleDiscount() * cadence);
        int count = n;
        int all = transfers;
        int rounds = round;
        String cluster = e.view.clusterId();
        String phrases = String.join("', '", found);
        return new Hit(id(), s, c.weight(), false,
                RuleReason.of(id(), CoverStoryDetector::reason,
                        new double[] {all, count, c.windowDays(), rounds, c.maxAmount(), median, cadence > 0 ? 1 : 0,
                                c.scheduleDiscount() * cadence}, base, cluster, phrases),
                r.idsFrom(from, Hit.MAX_EVIDENCE, c.maxAmount(), Traits.COVER));
    }

    /**
     * Numbers: cover transfers, occasions, window days, round ones, the rule's largest amount,
     * median interval, schedule (1/0), its discount; words: base currency, cluster, this one's phrases.
     */
    static String reason(double[] n, String[] w) {
        int all = (int) n[0];
        int count = (int) n[1];
        return all + " transfers with cover phrases to cluster " + w[1] + (all == count ? "" : " on " + count + " days")
                + " in " + (int) n[2] + " days ("
                + (int) n[3] + " of them round amounts, up to " + Fmt.money(n[4], w[0]) + ", median interval "
                + Fmt.num(n[5]) + " days); this one: '"
                + w[2] + "'; the payee is a person who shares no surname or address with the sender"
                + (n[6] != 0 ? "; a schedule-like cadence (weekly or monthly), lowered by " + Fmt.pct(n[7]) : "");
    }
}
