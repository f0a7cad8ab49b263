package org.osecscreener.detect;

import org.osecscreener.profile.ClusterRisk;
import org.osecscreener.profile.QueueItem;

/**
 * The final step's state, as the shell that owns it stores it (maps in the embedded Screener, map
 * state in the Flink job's final stage): the payee clusters' risk profiles and the analyst queue's
 * open items. Called by one thread at a time.
 *
 * <p>Values handed out may be changed by the final step and are then put back; a store that copies
 * values must copy on {@link #putRisk}.
 */
public interface FinalStore {
    /** The risk profile of {@code clusterId}, or {@code null}. */
    ClusterRisk risk(String clusterId);

    /** Stores (or re-stores, after changing it) the risk profile of {@code clusterId}. */
    void putRisk(String clusterId, ClusterRisk risk);

    /** Forgets the risk profile of {@code clusterId} (merged into another). */
    void removeRisk(String clusterId);

    /** The open item under {@code key}, or {@code null}. */
    QueueItem item(String key);

    /** Stores the item under {@code key}. */
    void putItem(String key, QueueItem item);

    /** Forgets the item under {@code key}. */
    void removeItem(String key);
}
