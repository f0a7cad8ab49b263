package org.osecscreener.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a beneficiary is in its cluster: the members and, for each, the chain of links from the
 * beneficiary to that member. Values are masked.
 *
 * @param beneficiaryId the beneficiary explained
 * @param clusterId     its cluster id
 * @param members       the tracked members of the cluster, sorted, the beneficiary included
 * @param links         every recorded link inside the cluster, in the order they were made
 * @param chains        for each member other than the beneficiary, the links leading from the
 *                      beneficiary to it (a shortest chain); an empty chain means the connecting
 *                      beneficiaries are no longer tracked (evicted)
 */
public record Explanation(String beneficiaryId, String clusterId, List<String> members, List<Link> links,
                          Map<String, List<Link>> chains) {
    /** @throws NullPointerException if a component is {@code null} */
    public Explanation {
        Objects.requireNonNull(beneficiaryId, "beneficiaryId");
        Objects.requireNonNull(clusterId, "clusterId");
        members = List.copyOf(members);
        links = List.copyOf(links);
        chains = Map.copyOf(chains);
    }

    /** The explanation in words, one line per member, for analysts. */
    public String toText() {
        StringBuilder sb = new StringBuilder(256);
        sb.append(beneficiaryId).append(" is in cluster ").append(clusterId).append(" with ")
                .append(members.size()).append(members.size() == 1 ? " member" : " members").append(": ")
                .append(String.join(", ", members)).append('\n');
        for (String m : members) {
            if (m.equals(beneficiaryId)) {
                continue;
            }
            List<Link> chain = chains.get(m);
            sb.append("  ").append(m).append(": ");
            if (chain == null || chain.isEmpty()) {
                sb.append("linked through beneficiaries no longer tracked\n");
                continue;
            }
            for (int i = 0; i < chain.size(); i++) {
                if (i > 0) {
                    sb.append("; ");
                }
                sb.append(chain.get(i).describe());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
