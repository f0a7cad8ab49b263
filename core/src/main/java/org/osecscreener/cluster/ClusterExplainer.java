package org.osecscreener.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The explanation part of {@link ClusterResolver}: a tracked beneficiary's cluster, its members and
 * the chain of links from the beneficiary to each ({@link ClusterResolver#explain}). Reads the
 * resolver's union-find nodes and their link lists; changes nothing.
 */
final class ClusterExplainer {
    private ClusterExplainer() {
    }

    /**
     * Explains a tracked beneficiary's cluster: its members and the chain of links from the
     * beneficiary to each. Costs time linear in the cluster's size; not for the hot path.
     *
     * @param resolver      the resolver
     * @param beneficiaryId the beneficiary
     * @return the explanation, or {@code null} if the beneficiary is not tracked
     */
    static Explanation explain(ClusterResolver resolver, String beneficiaryId) {
        Node b = resolver.lookup(beneficiaryId);
        if (b == null) {
            return null;
        }
        Node root = ClusterResolver.find(b);
        List<String> members = new ArrayList<>(root.size);
        List<Link> links = new ArrayList<>();
        Map<String, List<Link>> adjacent = new HashMap<>();
        Node m = root.ringHead;
        do {
            members.add(m.id);
            List<Link> mine = new ArrayList<>();
            for (Node.EdgeList e = m.edges; e != null; e = e.next) {
                mine.add(new Link(m.id, e.to, e.via.type(), e.via.masked()));
            }
            for (int i = mine.size() - 1; i >= 0; i--) {
                Link l = mine.get(i);
                links.add(l);
                adjacent.computeIfAbsent(l.from(), k -> new ArrayList<>()).add(l);
                adjacent.computeIfAbsent(l.to(), k -> new ArrayList<>()).add(l);
            }
            m = m.ringNext;
        } while (m != root.ringHead);
        members.sort(null);
        Map<String, List<Link>> via = new HashMap<>();
        via.put(beneficiaryId, List.of());
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(beneficiaryId);
        while (!queue.isEmpty()) {
            String x = queue.poll();
            for (Link l : adjacent.getOrDefault(x, List.of())) {
                String y = l.from().equals(x) ? l.to() : l.from();
                if (!via.containsKey(y)) {
                    List<Link> chain = new ArrayList<>(via.get(x));
                    chain.add(l);
                    via.put(y, chain);
                    queue.add(y);
                }
            }
        }
        Map<String, List<Link>> chains = new HashMap<>();
        for (String member : members) {
            if (!member.equals(beneficiaryId)) {
                chains.put(member, via.getOrDefault(member, List.of()));
            }
        }
        return new Explanation(beneficiaryId, ClusterResolver.name(root.clusterSeq), members, links, chains);
    }
}
