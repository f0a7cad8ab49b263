package org.osecscreener.tools.backtest;

import java.util.List;

/**
 * Everything a backtest found, as written to {@code summary.json} and rendered in {@code report.html}.
 * Definitions: {@code docs/backtest.md}.
 *
 * @param input          the labelled input
 * @param bundle         {@code id@version} of the bundle under test (A)
 * @param rejected       input lines rejected by the reader or unscreenable
 * @param seconds        wall time of the run
 * @param metrics        metrics at the bundle's own thresholds
 * @param sweep          the same metrics over a grid of alert thresholds (review and alert moved together,
 *                       review kept below alert); alerts never increase along the grid
 * @param rules          per-rule hit counts, precision and marginal contribution
 * @param marginalMethod how marginal contribution was measured
 * @param scenarios      per-scenario sender counts and share alerted (recall for OSEC scenarios,
 *                       false-positive rate for legitimate ones)
 * @param firstAlert     transfers before the first alert of each detected OSEC sender
 * @param alertsPerDay   ALERT transactions per UTC day of event time
 * @param osecScores     histogram of OSEC senders' highest score
 * @param legitScores    histogram of legitimate senders' highest score
 * @param comparison     bundle B against A, or {@code null}
 * @param outcomes       the analyst queue, REVIEW levels, look-back and sextortion-victim figures at the
 *                       bundle's own thresholds
 */
public record BacktestReport(String input, String bundle, long rejected, double seconds, Metrics metrics,
                             List<Metrics> sweep, List<RuleStats> rules, String marginalMethod,
                             List<ScenarioStats> scenarios, FirstAlert firstAlert, List<DayCount> alertsPerDay,
                             Histogram osecScores, Histogram legitScores, Comparison comparison, Outcomes outcomes) {

    /**
     * What the analysts' queue gets, by sender class: OSEC senders (any OSEC-labelled transfer),
     * possible sextortion victims (a scenario named {@code sextortion...}, not OSEC) and legitimate
     * senders (the rest). "At ALERT" counts OSEC alerts of any kind (a transaction, or look-back from
     * a payee cluster's ALERT); "at REVIEW or above" counts every sender-side alert, victim alerts
     * included.
     *
     * @param queueItems              distinct alert ids at REVIEW or ALERT over every output (queue items)
     * @param queueItemsPer10k        per 10,000 transactions
     * @param osecSenders             OSEC senders
     * @param osecAtAlert             of those, with an OSEC ALERT of any kind
     * @param osecRecall              osecAtAlert / osecSenders
     * @param osecAtReview            OSEC senders at REVIEW or above
     * @param osecReviewShare         osecAtReview / osecSenders
     * @param legitSenders            legitimate senders
     * @param legitAtAlert            of those, with an OSEC ALERT
     * @param legitAlertShare         legitAtAlert / legitSenders
     * @param legitAtReview           legitimate senders at REVIEW or above (any alert kind)
     * @param legitReviewShare        legitAtReview / legitSenders
     * @param victims                 possible sextortion victims (labelled)
     * @param victimsAtReview         of those, at REVIEW or above (any kind)
     * @param victimReviewShare       victimsAtReview / victims
     * @param victimsWithVictimAlert  victims with a sextortion-victim alert
     * @param victimsAtOsecAlert      victims with an OSEC ALERT (treated as offenders: should be 0)
     * @param offendersWithVictimAlert OSEC senders with a sextortion-victim alert
     * @param clusterAssessments      payee-cluster assessments written
     * @param clusterAlerts           of those, at ALERT
     * @param lookBackAlerts          look-back assessments written
     * @param lookBackSenders         senders with a look-back ALERT
     * @param victimAlerts            sextortion-victim assessments written
     * @param firstAlert              transfers before the transaction the first OSEC ALERT names (for a
     *                                look-back, the sender's latest transfer to the cluster)
     * @param firstAlertRaised        transfers the sender had made when its first OSEC ALERT was raised
     */
    public record Outcomes(long queueItems, double queueItemsPer10k, long osecSenders, long osecAtAlert,
                           double osecRecall, long osecAtReview, double osecReviewShare, long legitSenders,
                           long legitAtAlert, double legitAlertShare, long legitAtReview, double legitReviewShare,
                           long victims, long victimsAtReview, double victimReviewShare, long victimsWithVictimAlert,
                           long victimsAtOsecAlert, long offendersWithVictimAlert, long clusterAssessments,
                           long clusterAlerts, long lookBackAlerts, long lookBackSenders, long victimAlerts,
                           FirstAlert firstAlert, FirstAlert firstAlertRaised) {
    }

    /**
     * One rule's contribution.
     *
     * @param rule                   detector type
     * @param hits                   transactions on which it fired (positive or mitigating)
     * @param osecHits               of those, labelled OSEC
     * @param precision              osecHits / hits
     * @param alertHits              ALERT transactions it fired on
     * @param osecSendersLost        detected OSEC senders no longer detected with the rule disabled (marginal recall)
     * @param legitSendersSpared     alerted legitimate senders no longer alerted with the rule disabled
     * @param alertsWithout          alerts with the rule disabled (compare {@link Metrics#alerts()})
     * @param senderRecallWithout    sender recall with the rule disabled
     */
    public record RuleStats(String rule, long hits, long osecHits, double precision, long alertHits, long osecSendersLost,
                            long legitSendersSpared, long alertsWithout, double senderRecallWithout) {
    }

    /**
     * @param scenario    scenario name from the labels
     * @param osec        whether it is an OSEC scenario
     * @param senders     senders in it
     * @param alerted     of those, with at least one OSEC ALERT (transaction or look-back)
     * @param share       alerted / senders
     * @param reviewed    of those, at REVIEW or above (any alert kind, victim alerts included)
     * @param reviewShare reviewed / senders
     * @param victimAlerted of those, with a sextortion-victim alert
     */
    public record ScenarioStats(String scenario, boolean osec, long senders, long alerted, double share, long reviewed,
                                double reviewShare, long victimAlerted) {
    }

    /**
     * @param detected  detected OSEC senders
     * @param mean      mean transfers before the first alert
     * @param median    median
     * @param p90       90th percentile
     * @param histogram counts per bucket: 0, 1, 2, 3-5, 6-10, 11-20, 21+ transfers before the first alert
     */
    public record FirstAlert(long detected, double mean, double median, double p90, List<Long> histogram) {
        /** The bucket labels of {@link #histogram()}. */
        public static final List<String> BUCKETS = List.of("0", "1", "2", "3-5", "6-10", "11-20", "21+");
    }

    /**
     * @param day    ISO date (UTC)
     * @param alerts ALERT transactions that day
     */
    public record DayCount(String day, long alerts) {
    }

    /**
     * Counts per score bin of width {@code 1 / counts.size()}, from 0.
     *
     * @param counts senders per bin
     */
    public record Histogram(List<Long> counts) {
    }

    /**
     * Bundle B against bundle A (both screened the same input).
     *
     * @param bundle              {@code id@version} of B
     * @param metrics             B's metrics at its own thresholds
     * @param alertsOnlyInA       transactions at ALERT under A but not B
     * @param alertsOnlyInB       transactions at ALERT under B but not A
     * @param sendersOnlyInA      senders alerted under A only
     * @param sendersOnlyInB      senders alerted under B only
     * @param exampleSendersOnlyInA up to 20 such sender ids
     * @param exampleSendersOnlyInB up to 20 such sender ids
     */
    public record Comparison(String bundle, Metrics metrics, long alertsOnlyInA, long alertsOnlyInB, long sendersOnlyInA,
                             long sendersOnlyInB, List<String> exampleSendersOnlyInA, List<String> exampleSendersOnlyInB) {
    }
}
