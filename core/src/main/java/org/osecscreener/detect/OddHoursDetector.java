package org.osecscreener.detect;

import org.osecscreener.profile.TransferRing;
import org.osecscreener.rules.OddHoursConfig;
import org.osecscreener.score.Hit;

/**
 * Indicator 6: repeated transfers in the night hours of the sender's local time (read from the
 * timestamp's offset), counted over a window. Fires on a night transfer when the sender made at
 * least {@code minCount} of them in the window: 0.5 there, 1 at twice that.
 */
final class OddHoursDetector implements Detector {
    private final OddHoursConfig c;

    OddHoursDetector(OddHoursConfig c) {
        this.c = c;
    }

    @Override
    public String id() {
        return OddHoursConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        if (!e.night) {
            return null;
        }
        TransferRing r = e.sender.night();
        int from = r.firstIndexFrom(e.second - c.windowDays() * Evaluation.DAY + 1);
        int n = r.size() - from;
        if (n < c.minCount()) {
            return null;
        }
        double s = Detector.ramp(n, c.minCount(), 2.0 * c.minCount());
        return new Hit(id(), s, c.weight(), false,
                RuleReason.of(id(), OddHoursDetector::reason, new double[] {n, c.startHour(), c.endHour(), c.windowDays()}),
                r.idsFrom(from, org.osecscreener.score.Hit.MAX_EVIDENCE));
    }

    /** Numbers: night transfers, start and end hour, window days. */
    static String reason(double[] n, String[] w) {
        return (int) n[0] + " transfers between " + Fmt.hour((int) n[1]) + " and "
                + Fmt.hour((int) n[2]) + " sender local time in " + (int) n[3] + " days";
    }
}
