package org.osecscreener.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osecscreener.cluster.IdentifierType;
import org.osecscreener.cluster.Merge;
import org.osecscreener.cluster.Resolution;
import org.osecscreener.detect.ClusterView;
import org.osecscreener.detect.PartialAssessment;
import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.findings.WatchlistMatches;
import org.osecscreener.model.Channel;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.ClusterAlert;
import org.osecscreener.profile.ClusterProfile;
import org.osecscreener.profile.ClusterRisk;
import org.osecscreener.profile.QueueItem;
import org.osecscreener.profile.SenderProfile;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleEvent;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.score.Hit;

/**
 * The stages' definitions over plain map stores ({@link MapStores}): what both shells now share.
 * The shells' agreement on the same definitions is {@code StageParityTest} in the job.
 */
class StagesTest {
    static final RuleBundle PACK = RuleBundleLoader.defaultBundle();
    static final ScreeningEngine ENGINE = ScreeningEngine.of(PACK);
    static final int R = Retention.days(ENGINE);
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 12, 0, 0, 0, ZoneOffset.UTC);
    static final int DAY0 = Retention.day(T0.toEpochSecond());

    static Transaction tx(String id, String sender, String payee, OffsetDateTime at) {
        return new Transaction(id, at, Money.of("60.00", Currency.getInstance("AUD")), Channel.ONLINE, null,
                Party.builder(sender, "US").name("John Brown").build(), Party.builder(payee, "PH").name("Ana Cruz").build(), null);
    }

    static ClusterView view(String clusterId, String... absorbed) {
        return new ClusterView(clusterId, 1, 0, 0, 0, 0, List.of(absorbed));
    }

    @Test
    void retention_isTheLongestWindowPlusADay_andAValueIsForgottenTheDayAfter() {
        assertThat(R).isEqualTo(PACK.longestWindowDays() + 1).isEqualTo(121);
        assertThat(Retention.expired(DAY0, DAY0 + R, R)).isFalse();
        assertThat(Retention.expired(DAY0, DAY0 + R + 1, R)).isTrue();
        assertThat(Retention.oldestDay(Integer.MIN_VALUE, R)).as("before the first transaction").isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void bundleStage_newestAgainIsNoOffer_sameVersionOtherContentRejected_admissionRetentionIsTheLongestHeld() throws Exception {
        RuleBundleLoader loader = new RuleBundleLoader();
        BundleStage stage = BundleStage.starting(PACK, "x", RuleBundleEvent.Digest.TEXT, "pack", loader, false);
        Instant now = Instant.parse("2026-03-02T00:00:00Z");
        assertThat(stage.offer(loader.load("again.json", loader.toJson(PACK).getBytes()), "y", RuleBundleEvent.Digest.TEXT,
                "again", DAY0, now, List.of())).isEmpty();
        String text = new String(RuleBundleLoader.defaultBundleText(), java.nio.charset.StandardCharsets.UTF_8);
        RuleBundle edited = loader.load("edited.yaml", text.replaceFirst("(?m)^  review: [0-9.]+", "  review: 0.3").getBytes());
        assertThat(stage.offer(edited, "z", RuleBundleEvent.Digest.TEXT, "edited", DAY0, now, List.of()))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(RuleBundleEvent.Kind.REJECTED);
                    assertThat(e.errors().get(0)).contains("does not move forward");
                });
        RuleBundle longer = loader.load("v2.yaml", text.replaceFirst("(?m)^version: 1$", "version: 2")
                .replaceFirst("(?m)^effectiveFrom: [0-9-]+$", "effectiveFrom: 2026-03-01")
                .replaceFirst("(?m)^    windowDays: 120$", "    windowDays: 200").getBytes());
        assertThat(stage.offer(longer, "w", RuleBundleEvent.Digest.TEXT, "v2", DAY0, now, List.of()))
                .first().extracting(RuleBundleEvent::kind).isEqualTo(RuleBundleEvent.Kind.ACCEPTED);
        assertThat(stage.retentionDays()).as("the longest among v1 and v2").isEqualTo(201);
        assertThat(stage.at(DAY0).engine().bundle().version()).isEqualTo(2);
        assertThat(stage.at(DAY0 - 10).engine().bundle().version()).as("v1 still screens the days before v2").isEqualTo(1);
    }

    @Test
    void clusterStage_foldsMergedProfilesIntoTheSurvivor_storesThemWithTheClock_andForgetsExpiredOnes() {
        MapStores.Clusters store = new MapStores.Clusters();
        ClusterProfile a = new ClusterProfile();
        a.count();
        store.putProfile("C-2", a, DAY0);
        ClusterProfile old = new ClusterProfile();
        old.count();
        old.count();
        store.putProfile("C-1", old, DAY0 - R - 1);
        Merge m = new Merge("C-1", "C-2", "B-3", "B-2", IdentifierType.PHONE, "+63******0101");
        Transaction t = tx("T-1", "S-1", "B-3", T0);
        ClusterView v = ClusterStage.step(ENGINE, store, t, new Resolution("B-3", "C-1", 2, List.of(m), true), 0, 0, DAY0);
        assertThat(store.profiles).containsOnlyKeys("C-1");
        assertThat(store.profiles.get("C-1").transfers()).as("C-1's own profile had expired: C-2's transfer and this one")
                .isEqualTo(2);
        assertThat(store.days.get("C-1")).isEqualTo(DAY0);
        assertThat(v.absorbedIds()).containsExactly("C-2");
    }

    @Test
    void senderStage_keeps64Relationships_dropsTheLeastRecentInEventTime_tiesBySmallerClusterId() {
        MapStores.Sender store = new MapStores.Sender();
        // C-B and C-A are paid at the same second, before all others
        SenderStage.step(ENGINE, store, tx("T-B", "S-1", "B-B", T0), view("C-B"), WatchlistMatches.NONE);
        SenderStage.step(ENGINE, store, tx("T-A", "S-1", "B-A", T0), view("C-A"), WatchlistMatches.NONE);
        for (int i = 1; i <= 62; i++) {
            SenderStage.step(ENGINE, store, tx("T-" + i, "S-1", "B-" + i, T0.plusHours(i)), view("C-" + i), WatchlistMatches.NONE);
        }
        // a 65th relationship: still 64 transfers or fewer? no, 65 transfers now: the cap applies
        SenderStage.step(ENGINE, store, tx("T-63", "S-1", "B-63", T0.plusHours(63)), view("C-63"), WatchlistMatches.NONE);
        assertThat(store.pairs).hasSize(SenderStage.PAIRS_PER_SENDER).doesNotContainKey("C-A").containsKey("C-B");
        SenderStage.step(ENGINE, store, tx("T-64", "S-1", "B-64", T0.plusHours(64)), view("C-64"), WatchlistMatches.NONE);
        assertThat(store.pairs).hasSize(SenderStage.PAIRS_PER_SENDER).doesNotContainKey("C-B").containsKey("C-64");
    }

    @Test
    void senderStage_aSenderQuietLongerThanTheRetentionIsForgottenWholly_oneQuietExactlyTheRetentionIsNot() {
        MapStores.Sender kept = new MapStores.Sender();
        SenderStage.step(ENGINE, kept, tx("T-1", "S-1", "B-1", T0), view("C-1"), WatchlistMatches.NONE);
        SenderStage.step(ENGINE, kept, tx("T-2", "S-1", "B-2", T0.plusDays(R)), view("C-2"), WatchlistMatches.NONE);
        assertThat(kept.clears).isZero();
        assertThat(kept.pairs).containsOnlyKeys("C-1", "C-2");
        assertThat(kept.profile.transfers()).isEqualTo(2);

        MapStores.Sender forgotten = new MapStores.Sender();
        SenderStage.step(ENGINE, forgotten, tx("T-1", "S-1", "B-1", T0), view("C-1"), WatchlistMatches.NONE);
        PartialAssessment p = SenderStage.step(ENGINE, forgotten, tx("T-2", "S-1", "B-1", T0.plusDays(R + 1)), view("C-1"),
                WatchlistMatches.NONE);
        assertThat(forgotten.clears).isOne();
        assertThat(forgotten.profile.transfers()).isOne();
        assertThat(p.hits()).extracting(Hit::ruleId).as("the relationship is new again").contains("new_relationship");
        assertThat(SenderStage.expired(new SenderProfile(), DAY0, R)).as("an empty profile has no transfer").isTrue();
    }

    @Test
    void finalStage_foldsAbsorbedClustersAlerts_keepsTheLatest_andForgetsExpiredAlertsRisksAndItems() {
        MapStores.Alerts store = new MapStores.Alerts();
        FinalStage stage = new FinalStage(store);
        long s0 = T0.toEpochSecond();
        store.putAlert("C-2", new ClusterAlert(s0 - 86_400, "S-9", "T-9"));
        store.putAlert("C-3", new ClusterAlert(s0 - 2 * 86_400, "S-8", "T-8"));
        store.putAlert("C-4", new ClusterAlert(s0 - (R + 2L) * 86_400, "S-7", "T-7")); // beyond the retention
        ClusterRisk stale = new ClusterRisk();
        stale.add("S-6", "US", 0, s0 - (R + 2L) * 86_400, 0, "T-6", "B-6", true, false, false, false);
        store.putRisk("C-1", stale);
        store.putItem("C:C-2", new QueueItem("A-OLD", s0 - (R + 2L) * 86_400, s0 - (R + 2L) * 86_400)); // an absorbed cluster's item
        SenderProfile profile = new SenderProfile();
        MapStores.Sender pairs = new MapStores.Sender();
        Transaction t = tx("T-1", "S-1", "B-1", T0);
        PartialAssessment p = ENGINE.senderStep(profile, pairs, t, view("C-1", "C-2", "C-3", "C-4"), WatchlistMatches.NONE);
        stage.step(ENGINE, p);
        assertThat(store.alerts).as("absorbed clusters' alerts folded and removed, the latest kept")
                .containsOnlyKeys("C-1");
        assertThat(store.alerts.get("C-1").txId()).isEqualTo("T-9");
        assertThat(store.risks.get("C-1").senders()).as("the stale risk was forgotten: only this transfer's sender")
                .extracting(ClusterRisk.Sender::id).containsExactly("S-1");
        assertThat(store.items).as("the expired item was forgotten, not folded into C-1's").isEmpty();
        assertThat(stage.clockDay()).isEqualTo(DAY0);
    }
}
