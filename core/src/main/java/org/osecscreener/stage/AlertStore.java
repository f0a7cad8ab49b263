package org.osecscreener.stage;

import org.osecscreener.detect.FinalStore;
import org.osecscreener.profile.ClusterAlert;

/**
 * The final step's state, as the shell that owns it stores it: per payee cluster its risk profile
 * and its latest ALERT, and the analyst queue's open items ({@link FinalStore}). The embedded
 * {@code Screener} keeps a cluster's risk and alert in the cluster's table entry, the job's final
 * stage in map state. Cluster alerts live here, with the final step that makes them, in both
 * shells. Called by one thread at a time.
 *
 * <p>Values handed out may be changed by the final step and are then put back; a store that copies
 * values must copy on put.
 */
public interface AlertStore extends FinalStore {
    /** The latest ALERT on a transfer into {@code clusterId}, or {@code null}. */
    ClusterAlert alert(String clusterId);

    /** Stores the latest ALERT of {@code clusterId}. */
    void putAlert(String clusterId, ClusterAlert alert);

    /** Forgets the ALERT of {@code clusterId} (merged into another, or expired). */
    void removeAlert(String clusterId);
}
