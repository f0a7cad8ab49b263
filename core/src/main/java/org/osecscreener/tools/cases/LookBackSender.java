package org.osecscreener.tools.cases;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.osecscreener.score.Level;

/**
 * A sender alerted by look-back: when the payee cluster reached ALERT, this sender had paid it
 * within the look-back horizon and was alerted for those earlier transfers
 * ({@code docs/rules.md#clusterrisk-payee-clusters-as-risk-entities}).
 *
 * @param senderId       the sender
 * @param alertId        the look-back alert's id (the sender's queue item), or {@code null} if the line had none
 * @param clusterAlertId the payee cluster's alert it follows from, or {@code null} if the line named none
 * @param raisedAt       when the look-back was raised: the time of the cluster assessment that named the
 *                       sender (else of the cluster alert; else the sender's latest transfer to the cluster)
 * @param latestTransfer the sender's latest transfer to the cluster (the look-back alert's transaction)
 * @param level          the look-back alert's level
 * @param score          its score
 * @param evidence       the sender's transfers to the cluster that the alert cites, oldest first
 * @param reason         the reason of its {@code cluster_alert} hit, or empty
 */
public record LookBackSender(String senderId, String alertId, String clusterAlertId, OffsetDateTime raisedAt,
                             String latestTransfer, Level level, double score, List<String> evidence, String reason) {
    /** @throws NullPointerException if a required component is {@code null} */
    public LookBackSender {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(latestTransfer, "latestTransfer");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
        evidence = List.copyOf(evidence);
    }
}
