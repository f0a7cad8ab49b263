package org.osecscreener.tools.backtest;

/**
 * Detection quality and workload of one rule bundle at one alert threshold.
 *
 * <p>A sender is OSEC when any of its transactions is labelled {@code osec}; detected when any of
 * its transactions reached ALERT. A cluster is the beneficiary's payee cluster as the screener
 * resolved it at the end of the run; it is OSEC when it received any labelled OSEC transfer and
 * alerted when any transfer into it reached ALERT. Ratios with an empty denominator are 0.
 *
 * @param alertThreshold        the {@code scoring.alert} the levels were computed with
 * @param transactions          transactions screened
 * @param alerts                transactions at ALERT
 * @param alertCases            distinct (sender, cluster, 7-day period) among them: what alert ids de-duplicate to
 * @param alertsPer10k          alerts per 10,000 transactions (analyst workload)
 * @param osecSenders           senders with at least one OSEC transaction
 * @param legitSenders          the other senders
 * @param detectedOsecSenders   OSEC senders with at least one ALERT
 * @param alertedLegitSenders   legitimate senders with at least one ALERT (false positives)
 * @param senderRecall          detected / OSEC senders
 * @param senderPrecision       detected OSEC / all alerted senders
 * @param legitSenderAlertRate  alerted legitimate / legitimate senders
 * @param osecClusters          clusters that received OSEC transfers
 * @param alertedClusters       clusters with at least one ALERT
 * @param detectedOsecClusters  OSEC clusters with at least one ALERT
 * @param clusterRecall         detected / OSEC clusters
 * @param clusterPrecision      detected OSEC / alerted clusters
 */
public record Metrics(double alertThreshold, long transactions, long alerts, long alertCases, double alertsPer10k,
                      long osecSenders, long legitSenders, long detectedOsecSenders, long alertedLegitSenders,
                      double senderRecall, double senderPrecision, double legitSenderAlertRate,
                      long osecClusters, long alertedClusters, long detectedOsecClusters,
                      double clusterRecall, double clusterPrecision) {

    static double ratio(long a, long b) {
        return b == 0 ? 0 : a / (double) b;
    }
}
