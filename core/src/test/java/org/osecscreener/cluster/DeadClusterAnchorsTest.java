package org.osecscreener.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * When the last live member of a payee cluster is evicted, the identifiers it anchored drop it
 * (the cluster is dead and can never be linked into again), so the evicted node is no longer kept
 * reachable as a ghost by them. A restore from a snapshot always did the same (it writes an anchor
 * in a dead cluster as absent), so the property is that restoring at any point changes nothing.
 */
class DeadClusterAnchorsTest {
    private static final IdentifierType[] TYPES = {IdentifierType.PHONE, IdentifierType.WALLET,
            IdentifierType.ACCOUNT, IdentifierType.ADDRESS};

    record Call(int beneficiary, List<Integer> identifiers) {
    }

    @Provide
    Arbitrary<List<Call>> calls() {
        Arbitrary<Integer> beneficiary = Arbitraries.integers().between(0, 60);
        Arbitrary<List<Integer>> ids = Arbitraries.integers().between(0, 50).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(beneficiary, ids).as(Call::new).list().ofMinSize(1).ofMaxSize(250);
    }

    /**
     * A resolver that is never restored and one restored from its own snapshot after every call
     * return the same resolutions (merges name the anchors they went through), hubs, explanations
     * and snapshots, under bounds that evict beneficiaries and identifiers all the time.
     */
    @Property(tries = 300, seed = "20261208")
    void restoringAfterEveryCall_changesNothing(@ForAll("calls") List<Call> calls,
                                                @ForAll @IntRange(min = 2, max = 5) int hubThreshold,
                                                @ForAll @IntRange(min = 2, max = 20) int maxBeneficiaries,
                                                @ForAll @IntRange(min = 3, max = 30) int maxIdentifiers) {
        ClusterConfig config = ClusterConfig.builder().linkTypes(List.of(IdentifierType.values()))
                .hubThreshold(hubThreshold).maxBeneficiaries(maxBeneficiaries).maxIdentifiers(maxIdentifiers).build();
        ClusterResolver live = ClusterResolver.create(config);
        ClusterResolver restored = ClusterResolver.create(config);
        for (Call c : calls) {
            String id = "B" + c.beneficiary();
            Resolution a = live.resolve(id, identifiers(c));
            Resolution b = restored.resolve(id, identifiers(c));
            assertThat(b).as("after %s", c).isEqualTo(a);
            assertThat(restored.hubs()).isEqualTo(live.hubs());
            assertThat(restored.explain(id)).isEqualTo(live.explain(id));
            byte[] snapshot = restored.snapshot();
            assertThat(snapshot).isEqualTo(live.snapshot());
            restored = ClusterResolver.restore(config, snapshot);
        }
    }

    /** One-payee clusters, all new (the cardinality attack): no identifier keeps an evicted payee. */
    @Test
    void evictingTheLastMember_releasesTheAnchorsOfItsIdentifiers() {
        ClusterConfig config = ClusterConfig.builder().maxBeneficiaries(100).maxIdentifiers(10_000).build();
        ClusterResolver r = ClusterResolver.create(config);
        for (int i = 0; i < 1_000; i++) {
            String id = "B-" + i;
            r.resolve(id, PayeeIdentifiers.of(new Identifier(IdentifierType.PHONE, "+6391700" + (10_000 + i)),
                    new Identifier(IdentifierType.ACCOUNT, "PH-" + i)));
        }
        assertThat(r.beneficiaryCount()).isEqualTo(100);
        assertThat(r.identifierCount()).as("no identifier evicted: they outlive their payees").isEqualTo(2_000);
        int anchoredByGhosts = 0;
        for (Entry e = r.entryTail; e != null; e = e.lruPrev) {
            if (e.anchor != null && e.anchor.ghost) {
                anchoredByGhosts++;
            }
        }
        assertThat(anchoredByGhosts).as("identifiers anchored by an evicted payee of a dead cluster").isZero();
        // and they still behave as before: a payee seen again with a known identifier starts anew
        Resolution again = r.resolve("B-7", PayeeIdentifiers.of(new Identifier(IdentifierType.PHONE, "+6391700" + 10_007)));
        assertThat(again.newBeneficiary()).isTrue();
        assertThat(again.clusterSize()).isEqualTo(1);
        assertThat(again.merges()).isEmpty();
    }

    private static PayeeIdentifiers identifiers(Call c) {
        return PayeeIdentifiers.of(c.identifiers().stream()
                .map(v -> new Identifier(TYPES[v % TYPES.length], "v" + v)).toArray(Identifier[]::new));
    }
}
