package org.osecscreener.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osecscreener.detect.Tx.tx;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osecscreener.model.PartyType;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Hit;
import org.osecscreener.screen.Screener;

/** Each detector: fires, does not fire, and (where it has one) its mitigation. */
class DetectorsTest {
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 14, 0, 0, 0, ZoneOffset.ofHours(10));

    static Screener screener(RuleBundle b) {
        try {
            return Screener.builder().bundle(b).build();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Optional<Hit> hit(Assessment a, String rule) {
        return a.hits().stream().filter(h -> h.ruleId().equals(rule)).findFirst();
    }

    static List<Assessment> run(Screener s, List<Transaction> txs) {
        List<Assessment> out = new ArrayList<>();
        txs.forEach(t -> out.add(s.screen(t)));
        return out;
    }

    @Test
    void smallAmount_insideBand_fires_withBandScore_outside_doesNot() {
        Screener s = screener(TestBundles.with("small_amount: {weight: 0.5, bands: [{min: 5, max: 60, score: 1.0}, {min: 60, max: 200, score: 0.5}]}"));
        Assessment small = s.screen(tx().amount("45.00", "AUD").build()); // 22.50 USD
        assertThat(hit(small, "small_amount")).get().satisfies(h -> {
            assertThat(h.subScore()).isEqualTo(1.0);
            assertThat(h.reason()).contains("45.00 AUD").contains("22.50 USD").contains("5.0–60.0 USD");
        });
        assertThat(hit(s.screen(tx().amount("200.00", "AUD").build()), "small_amount")).get()
                .extracting(Hit::subScore).isEqualTo(0.5);
        assertThat(hit(s.screen(tx().amount("400.00", "AUD").build()), "small_amount")).isEmpty();
    }

    @Test
    void corridor_demandToSource_firesWithCountryRisk_otherwiseNot() {
        Screener s = screener(TestBundles.with("corridor_risk: {weight: 0.3}"));
        assertThat(hit(s.screen(tx().build()), "corridor_risk")).get().extracting(Hit::subScore).isEqualTo(1.0);
        assertThat(hit(s.screen(tx().beneficiary("B-2", "TH", "Somchai").build()), "corridor_risk")).get()
                .extracting(Hit::subScore).isEqualTo(0.5);
        assertThat(hit(s.screen(tx().sender("S-2", "PH", "Ana Reyes").beneficiary("B-3", "AU", "X").build()), "corridor_risk")).isEmpty();
        assertThat(hit(s.screen(tx().sender("S-3", "DE", "Hans Meier").build()), "corridor_risk")).isEmpty();
    }

    @Test
    void recurringSmall_toSameCluster_firesFromMinCount_withCountAndMedianInterval() {
        Screener s = screener(TestBundles.with(
                "recurring_small_to_cluster: {weight: 0.5, windowDays: 14, minCount: 4, saturationCount: 8, maxAmount: 100, regularityShare: 0.3}"));
        List<Assessment> a = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            a.add(s.screen(tx().at(T0.plusDays(2L * i)).amount("40.00", "AUD").build()));
        }
        assertThat(hit(a.get(2), "recurring_small_to_cluster")).isEmpty();
        Hit fourth = hit(a.get(3), "recurring_small_to_cluster").orElseThrow();
        assertThat(fourth.reason()).startsWith("4 transfers of 20.00–20.00 USD to cluster ").contains("in 14 days, median interval 2.0 days");
        assertThat(fourth.evidence()).hasSize(4);
        Hit fifth = hit(a.get(4), "recurring_small_to_cluster").orElseThrow();
        assertThat(fifth.subScore()).isGreaterThan(fourth.subScore());
    }

    @Test
    void recurringSmall_largeAmountsOrSpreadOverTime_doNotFire() {
        Screener s = screener(TestBundles.with(
                "recurring_small_to_cluster: {weight: 0.5, windowDays: 14, minCount: 4, saturationCount: 8, maxAmount: 100}"));
        for (int i = 0; i < 6; i++) {
            assertThat(hit(s.screen(tx().at(T0.plusDays(i)).amount("400.00", "AUD").build()), "recurring_small_to_cluster")).isEmpty();
        }
        Screener spread = screener(TestBundles.with(
                "recurring_small_to_cluster: {weight: 0.5, windowDays: 14, minCount: 4, saturationCount: 8, maxAmount: 100}"));
        for (int i = 0; i < 6; i++) {
            assertThat(hit(spread.screen(tx().at(T0.plusDays(10L * i)).build()), "recurring_small_to_cluster")).isEmpty();
        }
    }

    @Test
    void fanOut_manyUnrelatedPayees_fires_familyPayees_mitigated_business_skipped() {
        String rule = "sender_fan_out: {weight: 0.5, windowDays: 30, minClusters: 3, saturationClusters: 6, familyMitigation: 0.8}";
        Screener s = screener(TestBundles.with(rule));
        String[] strangers = {"Ana Reyes", "Liza Torres", "Grace Flores", "Joy Ramos"};
        Assessment last = null;
        for (int i = 0; i < strangers.length; i++) {
            last = s.screen(tx().at(T0.plusDays(i)).beneficiary("B-" + i, "PH", strangers[i]).build());
        }
        Hit strangersHit = hit(last, "sender_fan_out").orElseThrow();
        assertThat(strangersHit.reason()).startsWith("paid 4 distinct payee clusters in source countries in 30 days, none sharing");

        Screener family = screener(TestBundles.with(rule));
        String[] relatives = {"Ana Cruz Smith", "Liza Reyes Smith", "Grace Smith", "Joy Smith"};
        for (int i = 0; i < relatives.length; i++) {
            last = family.screen(tx().at(T0.plusDays(i)).beneficiary("B-" + i, "PH", relatives[i]).build());
        }
        Optional<Hit> familyHit = hit(last, "sender_fan_out");
        assertThat(familyHit).get().satisfies(h -> {
            assertThat(h.subScore()).isLessThan(strangersHit.subScore());
            assertThat(h.reason()).contains("4 share a surname or address (family), mitigated by 80%");
        });

        Screener business = screener(TestBundles.with(rule));
        for (int i = 0; i < strangers.length; i++) {
            last = business.screen(tx().senderType(PartyType.BUSINESS).at(T0.plusDays(i))
                    .beneficiary("B-" + i, "PH", strangers[i]).build());
        }
        assertThat(hit(last, "sender_fan_out")).isEmpty();
    }

    @Test
    void fanIn_manySendersFromSeveralCountries_fires_allowListedOrganisation_mitigated() {
        String rule = "cluster_fan_in: {weight: 0.5, windowDays: 30, minSenders: 4, minSenderCountries: 2, saturationSenders: 8, allowList: charities, allowListMitigation: 0.9}";
        Screener s = screener(TestBundles.with(rule));
        String[] countries = {"AU", "US", "GB", "AU", "US"};
        List<Assessment> a = new ArrayList<>();
        for (int i = 0; i < countries.length; i++) {
            a.add(s.screen(tx().at(T0.plusDays(i)).sender("S-" + i, countries[i], "Sender " + i).build()));
        }
        assertThat(hit(a.get(2), "cluster_fan_in")).isEmpty();
        assertThat(hit(a.get(3), "cluster_fan_in")).get().extracting(Hit::reason).asString()
                .contains("4 distinct senders from 3 countries paid cluster");

        Screener oneCountry = screener(TestBundles.with(rule));
        for (int i = 0; i < 5; i++) {
            assertThat(hit(oneCountry.screen(tx().at(T0.plusDays(i)).sender("S-" + i, "AU", "S " + i).build()),
                    "cluster_fan_in")).isEmpty();
        }

        Screener charity = screener(TestBundles.with(rule));
        Assessment last = null;
        for (int i = 0; i < countries.length; i++) {
            last = charity.screen(tx().at(T0.plusDays(i)).sender("S-" + i, countries[i], "Sender " + i)
                    .beneficiary("B-ORG", "PH", "Bahay Kalinga Foundation").beneficiaryType(PartyType.ORGANIZATION).build());
        }
        Hit mitigated = hit(last, "cluster_fan_in").orElseThrow();
        assertThat(mitigated.subScore()).isLessThan(hit(a.get(4), "cluster_fan_in").orElseThrow().subScore() * 0.2);
        assertThat(mitigated.reason()).contains("allow-listed organisation, mitigated by 90%");
    }

    @Test
    void newRelationship_firstTransfer_thenQuickRepeats_rise_andStopAfterFollowUpDays() {
        Screener s = screener(TestBundles.with("new_relationship: {weight: 0.3, followUpCount: 3, followUpDays: 7}"));
        Hit first = hit(s.screen(tx().at(T0).build()), "new_relationship").orElseThrow();
        assertThat(first.subScore()).isEqualTo(0.6); // also the first transfer to PH
        assertThat(first.reason()).contains("first transfer to cluster").contains("first transfer to PH");
        Hit second = hit(s.screen(tx().at(T0.plusDays(1)).build()), "new_relationship").orElseThrow();
        Hit third = hit(s.screen(tx().at(T0.plusDays(2)).build()), "new_relationship").orElseThrow();
        assertThat(second.subScore()).isGreaterThan(0.6).isLessThan(1.0);
        assertThat(third.subScore()).isEqualTo(1.0);
        assertThat(hit(s.screen(tx().at(T0.plusDays(8)).build()), "new_relationship")).isEmpty();
    }

    @Test
    void escalation_risingTrend_fires_oneJump_doesNot() {
        String rule = "escalation: {weight: 0.3, windowDays: 60, minTransfers: 6, minGrowth: 1.5}";
        Screener s = screener(TestBundles.with(rule));
        String[] rising = {"20.00", "22.00", "20.00", "44.00", "46.00", "50.00"};
        Assessment last = null;
        for (int i = 0; i < rising.length; i++) {
            last = s.screen(tx().at(T0.plusDays(3L * i)).amount(rising[i], "AUD").build());
        }
        assertThat(hit(last, "escalation")).get().extracting(Hit::reason).asString()
                .contains("escalated over the last 6 days of payment in 60 days: median amount 10.00 USD → 23.00 USD");

        Screener jump = screener(TestBundles.with(rule));
        String[] oneJump = {"20.00", "20.00", "20.00", "20.00", "20.00", "300.00"};
        for (int i = 0; i < oneJump.length; i++) {
            last = jump.screen(tx().at(T0.plusDays(3L * i)).amount(oneJump[i], "AUD").build());
        }
        assertThat(hit(last, "escalation")).isEmpty();
    }

    @Test
    void escalation_risingFrequency_fires() {
        Screener s = screener(TestBundles.with("escalation: {weight: 0.3, windowDays: 60, minTransfers: 6, minGrowth: 1.5}"));
        double[] days = {0, 8, 16, 24, 26, 28, 30};
        Assessment last = null;
        for (double d : days) {
            last = s.screen(tx().at(T0.plusSeconds((long) (d * 86400))).build());
        }
        assertThat(hit(last, "escalation")).get().extracting(Hit::reason).asString().contains("median interval 8.0 → 2.0 days");
    }

    @Test
    void oddHours_repeatedNightTransfers_inSenderLocalTime_fire() {
        Screener s = screener(TestBundles.with("odd_hours: {weight: 0.3, startHour: 0, endHour: 5, windowDays: 30, minCount: 3}"));
        OffsetDateTime night = OffsetDateTime.of(2026, 3, 2, 2, 30, 0, 0, ZoneOffset.ofHours(10));
        assertThat(hit(s.screen(tx().at(night).build()), "odd_hours")).isEmpty();
        assertThat(hit(s.screen(tx().at(night.plusDays(1)).build()), "odd_hours")).isEmpty();
        assertThat(hit(s.screen(tx().at(night.plusDays(2)).build()), "odd_hours")).get().extracting(Hit::reason)
                .asString().isEqualTo("3 transfers between 00:00 and 05:00 sender local time in 30 days");
        // the same instants written in UTC are 16:30, not night
        Screener utc = screener(TestBundles.with("odd_hours: {weight: 0.3, startHour: 0, endHour: 5, windowDays: 30, minCount: 3}"));
        for (int i = 0; i < 4; i++) {
            assertThat(hit(utc.screen(tx().at(night.plusDays(i).withOffsetSameInstant(ZoneOffset.UTC)).build()), "odd_hours")).isEmpty();
        }
    }

    @Test
    void oddHours_windowWrappingMidnight() {
        Screener s = screener(TestBundles.with("odd_hours: {weight: 0.3, startHour: 22, endHour: 3, windowDays: 30, minCount: 2}"));
        OffsetDateTime late = OffsetDateTime.of(2026, 3, 2, 23, 0, 0, 0, ZoneOffset.ofHours(-5));
        s.screen(tx().sender("S-9", "US", "Bob Jones").at(late).build());
        assertThat(hit(s.screen(tx().sender("S-9", "US", "Bob Jones").at(late.plusHours(3)).build()), "odd_hours")).isPresent();
        assertThat(hit(s.screen(tx().sender("S-9", "US", "Bob Jones").at(late.plusHours(5)).build()), "odd_hours")).isEmpty();
    }

    @Test
    void coverKeywords_caseAndDiacriticInsensitive_onWordBoundaries() {
        Screener s = screener(TestBundles.with("cover_keywords: {weight: 0.3, lists: [cover_words]}"));
        assertThat(hit(s.screen(tx().purpose("School  FEES for June").build()), "cover_keywords")).get()
                .satisfies(h -> assertThat(h.reason()).isEqualTo("payment reference contains cover phrase 'school fees'"));
        assertThat(hit(s.screen(tx().purpose("a gíft + uniform!").build()), "cover_keywords")).get()
                .satisfies(h -> {
                    assertThat(h.subScore()).isEqualTo(1.0);
                    assertThat(h.reason()).contains("'gift', 'uniform'");
                });
        assertThat(hit(s.screen(tx().purpose("gifted schoolfees").build()), "cover_keywords")).isEmpty();
        assertThat(hit(s.screen(tx().purpose(null).build()), "cover_keywords")).isEmpty();
    }

    @Test
    void roundAmount_multiplesInSendingCurrency_withPerCurrencyOverride() {
        Screener s = screener(TestBundles.with("round_amount: {weight: 0.1, multiple: 10, perCurrency: {JPY: 1000}}"));
        assertThat(hit(s.screen(tx().amount("50.00", "AUD").build()), "round_amount")).isPresent();
        assertThat(hit(s.screen(tx().amount("45.00", "AUD").build()), "round_amount")).isEmpty();
        assertThat(hit(s.screen(tx().amount("50.50", "AUD").build()), "round_amount")).isEmpty();
        assertThat(hit(s.screen(tx().amount("3000", "JPY").build()), "round_amount")).isPresent();
        assertThat(hit(s.screen(tx().amount("2500", "JPY").build()), "round_amount")).isEmpty();
    }

    @Test
    void linkedToAlerted_alertedSenderPaysNewCluster_andAlertedClusterPaidByNewSender() {
        String rules = """
                small_amount: {weight: 0.6, bands: [{min: 1, max: 100, score: 1.0}]}
                corridor_risk: {weight: 0.6}
                linked_to_alerted: {weight: 0.5, windowDays: 90}
                """;
        Screener s = screener(TestBundles.with(rules));
        Assessment alerted = s.screen(tx().sender("S-A", "AU", "Al Bad").beneficiary("B-X", "PH", "Xa Yu").build());
        assertThat(alerted.level()).isEqualTo(org.osecscreener.score.Level.ALERT);
        Assessment newPayee = s.screen(tx().sender("S-A", "AU", "Al Bad").beneficiary("B-Y", "PH", "Yi Zu").plusDays(1).build());
        assertThat(hit(newPayee, "linked_to_alerted")).get().satisfies(h -> {
            assertThat(h.reason()).startsWith("sender reached ALERT on cluster " + alerted.clusterId());
            assertThat(h.evidence()).contains(alerted.transactionId());
        });
        Assessment otherSender = s.screen(tx().sender("S-B", "US", "Bo Cee").beneficiary("B-X", "PH", "Xa Yu").plusDays(2).build());
        assertThat(hit(otherSender, "linked_to_alerted")).get().extracting(Hit::reason).asString()
                .contains("cluster " + alerted.clusterId() + " reached ALERT through another sender");
        Assessment unrelated = s.screen(tx().sender("S-C", "DE", "Cy Dee").beneficiary("B-Z", "PH", "Za Wu").plusDays(2).build());
        assertThat(hit(unrelated, "linked_to_alerted")).isEmpty();
    }

    @Test
    void familySupport_longRegularCadence_sharedSurname_mitigates() {
        String rules = """
                corridor_risk: {weight: 0.5}
                family_support: {mitigation: 0.6, minMonths: 3, maxJitterDays: 5, requireSharedSurname: true}
                """;
        Screener s = screener(TestBundles.with(rules));
        Assessment last = null;
        for (int m = 0; m < 5; m++) {
            last = s.screen(tx().sender("S-F", "AU", "Jose Santos").beneficiary("B-F", "PH", "Maria Cruz Santos")
                    .at(T0.plusDays(30L * m + (m % 2))).amount("300.00", "AUD").build());
        }
        Hit family = hit(last, "family_support").orElseThrow();
        assertThat(family.mitigating()).isTrue();
        assertThat(family.reason()).contains("regular family-support pattern: transfers in 4 months").contains("share a surname");
        assertThat(last.score()).isLessThan(0.5 * 1.0);

        Screener stranger = screener(TestBundles.with(rules));
        for (int m = 0; m < 5; m++) {
            last = stranger.screen(tx().sender("S-G", "AU", "Jose Santos").beneficiary("B-G", "PH", "Liza Torres")
                    .at(T0.plusDays(30L * m)).amount("300.00", "AUD").build());
        }
        assertThat(hit(last, "family_support")).isEmpty();

        Screener burst = screener(TestBundles.with(rules));
        int[] irregular = {0, 1, 2, 3, 30, 31, 33, 60, 75, 76, 77, 110};
        for (int d : irregular) {
            last = burst.screen(tx().sender("S-H", "AU", "Jose Santos").beneficiary("B-H", "PH", "Maria Santos")
                    .at(T0.plusDays(d)).build());
        }
        assertThat(hit(last, "family_support")).isEmpty();
    }
}
