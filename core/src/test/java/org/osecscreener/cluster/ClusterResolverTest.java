package org.osecscreener.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osecscreener.cluster.Ids.account;
import static org.osecscreener.cluster.Ids.address;
import static org.osecscreener.cluster.Ids.of;
import static org.osecscreener.cluster.Ids.phone;
import static org.osecscreener.cluster.Ids.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osecscreener.model.Party;

class ClusterResolverTest {
    private static final String P1 = "+639171234567";

    @ParameterizedTest
    @EnumSource(IdentifierType.class)
    void equalIdentifier_ofEachType_joinsCluster(IdentifierType type) {
        ClusterResolver r = ClusterResolver.create(Ids.allLinks());
        Resolution a = r.resolve("B-1", of(new Identifier(type, "PH|shared-value-1")));
        Resolution b = r.resolve("B-2", of(new Identifier(type, "PH|shared-value-1")));
        assertThat(b.clusterId()).isEqualTo(a.clusterId()).isEqualTo("C-1");
        assertThat(b.clusterSize()).isEqualTo(2);
        assertThat(b.merges()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(IdentifierType.class)
    void linkTypeSwitchedOff_doesNotJoin(IdentifierType type) {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.builder().linkTypes(List.of(IdentifierType.values()))
                .build());
        ClusterConfig off = ClusterConfig.builder().linkTypes(List.of(IdentifierType.values())).disable(type).build();
        r = ClusterResolver.create(off);
        r.resolve("B-1", of(new Identifier(type, "PH|shared-value-1")));
        Resolution b = r.resolve("B-2", of(new Identifier(type, "PH|shared-value-1")));
        assertThat(b.clusterId()).isEqualTo("C-2");
        assertThat(r.identifierCount()).isZero();
    }

    @Test
    void defaults_strongTypesAndAddressOn_nameAndPickupOff() {
        assertThat(ClusterConfig.defaults().linkTypes()).containsExactlyInAnyOrder(IdentifierType.PHONE,
                IdentifierType.WALLET, IdentifierType.ACCOUNT, IdentifierType.EMAIL, IdentifierType.DEVICE,
                IdentifierType.ADDRESS);
        ClusterResolver r = ClusterResolver.create(ClusterConfig.defaults());
        r.resolve(Party.builder("B-1", "PH").pickupLocation("Agent 7, SM City").name("Maria Santos").build());
        Resolution b = r.resolve(Party.builder("B-2", "PH").pickupLocation("agent 7 sm city").name("Santos, Maria").build());
        assertThat(b.clusterSize()).isEqualTo(1);
    }

    @Test
    void sharedWallet_matchingPhone_joinsCluster() {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.defaults());
        r.resolve(Party.builder("B-1", "PH").phone("0917 123 4567").build());
        Resolution b = r.resolve(Party.builder("B-2", "PH").wallet("+63-917-123-4567").build());
        assertThat(b.clusterId()).isEqualTo("C-1");
        assertThat(r.explain("B-2").links()).singleElement()
                .satisfies(l -> assertThat(l.describe()).isEqualTo("B-2 shares phone +63917•••4567 with B-1"));
    }

    @Test
    void sharedAddress_differentlyWritten_joinsFamily() {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.defaults());
        r.resolve(Party.builder("B-1", "PH").address("Blk 5 Lot 3, Brgy. San Isidro").build());
        assertThat(r.resolve(Party.builder("B-2", "PH").address("BLOCK 5 LOT 3 BARANGAY SAN ISIDRO").build())
                .clusterSize()).isEqualTo(2);
    }

    @Test
    void equalName_linksWithinCountryOnly() {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.builder().enable(IdentifierType.NAME).build());
        r.resolve(Party.builder("B-1", "PH").name("Maria Clara Santos").build());
        assertThat(r.resolve(Party.builder("B-2", "PH").name("SANTOS, María Clara").build()).clusterId()).isEqualTo("C-1");
        assertThat(r.resolve(Party.builder("B-3", "TH").name("Maria Clara Santos").build()).clusterId()).isEqualTo("C-2");
    }

    @Test
    void mergesAcrossExistingClusters_explanationShowsAllThreeLinks() {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.defaults());
        assertThat(r.resolve("A", of(phone(P1))).clusterId()).isEqualTo("C-1");
        assertThat(r.resolve("B", of(phone(P1))).clusterId()).isEqualTo("C-1");
        assertThat(r.resolve("C", of(wallet("gcash-7781"), account("PH12BANK0001234567"))).clusterId()).isEqualTo("C-2");
        assertThat(r.resolve("D", of(wallet("gcash-7781"))).clusterId()).isEqualTo("C-2");

        Resolution bc = r.resolve("B", of(account("PH12BANK0001234567")));

        assertThat(bc.clusterId()).isEqualTo("C-1");
        assertThat(bc.clusterSize()).isEqualTo(4);
        assertThat(bc.merges()).singleElement().satisfies(m -> {
            assertThat(m.survivorClusterId()).isEqualTo("C-1");
            assertThat(m.absorbedClusterId()).isEqualTo("C-2");
            assertThat(m.reason()).isEqualTo(
                    "B joined C-1 via account PH•••4567 (shared with C); C-2 absorbed into C-1");
        });
        assertThat(Ids.clusterIds(r, List.of("A", "B", "C", "D"))).containsOnly("C-1");
        assertThat(r.clusterCount()).isEqualTo(1);

        Explanation x = r.explain("D");
        assertThat(x.members()).containsExactly("A", "B", "C", "D");
        assertThat(x.links()).extracting(Link::type).containsExactlyInAnyOrder(IdentifierType.PHONE,
                IdentifierType.WALLET, IdentifierType.ACCOUNT);
        assertThat(x.chains().get("A")).extracting(Link::type)
                .containsExactly(IdentifierType.WALLET, IdentifierType.ACCOUNT, IdentifierType.PHONE);
        String text = x.toText();
        assertThat(text).contains("D is in cluster C-1 with 4 members: A, B, C, D")
                .contains("A: D shares wallet gc•••81 with C; B shares account PH•••4567 with C; B shares phone +63917•••4567 with A")
                .doesNotContain(P1).doesNotContain("PH12BANK0001234567");
    }

    @Test
    void survivingId_isTheOlderCluster_evenWhenSmaller() {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.defaults());
        r.resolve("A", of(phone(P1)));
        r.resolve("X", of(wallet("w-1")));
        r.resolve("Y", of(wallet("w-1")));
        r.resolve("Z", of(wallet("w-1")));
        Resolution m = r.resolve("Z", of(phone(P1)));
        assertThat(m.clusterId()).isEqualTo("C-1");
        assertThat(m.merges()).extracting(Merge::absorbedClusterId).containsExactly("C-2");
    }

    @Test
    void newBeneficiaryBridgingTwoClusters_joinsFirst_thenMergesSecond() {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.defaults());
        r.resolve("A", of(phone(P1)));
        r.resolve("B", of(wallet("w-1")));
        Resolution c = r.resolve("C", of(wallet("w-1"), phone(P1)));
        assertThat(c.newBeneficiary()).isTrue();
        assertThat(c.clusterId()).isEqualTo("C-1");
        assertThat(c.merges()).singleElement().satisfies(m -> assertThat(m.absorbedClusterId()).isEqualTo("C-2"));
        assertThat(r.resolve("D", of()).clusterId()).as("no id was burned").isEqualTo("C-3");
    }

    @Test
    void resolvingAgain_sameIdentifiers_changesNothing() {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.defaults());
        r.resolve("A", of(phone(P1)));
        Resolution again = r.resolve("A", of(phone(P1)));
        assertThat(again).isEqualTo(new Resolution("A", "C-1", 1, List.of(), false));
    }

    @Test
    void hub_stopsLinking_andNextBeneficiaryDoesNotMergeClusters() {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.builder().hubThreshold(3).build());
        String mall = "PH|sm city mall";
        r.resolve("B-1", of(address(mall)));
        r.resolve("B-2", of(address(mall)));
        assertThat(r.resolve("B-3", of(address(mall))).clusterSize()).isEqualTo(3);
        r.resolve("X-1", of(phone(P1)));
        Resolution x2 = r.resolve("X-2", of(phone(P1), address(mall)));
        assertThat(x2.merges()).isEmpty();
        assertThat(x2.clusterId()).isEqualTo("C-2");
        assertThat(x2.clusterSize()).isEqualTo(2);
        assertThat(r.resolve("B-4", of(address(mall))).clusterId()).isEqualTo("C-3");
        assertThat(r.clusterOf("B-1")).isEqualTo("C-1");
        assertThat(r.hubs()).singleElement().satisfies(h -> {
            assertThat(h.type()).isEqualTo(IdentifierType.ADDRESS);
            assertThat(h.clusterId()).isEqualTo("C-1");
            assertThat(h.maskedValue()).doesNotContain("sm city");
        });
    }

    @Test
    void hub_countsDistinctBeneficiaries_notSightings() {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.builder().hubThreshold(2).build());
        for (int i = 0; i < 5; i++) {
            r.resolve("B-1", of(phone(P1)));
            r.resolve("B-2", of(phone(P1)));
        }
        assertThat(r.hubs()).isEmpty();
        assertThat(r.clusterSizeOf("B-1")).isEqualTo(2);
    }

    @Test
    void eviction_leastRecentlyActiveBeneficiary_goesFirst() {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.builder().maxBeneficiaries(3).build());
        r.resolve("B-1", of(phone("+639170000001")));
        r.resolve("B-2", of(phone("+639170000002")));
        r.resolve("B-3", of(phone("+639170000003")));
        r.resolve("B-1", of());
        r.resolve("B-4", of(phone("+639170000004")));
        assertThat(r.beneficiaryCount()).isEqualTo(3);
        assertThat(r.clusterOf("B-2")).isNull();
        assertThat(r.clusterOf("B-1")).isEqualTo("C-1");
        assertThat(r.evictedBeneficiaries()).isEqualTo(1);
        assertThat(r.clusterCount()).isEqualTo(3);
        Resolution back = r.resolve("B-2", of());
        assertThat(back.newBeneficiary()).isTrue();
        assertThat(back.clusterId()).isEqualTo("C-5");
    }

    @Test
    void eviction_insideCluster_keepsIdAndStillLinksThroughEvictedMembersIdentifier() {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.builder().maxBeneficiaries(2).build());
        r.resolve("A", of(phone(P1)));
        r.resolve("B", of(phone(P1), wallet("w-9")));
        r.resolve("B", of());
        r.resolve("C", of(wallet("w-9"))); // evicts A, the anchor of P1
        assertThat(r.clusterOf("A")).isNull();
        assertThat(r.clusterSizeOf("B")).isEqualTo(2);
        Resolution d = r.resolve("D", of(phone(P1))); // evicts B
        assertThat(d.clusterId()).isEqualTo("C-1");
        assertThat(r.explain("D").chains().get("C")).isEmpty();
        assertThat(r.explain("D").toText()).contains("C: linked through beneficiaries no longer tracked");
    }

    @Test
    void eviction_identifierBound_forgetsLeastRecentlySeenIdentifier() {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.builder().maxIdentifiers(2).build());
        r.resolve("A", of(phone(P1)));
        r.resolve("B", of(wallet("w-1")));
        r.resolve("C", of(wallet("w-2")));
        assertThat(r.identifierCount()).isEqualTo(2);
        assertThat(r.evictedIdentifiers()).isEqualTo(1);
        assertThat(r.resolve("D", of(phone(P1))).clusterSize()).isEqualTo(1);
        assertThat(r.resolve("E", of(wallet("w-2"))).clusterId()).isEqualTo("C-3");
    }

    @Test
    void eviction_underSustainedLoad_staysWithinBounds() {
        ClusterResolver r = ClusterResolver.create(ClusterConfig.builder().maxBeneficiaries(1_000)
                .maxIdentifiers(1_500).build());
        Random rnd = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            r.resolve("B-" + rnd.nextInt(20_000), of(phone("+6391700" + (10_000 + rnd.nextInt(5_000))),
                    address("PH|street " + rnd.nextInt(3_000))));
            assertThat(r.beneficiaryCount()).isLessThanOrEqualTo(1_000);
            assertThat(r.identifierCount()).isLessThanOrEqualTo(1_500);
        }
        assertThat(r.evictedBeneficiaries()).isPositive();
        assertThat(r.evictedIdentifiers()).isPositive();
    }

    @Test
    void snapshotRestore_givesIdenticalSubsequentBehaviour() {
        ClusterConfig config = ClusterConfig.builder().hubThreshold(4).maxBeneficiaries(300).maxIdentifiers(500).build();
        List<Object[]> events = randomEvents(new Random(42), 4_000, 600, 400);
        ClusterResolver original = ClusterResolver.create(config);
        for (Object[] e : events.subList(0, 2_000)) {
            original.resolve((String) e[0], (PayeeIdentifiers) e[1]);
        }
        byte[] snap = original.snapshot();
        ClusterResolver restored = ClusterResolver.restore(config, snap);
        assertThat(restored.snapshot()).isEqualTo(snap);
        List<Resolution> a = new ArrayList<>();
        List<Resolution> b = new ArrayList<>();
        for (Object[] e : events.subList(2_000, events.size())) {
            a.add(original.resolve((String) e[0], (PayeeIdentifiers) e[1]));
            b.add(restored.resolve((String) e[0], (PayeeIdentifiers) e[1]));
        }
        assertThat(b).isEqualTo(a);
        assertThat(a.stream().mapToInt(x -> x.merges().size()).sum()).isPositive();
        assertThat(restored.hubs()).isEqualTo(original.hubs());
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        String last = (String) events.get(events.size() - 1)[0];
        assertThat(restored.explain(last)).isEqualTo(original.explain(last));
    }

    @Test
    void restore_rejectsForeignBytes_withReason() {
        assertThatThrownBy(() -> ClusterResolver.restore(ClusterConfig.defaults(), new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a payee-cluster snapshot");
    }

    @Test
    void pseudonymisedIdentifiers_giveIdenticalClusters() {
        org.osecscreener.privacy.Pseudonymiser p = org.osecscreener.privacy.Pseudonymiser.withKey(
                "operator-supplied-synthetic-key!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ClusterConfig config = ClusterConfig.builder().hubThreshold(5).build();
        ClusterResolver plain = ClusterResolver.create(config);
        ClusterResolver hashed = ClusterResolver.create(config);
        IdentifierNormaliser n = plain.normaliser();
        Random rnd = new Random(11);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String id = "B-" + rnd.nextInt(1_000);
            Party party = Party.builder(id, "PH")
                    .phone(rnd.nextInt(3) == 0 ? null : "0917 " + (1_000_000 + rnd.nextInt(800)))
                    .wallet(rnd.nextInt(4) == 0 ? "0917" + (1_000_000 + rnd.nextInt(800)) : null)
                    .address(rnd.nextInt(2) == 0 ? "Blk " + rnd.nextInt(300) + " Brgy. Uno" : null)
                    .build();
            PayeeIdentifiers normalised = n.normalise(party);
            Resolution a = plain.resolve(id, normalised);
            Resolution b = hashed.resolve(id, normalised.pseudonymised(p));
            assertThat(b.clusterId()).isEqualTo(a.clusterId());
            assertThat(b.clusterSize()).isEqualTo(a.clusterSize());
            assertThat(b.merges()).extracting(Merge::absorbedClusterId)
                    .isEqualTo(a.merges().stream().map(Merge::absorbedClusterId).toList());
            ids.add(id);
        }
        assertThat(Ids.clusterIds(hashed, ids)).isEqualTo(Ids.clusterIds(plain, ids));
        assertThat(plain.mergeCount()).isPositive();
        assertThat(plain.hubs()).hasSameSizeAs(hashed.hubs());
    }

    static List<Object[]> randomEvents(Random rnd, int count, int beneficiaries, int identifiers) {
        List<Object[]> out = new ArrayList<>();
        IdentifierType[] types = {IdentifierType.PHONE, IdentifierType.WALLET, IdentifierType.ACCOUNT, IdentifierType.ADDRESS};
        for (int i = 0; i < count; i++) {
            int k = rnd.nextInt(3);
            Identifier[] ids = new Identifier[k];
            for (int j = 0; j < k; j++) {
                int v = rnd.nextInt(identifiers);
                ids[j] = new Identifier(types[v % types.length], "v" + v);
            }
            out.add(new Object[] {"B-" + rnd.nextInt(beneficiaries), PayeeIdentifiers.of(ids)});
        }
        return out;
    }
}
