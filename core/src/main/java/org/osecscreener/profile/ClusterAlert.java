package org.osecscreener.profile;

import java.util.Objects;

/**
 * The latest ALERT on a payee cluster, as the final step needs it for network propagation.
 *
 * @param epochSecond event time of the alerting transfer
 * @param senderId    its sender
 * @param txId        its transaction
 */
public record ClusterAlert(long epochSecond, String senderId, String txId) {
    public ClusterAlert {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(txId, "txId");
    }

    /** The later of two alerts (either may be {@code null}). */
    public static ClusterAlert latest(ClusterAlert a, ClusterAlert b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.epochSecond > a.epochSecond ? b : a;
    }
}
