package org.osecscreener.score;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A payee cluster's own assessment: written when the cluster reaches REVIEW or ALERT (or rises
 * from one to the other, or opens a new queue item while still at that level), with the facets
 * that explain its score. When it reaches ALERT, the senders alerted by look-back are named.
 *
 * @param alertId          the cluster's queue item id (deterministic: bundle id, cluster, day opened)
 * @param clusterId        the payee cluster
 * @param transactionId    the transfer whose screening raised the cluster to this level
 * @param timestamp        its event time, with its original offset
 * @param score            the cluster score in [0, 1]
 * @param level            REVIEW or ALERT
 * @param hits             the facets that hold, each with its measure in words and evidence ids
 * @param bundleId         the rule bundle's id
 * @param bundleVersion    the rule bundle's version
 * @param senders          the cluster's unrelated senders in the window (at most 64)
 * @param lookBack         senders alerted by look-back at this assessment
 * @param relatedSenders   senders of the cluster with a family link to its payees (never alerted through it)
 * @param victimSenders    senders of the cluster showing the sextortion-victim pattern (never alerted as offenders through it)
 * @param beneficiaries    payees of the cluster paid in the window (at most 16 remembered)
 */
public record ClusterAssessment(String alertId, String clusterId, String transactionId, OffsetDateTime timestamp,
                                double score, Level level, List<Hit> hits, String bundleId, int bundleVersion,
                                List<String> senders, List<String> lookBack, int relatedSenders, int victimSenders,
                                int beneficiaries) {
    /** @throws NullPointerException if a required component is {@code null} */
    public ClusterAssessment {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(level, "level");
        hits = List.copyOf(hits);
        senders = List.copyOf(senders);
        lookBack = List.copyOf(lookBack);
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score " + score + " outside [0, 1]");
        }
    }

    /** {@code bundleId@version}. */
    public String bundle() {
        return bundleId + "@" + bundleVersion;
    }
}
