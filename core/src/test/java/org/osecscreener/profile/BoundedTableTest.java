package org.osecscreener.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

class BoundedTableTest {
    private static final long NEVER = Long.MAX_VALUE;

    /** One operation on the table and on the model: 0 get, 1 put, 2 remove, 3 computeIfAbsent. */
    record Op(int kind, int key, int value) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        // few distinct keys, so that probes collide, entries are removed from the middle of runs and re-inserted
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 1000)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(3000);
    }

    @Property(tries = 200, seed = "20261207")
    void belowTheBound_behavesLikeAHashMap(@ForAll("ops") List<Op> ops) {
        BoundedTable<Integer> table = new BoundedTable<>(1_000, NEVER, () -> 0L);
        Map<String, Integer> model = new HashMap<>();
        for (Op o : ops) {
            String k = "k" + o.key();
            switch (o.kind()) {
                case 0 -> assertThat(table.get(k)).isEqualTo(model.get(k));
                case 1 -> {
                    table.put(k, o.value());
                    model.put(k, o.value());
                }
                case 2 -> assertThat(table.remove(k)).isEqualTo(model.remove(k));
                default -> assertThat(table.computeIfAbsent(k, x -> o.value())).isEqualTo(model.computeIfAbsent(k, x -> o.value()));
            }
            assertThat(table.size()).isEqualTo(model.size());
        }
        for (Map.Entry<String, Integer> e : model.entrySet()) {
            assertThat(table.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Property(tries = 100, seed = "7")
    void atTheBound_neverHoldsMoreAndKeepsWhatItHolds(@ForAll("ops") List<Op> ops) {
        BoundedTable<Integer> table = new BoundedTable<>(20, NEVER, () -> 0L);
        Map<String, Integer> model = new HashMap<>();
        for (Op o : ops) {
            String k = "k" + o.key();
            if (o.kind() == 2) {
                table.remove(k);
                model.remove(k);
            } else {
                table.put(k, o.value());
                model.put(k, o.value());
            }
            assertThat(table.size()).isLessThanOrEqualTo(20);
        }
        // whatever was not evicted holds its latest value
        for (Map.Entry<String, Integer> e : model.entrySet()) {
            Integer v = table.get(e.getKey());
            if (v != null) {
                assertThat(v).isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void anEntryNotUsedForTheExpiry_isGone_andAUsedOneStays() {
        AtomicLong now = new AtomicLong();
        BoundedTable<String> table = new BoundedTable<>(100, 1_000, now::get);
        table.put("a", "1");
        table.put("b", "2");
        now.set(900);
        assertThat(table.get("a")).isEqualTo("1"); // used: its clock starts again
        now.set(1_000);
        assertThat(table.get("b")).as("1,000 ns without use").isNull();
        assertThat(table.get("a")).isEqualTo("1");
        assertThat(table.computeIfAbsent("b", k -> "new")).isEqualTo("new");
        now.set(5_000);
        table.expireAll();
        assertThat(table.size()).isZero();
    }

    @Test
    void atTheBound_anExpiredEntryGoesFirst() {
        AtomicLong now = new AtomicLong();
        BoundedTable<Integer> table = new BoundedTable<>(16, 1_000, now::get);
        table.put("old", 0);
        now.set(500);
        for (int i = 1; i < 16; i++) {
            table.put("k" + i, i);
            table.get("k" + i);
        }
        now.set(1_200); // "old" expired, the others not
        table.put("new", 99);
        assertThat(table.size()).isEqualTo(16);
        for (int i = 1; i < 16; i++) {
            assertThat(table.get("k" + i)).isEqualTo(i);
        }
    }

    /**
     * The cardinality attack: a flood of keys seen once, between the transfers of returning
     * senders. The returning senders must keep their state about as well as under Caffeine's
     * W-TinyLFU, which the table replaced.
     */
    @Test
    void underACardinalityAttack_returningSendersKeepTheirState_asUnderCaffeine() {
        int bound = 10_000;
        int regulars = 5_000;
        BoundedTable<Integer> table = new BoundedTable<>(bound, NEVER, () -> 0L);
        Cache<String, Integer> caffeine = Caffeine.newBuilder().maximumSize(bound).executor(Runnable::run).build();
        SplittableRandom random = new SplittableRandom(11);
        int tableHits = 0;
        int caffeineHits = 0;
        int regularVisits = 0;
        int flood = 0;
        for (int step = 0; step < 600_000; step++) {
            String key;
            boolean regular = random.nextInt(4) == 0; // a quarter of the traffic are returning senders
            if (regular) {
                key = "r" + random.nextInt(regulars);
            } else {
                key = "flood" + flood++;
            }
            boolean inTable = table.get(key) != null;
            boolean inCaffeine = caffeine.getIfPresent(key) != null;
            if (regular && step > 200_000) { // after the warm-up: how often state was still there
                regularVisits++;
                tableHits += inTable ? 1 : 0;
                caffeineHits += inCaffeine ? 1 : 0;
            }
            if (!inTable) {
                table.put(key, 1);
            }
            if (!inCaffeine) {
                caffeine.put(key, 1);
            }
            assertThat(table.size()).isLessThanOrEqualTo(bound);
        }
        double tableShare = tableHits / (double) regularVisits;
        double caffeineShare = caffeineHits / (double) regularVisits;
        // least-recently-used eviction would keep a regular only if it came back before 10,000 other keys
        assertThat(tableShare).as("returning senders found (Caffeine: %.3f)", caffeineShare)
                .isGreaterThan(0.93).isGreaterThanOrEqualTo(caffeineShare - 0.04);
    }

    @Test
    void refusesABoundOrExpiryThatIsNotPositive() {
        assertThatThrownBy(() -> new BoundedTable<>(0, NEVER, () -> 0L)).hasMessage("maxSize must be positive, was 0");
        assertThatThrownBy(() -> new BoundedTable<>(1, 0, () -> 0L)).hasMessage("expireAfterAccess must be positive, was 0");
    }
}
