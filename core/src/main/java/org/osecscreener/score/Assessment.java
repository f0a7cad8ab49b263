package org.osecscreener.score;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The screening result of one transaction: score, level, the hits that explain it and the rule
 * bundle version that produced it.
 *
 * @param transactionId the transaction screened
 * @param timestamp     its event time, as given
 * @param senderId      the sender
 * @param beneficiaryId the beneficiary
 * @param clusterId     the beneficiary's payee cluster at the time of screening
 * @param score         the combined score in [0, 1] (see {@link Scorer})
 * @param level         NONE, REVIEW or ALERT
 * @param hits          every rule that fired, positive and mitigating, in rule order
 * @param bundleId      the rule bundle's id
 * @param bundleVersion the rule bundle's version
 * @param alertId       for REVIEW and ALERT, a deterministic id: the same bundle version, sender,
 *                      cluster and alert period always give the same id, so a replay does not
 *                      duplicate alerts; {@code null} for NONE
 * @param suppressedBy  the reason of the suppression that held the level at NONE, or {@code null}
 * @param duplicate     whether the transaction id was already screened within the retention
 *                      window: a duplicate changes no state and has no hits
 * @param kind          what the assessment is about ({@link AssessmentKind})
 * @param clusterAlertId the alert id of the payee cluster's ALERT that this assessment follows from
 *                      (look-back, or a payment to a cluster at ALERT), or {@code null}
 */
public record Assessment(String transactionId, OffsetDateTime timestamp, String senderId, String beneficiaryId,
                         String clusterId, double score, Level level, List<Hit> hits, String bundleId,
                         int bundleVersion, String alertId, String suppressedBy, boolean duplicate,
                         AssessmentKind kind, String clusterAlertId) {
    public Assessment {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        hits = List.copyOf(hits);
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score " + score + " outside [0, 1]");
        }
    }

    /** A {@link AssessmentKind#TRANSACTION} assessment that follows from no cluster alert. */
    public Assessment(String transactionId, OffsetDateTime timestamp, String senderId, String beneficiaryId,
                      String clusterId, double score, Level level, List<Hit> hits, String bundleId,
                      int bundleVersion, String alertId, String suppressedBy, boolean duplicate) {
        this(transactionId, timestamp, senderId, beneficiaryId, clusterId, score, level, hits, bundleId, bundleVersion,
                alertId, suppressedBy, duplicate, AssessmentKind.TRANSACTION, null);
    }

    /** {@code bundleId@version}, as alerts show it. */
    public String bundle() {
        return bundleId + "@" + bundleVersion;
    }
}
