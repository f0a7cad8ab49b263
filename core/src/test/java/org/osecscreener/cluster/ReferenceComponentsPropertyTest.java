package org.osecscreener.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The resolver's clusters equal the connected components of a deliberately naive reference:
 * a bipartite graph of beneficiaries and identifiers in which each identifier is joined only to
 * the first {@code hubThreshold} distinct beneficiaries that presented it (later ones are
 * excluded: the identifier is a hub by then), searched breadth-first.
 */
class ReferenceComponentsPropertyTest {
    private static final IdentifierType[] TYPES = {IdentifierType.PHONE, IdentifierType.WALLET,
            IdentifierType.ACCOUNT, IdentifierType.ADDRESS};

    record Event(int beneficiary, List<Integer> identifiers) {
    }

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Integer> beneficiary = Arbitraries.integers().between(0, 40);
        Arbitrary<List<Integer>> ids = Arbitraries.integers().between(0, 30).list().ofMaxSize(4);
        return Combinators.combine(beneficiary, ids).as(Event::new).list().ofMaxSize(150);
    }

    @Property(tries = 300, seed = "20261129")
    void clusters_equalReferenceConnectedComponents(@ForAll("events") List<Event> events,
                                                   @ForAll @IntRange(min = 1, max = 6) int hubThreshold) {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.builder().hubThreshold(hubThreshold).build());
        for (Event e : events) {
            Identifier[] ids = e.identifiers().stream().map(ReferenceComponentsPropertyTest::identifier)
                    .toArray(Identifier[]::new);
            r.resolve("B" + e.beneficiary(), PayeeIdentifiers.of(ids));
        }
        Map<String, Integer> reference = referenceComponents(events, hubThreshold);
        // same partition: two beneficiaries share a cluster iff they share a reference component
        Map<Integer, String> componentToCluster = new HashMap<>();
        Map<String, Integer> clusterToComponent = new HashMap<>();
        for (Map.Entry<String, Integer> b : reference.entrySet()) {
            String cluster = r.clusterOf(b.getKey());
            assertThat(cluster).isNotNull();
            assertThat(componentToCluster.computeIfAbsent(b.getValue(), k -> cluster)).isEqualTo(cluster);
            assertThat(clusterToComponent.computeIfAbsent(cluster, k -> b.getValue())).isEqualTo(b.getValue());
        }
        assertThat(r.clusterCount()).isEqualTo(new LinkedHashSet<>(reference.values()).size());
        for (Map.Entry<String, Integer> b : reference.entrySet()) {
            long size = reference.values().stream().filter(c -> c.equals(b.getValue())).count();
            assertThat(r.clusterSizeOf(b.getKey())).isEqualTo((int) size);
        }
    }

    private static Identifier identifier(int v) {
        return new Identifier(TYPES[v % TYPES.length], "value-" + v);
    }

    /** Beneficiary to component number, by breadth-first search. */
    private static Map<String, Integer> referenceComponents(List<Event> events, int hubThreshold) {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        Map<Integer, List<String>> linkedHolders = new HashMap<>();
        Set<Integer> hubs = new java.util.HashSet<>();
        for (Event e : events) {
            String b = "B" + e.beneficiary();
            graph.computeIfAbsent(b, k -> new LinkedHashSet<>());
            for (int id : e.identifiers()) {
                if (hubs.contains(id)) {
                    continue;
                }
                List<String> holders = linkedHolders.computeIfAbsent(id, k -> new ArrayList<>());
                if (holders.contains(b)) {
                    continue;
                }
                if (holders.size() >= hubThreshold) {
                    hubs.add(id);
                    continue;
                }
                holders.add(b);
                String node = "I" + id;
                graph.computeIfAbsent(node, k -> new LinkedHashSet<>()).add(b);
                graph.get(b).add(node);
            }
        }
        Map<String, Integer> component = new HashMap<>();
        int next = 0;
        for (String start : graph.keySet()) {
            if (component.containsKey(start)) {
                continue;
            }
            int c = next++;
            java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(List.of(start));
            component.put(start, c);
            while (!queue.isEmpty()) {
                for (String y : graph.get(queue.poll())) {
                    if (component.putIfAbsent(y, c) == null) {
                        queue.add(y);
                    }
                }
            }
        }
        Map<String, Integer> beneficiaries = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : component.entrySet()) {
            if (e.getKey().startsWith("B")) {
                beneficiaries.put(e.getKey(), e.getValue());
            }
        }
        return beneficiaries;
    }
}
