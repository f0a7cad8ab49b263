package org.osecscreener.detect;

import java.util.ArrayList;
import java.util.List;

import org.osecscreener.profile.ClusterRisk;
import org.osecscreener.rules.ClusterRiskConfig;
import org.osecscreener.rules.ClusterRiskConfig.Facet;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;

/**
 * Scores a payee cluster from its {@link ClusterRisk}: the facets of {@code clusterRisk}, measured
 * over the cluster's unrelated senders whose latest transfer lies in the window, combined like the
 * transaction score (noisy-or of weight × sub-score, each sub-score 0.5 at the facet's {@code min}
 * and 1 at its {@code saturation}), lowered for an organisation among the payees.
 *
 * <p>Context facets (senders, countries, small and round amounts, new senders) never lift a cluster
 * to a level on their own: REVIEW needs a pattern facet (senders who came back, late hours, cover
 * phrases across senders, several payee surnames behind shared identifiers, senders who reached
 * ALERT on their own), ALERT {@code minPatternsForAlert} of them whose own combined score reaches
 * {@code minPatternScore}, and, when {@code alertRequiresAny} names facets, one of those among them.
 * Immutable and thread-safe.
 */
final class ClusterScorer {
    static final long DAY = Evaluation.DAY;
    /** Days within which a sender's first transfer makes it a new sender. */
    static final int NEW_SENDER_DAYS = 30;

    private final ClusterRiskConfig c;
    private final String base;

    ClusterScorer(ClusterRiskConfig c, String base) {
        this.c = c;
        this.base = base;
    }

    ClusterRiskConfig config() {
        return c;
    }

    /** Whether a remembered sender counts among the cluster's senders at {@code second}. */
    boolean counts(ClusterRisk.Sender s, long second) {
        return s.has(ClusterRisk.PERSON) && s.has(ClusterRisk.FOREIGN) && !s.has(ClusterRisk.RELATED)
                && !s.has(ClusterRisk.VICTIM) && s.lastSecond() > second - c.windowDays() * DAY;
    }

    /** Whether a remembered sender may be alerted through the cluster (look-back or forward). */
    static boolean alertable(ClusterRisk.Sender s) {
        return s.has(ClusterRisk.PERSON) && s.has(ClusterRisk.FOREIGN) && !s.has(ClusterRisk.RELATED)
                && !s.has(ClusterRisk.VICTIM);
    }

    Score score(ClusterRisk r, long second) {
        long from = second - c.windowDays() * DAY;
        int u = 0;
        int transfers = 0;
        int small = 0;
        int round = 0;
        int late = 0;
        int repeat = 0;
        int cover = 0;
        int fresh = 0;
        int alerted = 0;
        int related = 0;
        int victims = 0;
        // distinct sender countries, counted without a set: a cluster's senders come from few countries
        String[] countries = new String[4];
        int distinct = 0;
        List<String> senders = new ArrayList<>();
        List<ClusterRisk.Sender> recent = new ArrayList<>();
        for (ClusterRisk.Sender s : r.senders()) {
            if (s.lastSecond() <= from) {
                continue;
            }
            if (s.alertedSecond() > from) {
                alerted++;
            }
            if (s.has(ClusterRisk.RELATED)) {
                related++;
                continue;
            }
            if (s.has(ClusterRisk.VICTIM)) {
                victims++;
                continue;
            }
            if (!counts(s, second)) {
                continue;
            }
            u++;
            senders.add(s.id());
            distinct = addDistinct(countries, distinct, s.country());
            countries = distinct == countries.length ? java.util.Arrays.copyOf(countries, distinct * 2) : countries;
            transfers += s.count();
            small += s.small();
            round += s.round();
            late += s.late();
            repeat += s.count() >= 2 ? 1 : 0;
            cover += s.cover() > 0 ? 1 : 0;
            fresh += s.firstSecond() > second - NEW_SENDER_DAYS * DAY ? 1 : 0;
            recent.add(s);
        }
        if (u < c.minSenders()) {
            return new Score(0, Level.NONE, List.of(), senders, related, victims, 0);
        }
        // the newest ids, immutable once: each facet's hit then shares this list instead of copying it
        // (the senders' latest ids, decoded only for the newest kept: profiles keep ids packed)
        String[] newest = new String[Math.min(recent.size(), Hit.MAX_EVIDENCE)];
        for (int i = 0; i < newest.length; i++) {
            newest[i] = recent.get(recent.size() - newest.length + i).lastTransactionId();
        }
        List<String> evidence = List.of(newest);
        ClusterRiskConfig.Facets f = c.facets();
        List<Hit> hits = new ArrayList<>();
        double notPositive = 1;
        int patterns = 0;
        int names = r.payees() >= 2 ? r.distinctPayeeSurnames() : Math.min(1, r.distinctPayeeSurnames());
        double smallShare = small / (double) transfers;
        double roundShare = round / (double) transfers;
        double lateShare = late / (double) transfers;
        double repeatShare = repeat / (double) u;
        double coverShare = cover / (double) u;
        int n = u;
        int k = distinct;
        int nf = fresh;
        int nc = cover;
        int na = alerted;
        int np = r.payees();
        int t = transfers;
        int rp = repeat;
        notPositive *= facet(hits, "cluster_senders", f.senders(), u, false, evidence,
                () -> n + " unrelated senders (persons abroad with no shared surname or address) paid the cluster in "
                        + c.windowDays() + " days");
        notPositive *= facet(hits, "cluster_countries", f.countries(), k, false, evidence,
                () -> "the senders are in " + k + " countries");
        notPositive *= facet(hits, "cluster_small_amounts", f.smallAmounts(), smallShare, false, evidence,
                () -> Fmt.pct(smallShare) + " of their " + t + " transfers were small (up to " + Fmt.money(c.smallAmount(), base) + ")");
        notPositive *= facet(hits, "cluster_round_amounts", f.roundAmounts(), roundShare, false, evidence,
                () -> Fmt.pct(roundShare) + " of their transfers were round amounts");
        notPositive *= facet(hits, "cluster_new_senders", f.newSenders(), fresh, false, evidence,
                () -> nf + " of the senders paid the cluster for the first time in the last " + NEW_SENDER_DAYS + " days");
        double context = notPositive;
        double before = notPositive;
        boolean required = c.alertRequiresAny().isEmpty();
        notPositive *= facet(hits, "cluster_repeat_senders", f.repeatSenders(), repeatShare, true, evidence,
                () -> rp + " of " + n + " senders paid the cluster more than once");
        patterns += notPositive < before ? 1 : 0;
        required |= notPositive < before && c.alertRequires("repeatSenders");
        before = notPositive;
        notPositive *= facet(hits, "cluster_late_hours", f.lateHours(), lateShare, true, evidence,
                () -> Fmt.pct(lateShare) + " of the transfers were sent between " + Fmt.hour(c.startHour()) + " and "
                        + Fmt.hour(c.endHour()) + " in the sender's local time");
        patterns += notPositive < before ? 1 : 0;
        required |= notPositive < before && c.alertRequires("lateHours");
        before = notPositive;
        notPositive *= facet(hits, "cluster_cover_stories", f.coverStories(), coverShare, true, evidence,
                () -> nc + " of " + n + " senders (" + Fmt.pct(coverShare) + ") used cover phrases in their references");
        patterns += notPositive < before ? 1 : 0;
        required |= notPositive < before && c.alertRequires("coverStories");
        before = notPositive;
        notPositive *= facet(hits, "cluster_payee_names", f.payeeNames(), names, true, evidence,
                () -> names + " payee surnames behind shared identifiers (" + np + " payees linked by phone, wallet, address or pick-up point)");
        patterns += notPositive < before ? 1 : 0;
        required |= notPositive < before && c.alertRequires("payeeNames");
        before = notPositive;
        notPositive *= facet(hits, "cluster_alerted_senders", f.alertedSenders(), alerted, true, evidence,
                () -> na + " of the cluster's senders reached ALERT on their own");
        patterns += notPositive < before ? 1 : 0;
        required |= notPositive < before && c.alertRequires("alertedSenders");
        double patternScore = 1 - notPositive / context; // the pattern facets' own noisy-or
        double score = 1 - notPositive;
        if (r.organisation() && c.organisationMitigation() > 0) {
            score *= 1 - c.organisationMitigation();
            double m = c.organisationMitigation();
            hits.add(new Hit("cluster_organisation", 1.0, m, true,
                    () -> "an organisation is among the payees; score lowered by " + Fmt.pct(m), List.of()));
        }
        Level level = Level.NONE;
        if (score >= c.alert() && patterns >= c.minPatternsForAlert() && patternScore >= c.minPatternScore() && required) {
            level = Level.ALERT;
        } else if (score >= c.review() && patterns >= 1) {
            level = Level.REVIEW;
        }
        return new Score(score, level, hits, senders, related, victims, patterns);
    }

    /** Adds {@code country} to {@code seen[0, n)} unless it is there; returns the new count. */
    private static int addDistinct(String[] seen, int n, String country) {
        for (int i = 0; i < n; i++) {
            if (seen[i].equals(country)) {
                return n;
            }
        }
        seen[n] = country;
        return n + 1;
    }

    /** Adds the facet's hit when it holds; returns its factor (1 − contribution) for the noisy-or. */
    private static double facet(List<Hit> hits, String id, Facet f, double value, boolean pattern, List<String> evidence,
                                Hit.Reason why) {
        if (f.weight() <= 0) {
            return 1;
        }
        double s = Detector.ramp(value, f.min(), f.saturation());
        if (s <= 0) {
            return 1;
        }
        hits.add(new Hit(id, s, f.weight(), false, why, pattern ? evidence : List.of()));
        return 1 - f.weight() * s;
    }

    /**
     * A cluster's score.
     *
     * @param score    in [0, 1]
     * @param level    NONE, REVIEW or ALERT
     * @param hits     the facets that hold
     * @param senders  the unrelated senders in the window
     * @param related  senders with a family link (not counted)
     * @param victims  senders showing the sextortion-victim pattern (not counted)
     * @param patterns pattern facets that hold
     */
    record Score(double score, Level level, List<Hit> hits, List<String> senders, int related, int victims,
                 int patterns) {
    }
}
