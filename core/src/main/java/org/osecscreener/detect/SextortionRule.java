package org.osecscreener.detect;

import java.util.ArrayList;
import java.util.List;

import org.osecscreener.profile.TransferRing;
import org.osecscreener.profile.Traits;
import org.osecscreener.rules.SextortionConfig;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;

/**
 * The victim side (FATF 2025; FinCEN FIN-2025-NTC2): a burst of person-to-person payments to a
 * new recipient in a jurisdiction of concern that the customer has no visible link to. Fires on a
 * payment when the sender → cluster relationship began within {@code windowHours} (the customer
 * never paid this recipient before), the recipient is a person in a listed country, the customer
 * is a person who shares no surname or address with the recipient, and at least {@code minPayments}
 * payments of at most {@code maxAmount}, none of them referenced as a purchase, went to that one
 * recipient since (payments to other payees of its cluster do not count: a family pays a household's
 * members at once).
 *
 * <p>Not a detector of the OSEC score: its hit is the only hit of a separate
 * {@code sextortion_victim} alert, whose level is REVIEW from {@code minPayments} payments and ALERT
 * from {@code alertPayments}, and whose score is its sub-score (0.5 at {@code minPayments}, 1 at
 * {@code alertPayments}).
 */
final class SextortionRule {
    private final SextortionConfig c;
    private final boolean[] jurisdiction = new boolean[26 * 26];

    SextortionRule(SextortionConfig c) {
        this.c = c;
        for (String country : c.jurisdictions()) {
            jurisdiction[CompiledRules.code(country)] = true;
        }
    }

    /** The victim-side finding on {@code e}'s transfer, or {@code null}. */
    Finding evaluate(Evaluation e, String base) {
        if (!jurisdiction[CompiledRules.code(e.tx.beneficiary().country())] || e.related || !e.personToPersonAbroad
                || e.base > c.maxAmount()) {
            return null;
        }
        if (c.requireNewCountry() && !e.pair.countryWasNew()) {
            return null; // the customer already paid someone in that country: a visible link to it
        }
        long window = c.windowHours() * 3600L;
        if (e.pair.firstSecond() < e.second - window) {
            return null; // the customer paid this recipient before the window: a prior link
        }
        TransferRing r = e.pair.recent();
        int recipient = Traits.beneficiary16(e.tx.beneficiary().id());
        int n = 0;
        double lo = Double.MAX_VALUE;
        double hi = 0;
        double total = 0;
        List<String> ids = new ArrayList<>(Math.min(r.size(), Hit.MAX_EVIDENCE));
        for (int i = 0; i < r.size(); i++) {
            int t = r.traits(i);
            if (Traits.beneficiary(t) != recipient) {
                continue; // another payee of the cluster (a family pays a household's members at once)
            }
            double a = r.amount(i);
            if (Traits.has(t, Traits.PURCHASE) || a > c.maxAmount()) {
                return null; // a purchase or a large payment to the same recipient: not this pattern
            }
            n++;
            lo = Math.min(lo, a);
            hi = Math.max(hi, a);
            total += a;
            if (ids.size() == Hit.MAX_EVIDENCE) {
                ids.remove(0);
            }
            ids.add(r.id(i));
        }
        if (n < c.minPayments()) {
            return null;
        }
        double s = Detector.ramp(n, c.minPayments(), c.alertPayments());
        Level level = n >= c.alertPayments() ? Level.ALERT : Level.REVIEW;
        int count = n;
        double min = lo;
        double max = hi;
        double sum = total;
        long hours = Math.max(1, (e.second - e.pair.firstSecond() + 3599) / 3600);
        String country = e.tx.beneficiary().country();
        String cluster = e.view.clusterId();
        boolean firstToCountry = e.pair.countryWasNew();
        Hit hit = new Hit(SextortionConfig.TYPE, s, 1.0, false,
                () -> "POSSIBLE SEXTORTION VICTIM: the customer may be the victim, not an offender. " + count
                        + " person-to-person payments (" + Fmt.money(min, base).replace(" " + base, "") + "–" + Fmt.money(max, base)
                        + ", " + Fmt.money(sum, base) + " in all) within " + hours + " hours to a new recipient in " + country
                        + " (cluster " + cluster + ") the customer had never paid and shares no surname or address with"
                        + (firstToCountry ? "; the burst began with the customer's first payment to " + country : "")
                        + ". Handle with care: victims are often teenagers (FATF 2025, FinCEN FIN-2025-NTC2)",
                ids);
        return new Finding(hit, level);
    }

    /** Whether {@code e}'s payment references a purchase (an exclusion list matched). */
    static boolean purchase(Evaluation e) {
        return e.rules.purchase != null && !e.found(e.rules.purchase).isEmpty();
    }

    /**
     * A victim-side finding: the hit and the level of the alert.
     *
     * @param hit   the {@code sextortion_victim} hit
     * @param level REVIEW or ALERT
     */
    record Finding(Hit hit, Level level) {
    }
}
