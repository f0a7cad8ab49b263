package org.osecscreener.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A beneficiary resolved again with the same identifiers object takes a fast path (its held
 * entries are marked as used without being looked up). It must leave exactly the state a full
 * re-link leaves: two resolvers, one fed the same object per beneficiary (fast path engages) and
 * one fed a fresh copy every time (it never does), give equal resolutions after every call and
 * byte-equal snapshots (which hold the activity order of beneficiaries and identifiers) at the
 * end, under bounds small enough that identifiers and beneficiaries are evicted all the time.
 */
class ResolveFastPathPropertyTest {
    private static final IdentifierType[] TYPES = {IdentifierType.PHONE, IdentifierType.WALLET,
            IdentifierType.ACCOUNT, IdentifierType.ADDRESS};

    /** A call: beneficiary {@code b} with identifier set number {@code version} (its identifiers change now and then). */
    record Call(int beneficiary, int version) {
    }

    @Provide
    Arbitrary<List<Call>> calls() {
        Arbitrary<Integer> beneficiary = Arbitraries.integers().between(0, 24);
        Arbitrary<Integer> version = Arbitraries.integers().between(0, 9).map(v -> v < 8 ? 0 : v - 7);
        return Combinators.combine(beneficiary, version).as(Call::new).list().ofMinSize(1).ofMaxSize(300);
    }

    @Property(tries = 300, seed = "20261129")
    void sameIdentifiersObject_leavesTheStateOfAFullRelink(@ForAll("calls") List<Call> calls,
                                                            @ForAll @IntRange(min = 2, max = 5) int hubThreshold,
                                                            @ForAll @IntRange(min = 4, max = 30) int maxBeneficiaries,
                                                            @ForAll @IntRange(min = 4, max = 40) int maxIdentifiers) {
        ClusterConfig config = ClusterConfig.builder().linkTypes(List.of(IdentifierType.values()))
                .hubThreshold(hubThreshold).maxBeneficiaries(maxBeneficiaries).maxIdentifiers(maxIdentifiers).build();
        ClusterResolver reused = ClusterResolver.create(config);
        ClusterResolver fresh = ClusterResolver.create(config);
        Map<Call, PayeeIdentifiers> objects = new HashMap<>();
        for (Call c : calls) {
            String id = "B" + c.beneficiary();
            PayeeIdentifiers same = objects.computeIfAbsent(c, ResolveFastPathPropertyTest::identifiers);
            Resolution a = reused.resolve(id, same, "x");
            Resolution b = fresh.resolve(new String(id), identifiers(c), "x");
            assertThat(a).as("after %s", c).isEqualTo(b);
        }
        assertThat(reused.snapshot()).isEqualTo(fresh.snapshot());
        assertThat(reused.evictedIdentifiers()).isEqualTo(fresh.evictedIdentifiers());
    }

    /** Identifiers of a call, built anew each time (new objects, equal values); shared values make clusters. */
    private static PayeeIdentifiers identifiers(Call c) {
        int n = 1 + Math.floorMod(c.beneficiary() * 7 + c.version(), 3);
        Identifier[] ids = new Identifier[n];
        for (int i = 0; i < n; i++) {
            int v = Math.floorMod(c.beneficiary() * 5 + c.version() * 3 + i * 11, 29);
            ids[i] = new Identifier(TYPES[(c.beneficiary() + i) % TYPES.length], new String("v" + v));
        }
        return PayeeIdentifiers.of(ids);
    }
}
