package org.osecscreener.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SlotTableTest {
    @Test
    void randomAddsAndRemoves_matchHashMap_includingCollidingHashes() {
        SlotTable<Node> table = new SlotTable<>(4);
        Map<String, Node> reference = new HashMap<>();
        List<String> keys = new ArrayList<>();
        Random rnd = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            // "Aa" and "BB" have equal String hash codes: build colliding keys on purpose
            String key = rnd.nextBoolean() ? "k" + rnd.nextInt(5_000) : (rnd.nextBoolean() ? "Aa" : "BB") + rnd.nextInt(50);
            Node found = table.get(key, SlotTable.spread(key.hashCode()));
            assertThat(found).isSameAs(reference.get(key));
            if (found == null) {
                Node n = new Node(key);
                table.add(n);
                reference.put(key, n);
                keys.add(key);
            } else if (rnd.nextInt(3) == 0) {
                table.remove(found);
                reference.remove(key);
            }
            assertThat(table.size()).isEqualTo(reference.size());
        }
        for (String k : keys) {
            assertThat(table.get(k, SlotTable.spread(k.hashCode()))).isSameAs(reference.get(k));
        }
    }
}
