package org.osecscreener.cluster;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one {@link ClusterResolver#resolve resolve} call.
 *
 * @param beneficiaryId  the beneficiary resolved
 * @param clusterId      its cluster id after the call, for example {@code C-42}
 * @param clusterSize    the number of tracked beneficiaries in that cluster, at least 1
 * @param merges         the merges this call caused, in order; usually empty. Each names an
 *                       absorbed cluster id that no longer exists
 * @param newBeneficiary whether the beneficiary was not tracked before this call (new, or
 *                       evicted and seen again)
 */
public record Resolution(String beneficiaryId, String clusterId, int clusterSize, List<Merge> merges,
                         boolean newBeneficiary) {
    /** @throws NullPointerException if a component is {@code null} */
    public Resolution {
        Objects.requireNonNull(beneficiaryId, "beneficiaryId");
        Objects.requireNonNull(clusterId, "clusterId");
        merges = List.copyOf(merges);
    }
}
