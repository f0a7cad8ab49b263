package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code clusterRisk} section: payee clusters as risk entities (typology indicators 2, 11,
 * and what a facilitator's customers do together).
 *
 * <p>Most customers of a facilitator pay only two or three times (AIC 2020: 256 offenders, 2,714
 * payments, 3% of them made half), so no per-sender rule can alert on them without alerting
 * families. The evidence is on the payee side: several names behind one phone or wallet, paid by
 * many unrelated senders from abroad, small sums, late hours, cover words across senders. The
 * cluster gets its own score from facets measured over the senders who paid it within
 * {@code windowDays}; when it reaches ALERT, every sender who paid it within {@code lookBackDays}
 * is alerted at once, and every later payer on its first payment.
 *
 * <p>Only senders who are persons (not businesses), abroad (another country than the payee), with
 * no family link to the payee (no shared surname or address) and not showing the sextortion-victim
 * pattern at ALERT level count as the cluster's senders; the cluster is not scored below {@code minSenders} of
 * them.
 *
 * @param enabled               whether clusters are scored; default {@code true}
 * @param windowDays            days of senders' activity the facets measure, 1..366; default 90
 * @param lookBackDays          senders who paid the cluster within this many days before it
 *                              reached ALERT are alerted then; payers within this many days after
 *                              it was last at ALERT are alerted on payment; 1..366; default 90
 * @param minSenders            unrelated senders in the window before the cluster is scored, 2..64; default 3
 * @param smallAmount           largest base-currency amount that counts as small, {@code > 0}; default 200
 * @param startHour             first late hour, sender's local time, 0..23; default 21
 * @param endHour               first hour after the late period, 0..23, {@code != startHour}; default 5
 * @param coverLists            {@code keywords} lists of cover phrases; default {@code [cover_words]}
 * @param allowList             an {@code idLists} list of clusters or beneficiaries never scored (registered
 *                              charities), or {@code null}
 * @param organisationMitigation share by which the score of a cluster with an organisation among its
 *                              payees is lowered, in [0, 1]; default 0.5
 * @param facets                the facets' weights and ramps
 * @param review                cluster score for REVIEW, in (0, 1), below {@code alert}; default 0.55
 * @param alert                 cluster score for ALERT, in (0, 1); default 0.75
 * @param minPatternsForAlert   pattern facets (not context facets) that must hold for ALERT, 1..5; default 2
 * @param propagationWeight     weight of the {@code cluster_alert} hit on a payer's assessment, in (0, 1]; default 0.8
 * @param minPatternScore       the least combined score of the pattern facets alone (noisy-or of weight ×
 *                              sub-score) for ALERT, in [0, 1): with many senders the context facets
 *                              saturate, so the patterns must weigh something of their own; default 0
 * @param alertRequiresAny      pattern facets (names as in {@code facets}: {@code repeatSenders},
 *                              {@code lateHours}, {@code coverStories}, {@code payeeNames},
 *                              {@code alertedSenders}) of which at least one must hold for ALERT; a
 *                              cluster that reaches the ALERT score without any of them stays at REVIEW.
 *                              Empty (the default): no such requirement
 */
public record ClusterRiskConfig(boolean enabled, int windowDays, int lookBackDays, int minSenders, double smallAmount,
                                int startHour, int endHour, List<String> coverLists, String allowList,
                                double organisationMitigation, Facets facets, double review, double alert,
                                int minPatternsForAlert, double propagationWeight, double minPatternScore,
                                List<String> alertRequiresAny) {
    /** Rule id of the hit a payer of a cluster at ALERT gets. */
    public static final String HIT = "cluster_alert";
    /** Most senders a cluster remembers for look-back (the least recently active is forgotten). */
    public static final int MAX_SENDERS = org.osecscreener.profile.ClusterRisk.MAX_SENDERS;

    /** The section's defaults, for a bundle that has none. */
    public static final ClusterRiskConfig DISABLED = new ClusterRiskConfig(false, 90, 90, 3, 200, 21, 5,
            List.of(), null, 0.5, Facets.DEFAULT, 0.55, 0.75, 2, 0.8, 0, List.of());

    /** The pattern facets, by the names {@code alertRequiresAny} accepts, in the order they are scored. */
    public static final List<String> PATTERN_FACETS = List.of("repeatSenders", "lateHours", "coverStories", "payeeNames",
            "alertedSenders");

    /** @throws IllegalArgumentException if a parameter is outside its documented range */
    public ClusterRiskConfig {
        Check.window("clusterRisk.windowDays", windowDays);
        Check.window("clusterRisk.lookBackDays", lookBackDays);
        Check.range("clusterRisk.minSenders", minSenders, 2, 64);
        Check.positive("clusterRisk.smallAmount", smallAmount);
        Hours.check("clusterRisk", startHour, endHour);
        coverLists = Check.list("clusterRisk.coverLists", coverLists);
        Check.share("clusterRisk.organisationMitigation", organisationMitigation);
        java.util.Objects.requireNonNull(facets, "clusterRisk.facets");
        if (!(review > 0 && review < 1)) {
            throw new IllegalArgumentException("clusterRisk.review was " + review + "; accepted: (0, 1)");
        }
        if (!(alert > 0 && alert < 1)) {
            throw new IllegalArgumentException("clusterRisk.alert was " + alert + "; accepted: (0, 1)");
        }
        if (review >= alert) {
            throw new IllegalArgumentException("clusterRisk.review (" + review + ") must be below clusterRisk.alert (" + alert + ")");
        }
        Check.range("clusterRisk.minPatternsForAlert", minPatternsForAlert, 1, 5);
        Check.weight("clusterRisk.propagationWeight", propagationWeight);
        if (!(minPatternScore >= 0 && minPatternScore < 1)) {
            throw new IllegalArgumentException("clusterRisk.minPatternScore was " + minPatternScore + "; accepted: [0, 1)");
        }
        alertRequiresAny = alertRequiresAny == null ? List.of() : List.copyOf(alertRequiresAny);
        for (String name : alertRequiresAny) {
            if (!PATTERN_FACETS.contains(name)) {
                throw new IllegalArgumentException("clusterRisk.alertRequiresAny names '" + name
                        + "', which is not a pattern facet; accepted: " + String.join(", ", PATTERN_FACETS));
            }
        }
    }

    /** Whether ALERT needs the named pattern facet (or another of {@code alertRequiresAny}) to hold. */
    public boolean alertRequires(String facet) {
        return alertRequiresAny.contains(facet);
    }

    @JsonCreator
    static ClusterRiskConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                      @JsonProperty("windowDays") Integer windowDays,
                                      @JsonProperty("lookBackDays") Integer lookBackDays,
                                      @JsonProperty("minSenders") Integer minSenders,
                                      @JsonProperty("smallAmount") Double smallAmount,
                                      @JsonProperty("startHour") Integer startHour,
                                      @JsonProperty("endHour") Integer endHour,
                                      @JsonProperty("coverLists") List<String> coverLists,
                                      @JsonProperty("allowList") String allowList,
                                      @JsonProperty("organisationMitigation") Double organisationMitigation,
                                      @JsonProperty("facets") Facets facets,
                                      @JsonProperty("review") Double review,
                                      @JsonProperty("alert") Double alert,
                                      @JsonProperty("minPatternsForAlert") Integer minPatternsForAlert,
                                      @JsonProperty("propagationWeight") Double propagationWeight,
                                      @JsonProperty("minPatternScore") Double minPatternScore,
                                      @JsonProperty("alertRequiresAny") List<String> alertRequiresAny) {
        ClusterRiskConfig d = DISABLED;
        return new ClusterRiskConfig(enabled == null || enabled,
                windowDays == null ? d.windowDays : windowDays,
                lookBackDays == null ? d.lookBackDays : lookBackDays,
                minSenders == null ? d.minSenders : minSenders,
                smallAmount == null ? d.smallAmount : smallAmount,
                startHour == null ? d.startHour : startHour,
                endHour == null ? d.endHour : endHour,
                coverLists == null ? List.of("cover_words") : coverLists,
                allowList,
                organisationMitigation == null ? d.organisationMitigation : organisationMitigation,
                facets == null ? Facets.DEFAULT : facets,
                review == null ? d.review : review,
                alert == null ? d.alert : alert,
                minPatternsForAlert == null ? d.minPatternsForAlert : minPatternsForAlert,
                propagationWeight == null ? d.propagationWeight : propagationWeight,
                minPatternScore == null ? d.minPatternScore : minPatternScore,
                alertRequiresAny == null ? d.alertRequiresAny : alertRequiresAny);
    }

    /** Whether a local hour of day lies in the late period. */
    public boolean isLate(int hour) {
        return Hours.in(hour, startHour, endHour);
    }

    /** Days of history the cluster profiles need. */
    public int stateDays() {
        return enabled ? Math.max(windowDays, lookBackDays) : 0;
    }

    /**
     * One facet: its weight in the cluster score and the ramp of its measure (0.5 at {@code min},
     * 1 at {@code saturation}; below {@code min} the facet does not hold).
     *
     * @param weight     weight in [0, 1]; 0 switches the facet off
     * @param min        the measure at which the facet holds, {@code >= 0} (a count, or a share in [0, 1])
     * @param saturation the measure at which its sub-score reaches 1, {@code >= min}
     */
    public record Facet(double weight, double min, double saturation) {
        /** @throws IllegalArgumentException if a value is out of range */
        public Facet {
            Check.share("clusterRisk.facets.weight", weight);
            if (!(min >= 0) || Double.isInfinite(min)) {
                throw new IllegalArgumentException("clusterRisk.facets.min was " + min + "; accepted: a finite number >= 0");
            }
            if (!(saturation >= min) || Double.isInfinite(saturation)) {
                throw new IllegalArgumentException("clusterRisk.facets.saturation was " + saturation
                        + "; it must be a finite number at least min (" + min + ")");
            }
        }

        @JsonCreator
        static Facet fromJson(@JsonProperty(value = "weight", required = true) Double weight,
                              @JsonProperty(value = "min", required = true) Double min,
                              @JsonProperty(value = "saturation", required = true) Double saturation) {
            return new Facet(weight, min, saturation);
        }
    }

    /**
     * The facets. Context facets (senders, countries, smallAmounts, roundAmounts, newSenders) add to
     * the score but cannot lift a cluster to REVIEW alone: REVIEW needs one pattern facet
     * (repeatSenders, lateHours, coverStories, payeeNames, alertedSenders), ALERT
     * {@code minPatternsForAlert} of them.
     *
     * @param senders        count of unrelated senders in the window
     * @param countries      count of their distinct countries
     * @param smallAmounts   share of their transfers at or below {@code smallAmount}
     * @param roundAmounts   share of their transfers in round amounts
     * @param newSenders     count of them whose first transfer to the cluster was in the last 30 days
     * @param repeatSenders  share of them who paid the cluster more than once
     * @param lateHours      share of their transfers in the late period of their local time
     * @param coverStories   share of them who used a cover phrase
     * @param payeeNames     count of distinct payee surnames paid in the cluster (names behind shared identifiers)
     * @param alertedSenders count of senders who reached ALERT on their own on the cluster
     */
    public record Facets(Facet senders, Facet countries, Facet smallAmounts, Facet roundAmounts, Facet newSenders,
                         Facet repeatSenders, Facet lateHours, Facet coverStories, Facet payeeNames,
                         Facet alertedSenders) {
        /** The defaults. */
        public static final Facets DEFAULT = new Facets(new Facet(0.3, 3, 12), new Facet(0.1, 2, 5),
                new Facet(0.15, 0.6, 0.9), new Facet(0.1, 0.5, 0.9), new Facet(0.15, 3, 8),
                new Facet(0.35, 0.4, 0.8), new Facet(0.35, 0.25, 0.6), new Facet(0.3, 0.25, 0.6),
                new Facet(0.45, 2, 4), new Facet(0.5, 1, 3));

        /** @throws NullPointerException if a facet is missing */
        public Facets {
            for (Facet f : new Facet[] {senders, countries, smallAmounts, roundAmounts, newSenders, repeatSenders,
                    lateHours, coverStories, payeeNames, alertedSenders}) {
                java.util.Objects.requireNonNull(f, "clusterRisk.facets: every facet is required");
            }
        }

        @JsonCreator
        static Facets fromJson(@JsonProperty("senders") Facet senders, @JsonProperty("countries") Facet countries,
                               @JsonProperty("smallAmounts") Facet smallAmounts,
                               @JsonProperty("roundAmounts") Facet roundAmounts,
                               @JsonProperty("newSenders") Facet newSenders,
                               @JsonProperty("repeatSenders") Facet repeatSenders,
                               @JsonProperty("lateHours") Facet lateHours,
                               @JsonProperty("coverStories") Facet coverStories,
                               @JsonProperty("payeeNames") Facet payeeNames,
                               @JsonProperty("alertedSenders") Facet alertedSenders) {
            Facets d = DEFAULT;
            return new Facets(senders == null ? d.senders : senders, countries == null ? d.countries : countries,
                    smallAmounts == null ? d.smallAmounts : smallAmounts,
                    roundAmounts == null ? d.roundAmounts : roundAmounts,
                    newSenders == null ? d.newSenders : newSenders,
                    repeatSenders == null ? d.repeatSenders : repeatSenders,
                    lateHours == null ? d.lateHours : lateHours,
                    coverStories == null ? d.coverStories : coverStories,
                    payeeNames == null ? d.payeeNames : payeeNames,
                    alertedSenders == null ? d.alertedSenders : alertedSenders);
        }
    }
}
