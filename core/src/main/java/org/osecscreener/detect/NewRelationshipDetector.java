package org.osecscreener.detect;

import org.osecscreener.profile.TransferRing;
import org.osecscreener.rules.NewRelationshipConfig;
import org.osecscreener.score.Hit;

/**
 * Indicator 8: a new relationship, quickly repeated. Fires while the sender → cluster relationship
 * is younger than {@code followUpDays}: 0.4 on the first transfer (0.6 if it is also the sender's
 * first transfer to that country), rising to 1 when {@code followUpCount} transfers have followed
 * within {@code followUpDays} of the first.
 */
final class NewRelationshipDetector implements Detector {
    private final NewRelationshipConfig c;

    NewRelationshipDetector(NewRelationshipConfig c) {
        this.c = c;
    }

    @Override
    public String id() {
        return NewRelationshipConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        long first = e.pair.firstSecond();
        if (e.second - first >= c.followUpDays() * Evaluation.DAY) {
            return null;
        }
        TransferRing r = e.pair.recent();
        int from = r.firstIndexFrom(first);
        int n = r.size() - from;
        double start = e.newCountry ? 0.6 : 0.4;
        double s = c.followUpCount() <= 1 ? 1.0
                : Math.min(1.0, start + (1 - start) * (n - 1) / (double) (c.followUpCount() - 1));
        String cluster = e.view.clusterId();
        String country = e.tx.beneficiary().country();
        boolean firstToCountry = e.newCountry;
        return new Hit(id(), s, c.weight(), false,
                RuleReason.of(id(), NewRelationshipDetector::reason,
                        new double[] {n, first, c.followUpDays(), firstToCountry ? 1 : 0}, cluster, country),
                r.idsFrom(from, Hit.MAX_EVIDENCE));
    }

    /** Numbers: transfers, the first one's epoch second, follow-up days, first to the country (1/0); words: cluster, country. */
    static String reason(double[] v, String[] w) {
        int n = (int) v[0];
        String cluster = w[0];
        return (n == 1 ? "first transfer to cluster " + cluster : n + " transfers to cluster " + cluster
                + " since the first on " + Fmt.date((long) v[1]) + ", within " + (int) v[2] + " days")
                + (v[3] != 0 ? "; first transfer to " + w[1] : "");
    }
}
