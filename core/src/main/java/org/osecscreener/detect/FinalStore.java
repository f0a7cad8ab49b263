package org.osecscreener.detect;

import java.util.Map;

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

    /**
     * A store over two maps owned by the caller (hash maps, or a bounded cache's map view): the
     * values are kept as they are, not copied.
     */
    static FinalStore of(Map<String, ClusterRisk> risks, Map<String, QueueItem> items) {
        return new FinalStore() {
            @Override
            public ClusterRisk risk(String clusterId) {
                return risks.get(clusterId);
            }

            @Override
            public void putRisk(String clusterId, ClusterRisk risk) {
                risks.put(clusterId, risk);
            }

            @Override
            public void removeRisk(String clusterId) {
                risks.remove(clusterId);
            }

            @Override
            public QueueItem item(String key) {
                return items.get(key);
            }

            @Override
            public void putItem(String key, QueueItem item) {
                items.put(key, item);
            }

            @Override
            public void removeItem(String key) {
                items.remove(key);
            }
        };
    }
}
