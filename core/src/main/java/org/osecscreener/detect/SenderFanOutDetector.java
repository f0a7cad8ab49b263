package org.osecscreener.detect;

import java.util.List;

import org.osecscreener.model.PartyType;
import org.osecscreener.rules.SenderFanOutConfig;
import org.osecscreener.score.Hit;

/**
 * Indicator 3: K or more distinct payee clusters in source countries paid by the sender within a
 * window. Family mitigation: the share of those clusters whose payee shares the sender's or
 * another payee's surname or address lowers the sub-score by {@code familyMitigation × share}
 * (December gifts to many relatives). BUSINESS senders (payroll) are skipped unless configured.
 */
final class SenderFanOutDetector implements Detector {
    private final SenderFanOutConfig c;

    SenderFanOutDetector(SenderFanOutConfig c) {
        this.c = c;
    }

    @Override
    public String id() {
        return SenderFanOutConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        if (!e.toSourceCountry || (e.tx.sender().type() == PartyType.BUSINESS && !c.applyToBusiness())) {
            return null;
        }
        int fromDay = e.day - c.windowDays() + 1;
        int k = e.sender.clusters().countSince(fromDay);
        if (k < c.minClusters()) {
            return null;
        }
        int related = e.sender.clusters().countRelatedSince(fromDay, e.senderSurname, e.senderMiddle, e.senderAddress);
        if (c.unrelatedOnly()) {
            int unrelated = e.sender.clusters().countUnrelatedSince(fromDay, e.senderSurname, e.senderMiddle, e.senderAddress, 2);
            if (unrelated < c.minClusters()) {
                return null;
            }
            double s = Detector.ramp(unrelated, c.minClusters(), c.saturationClusters());
            int others = k - unrelated;
            return new Hit(id(), s, c.weight(), false,
                    RuleReason.of(id(), 1, SenderFanOutDetector::reasonUnrelated,
                            new double[] {unrelated, c.windowDays(), others}),
                    List.of(e.tx.id()));
        }
        double share = related / (double) k;
        double s = Detector.ramp(k, c.minClusters(), c.saturationClusters()) * (1 - c.familyMitigation() * share);
        if (s <= 0) {
            return null;
        }
        return new Hit(id(), s, c.weight(), false,
                RuleReason.of(id(), 0, SenderFanOutDetector::reasonAll,
                        new double[] {k, c.windowDays(), related, c.familyMitigation() * share}),
                List.of(e.tx.id()));
    }

    /** Form 0. Numbers: clusters, window days, related clusters, the family mitigation applied. */
    static String reasonAll(double[] n, String[] w) {
        int related = (int) n[2];
        return "paid " + (int) n[0] + " distinct payee clusters in source countries in " + (int) n[1] + " days"
                + (related == 0 ? ", none sharing a surname or address with the sender or each other"
                : "; " + related + " share a surname or address (family), mitigated by " + Fmt.pct(n[3]));
    }

    /** Form 1. Numbers: unrelated clusters paid more than once, window days, other clusters. */
    static String reasonUnrelated(double[] n, String[] w) {
        int others = (int) n[2];
        return "paid " + (int) n[0] + " unrelated payee clusters in source countries more than once each in "
                + (int) n[1] + " days, none sharing a family name or address with the sender or each other"
                + (others == 0 ? "" : " (" + others + " other clusters paid once or related: not counted)");
    }
}
