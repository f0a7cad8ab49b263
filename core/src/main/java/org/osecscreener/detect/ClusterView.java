package org.osecscreener.detect;

import java.util.List;
import java.util.Objects;

/**
 * What the cluster step hands to the sender step for one transaction: the payee cluster as it
 * stood after counting this transfer. In the Flink job this travels with the transaction from the
 * cluster-keyed stage to the sender-keyed one; in the embedded Screener it is passed in memory.
 *
 * @param clusterId      the payee cluster
 * @param clusterSize    tracked beneficiaries in the cluster
 * @param payeeSurname   hash of the beneficiary's folded surname (0 if unknown)
 * @param payeeAddress   hash of the beneficiary's normalised address (0 if unknown)
 * @param fanInSenders   distinct senders into the cluster within the cluster_fan_in window
 * @param fanInCountries distinct sender countries among them
 * @param absorbedIds    cluster ids merged into this one, newest first (for re-keying pair state)
 */
public record ClusterView(String clusterId, int clusterSize, int payeeSurname, int payeeAddress, int fanInSenders,
                          int fanInCountries, List<String> absorbedIds) {
    public ClusterView {
        Objects.requireNonNull(clusterId, "clusterId");
        absorbedIds = List.copyOf(absorbedIds);
    }
}
