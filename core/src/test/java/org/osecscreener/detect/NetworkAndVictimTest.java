package org.osecscreener.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osecscreener.detect.DetectorsTest.hit;
import static org.osecscreener.detect.Tx.tx;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.Level;
import org.osecscreener.score.Screening;
import org.osecscreener.screen.Screener;

/**
 * Payee clusters as risk entities (look-back and look-forward), the analyst queue, and the
 * sextortion victim side, with the default rule pack.
 */
class NetworkAndVictimTest {
    static final OffsetDateTime NIGHT = OffsetDateTime.of(2026, 3, 2, 22, 30, 0, 0, ZoneOffset.ofHours(-5));
    static final String[] RING = {"Ana Lopez Garcia", "Liza Cruz Mendoza", "Joy Reyes Bautista", "Rosa Dizon Flores"};

    static Screener pack() {
        try {
            return Screener.builder().bundle(RuleBundleLoader.defaultBundle()).build();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A payment to ring member {@code m} (four names behind one phone). */
    static Transaction toRing(String sender, String country, String name, int m, double days) {
        return tx().sender(sender, country, name).beneficiary("B-R" + m, "PH", RING[m]).beneficiaryPhone("0917 555 0101")
                .at(NIGHT.plusMinutes((long) (days * 1440))).amount("60.00", "AUD").build();
    }

    /** The ring's traffic: S-A pays twice, a relative of a member pays, then S-B, S-C and S-D. */
    static List<Transaction> ringTraffic() {
        List<Transaction> txs = new ArrayList<>();
        txs.add(toRing("S-A", "US", "John Brown", 0, 0));
        txs.add(toRing("S-A", "US", "John Brown", 1, 3));
        txs.add(toRing("S-R", "US", "Carlos Flores", 3, 4));   // shares the surname of the member he pays
        txs.add(toRing("S-B", "GB", "Peter Hall", 2, 5));
        txs.add(toRing("S-B", "GB", "Peter Hall", 0, 7));
        txs.add(toRing("S-C", "AU", "Mark Jones", 1, 8));      // the third unrelated sender
        txs.add(toRing("S-A", "US", "John Brown", 0, 12));     // after the cluster alert
        txs.add(toRing("S-D", "CA", "Paul King", 2, 14));      // a new payer
        return txs;
    }

    @Test
    void ring_reachesAlert_lookBackAlertsEarlierPayersOnce_laterPayersOnFirstPayment() {
        Screener s = pack();
        List<Screening> out = new ArrayList<>();
        List<Transaction> txs = ringTraffic();
        for (Transaction t : txs) {
            out.add(s.screenAll(t));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(out.get(i).cluster()).as("no cluster level before the third unrelated sender (tx %d)", i).isNull();
            assertThat(out.get(i).lookBack()).isEmpty();
        }
        Screening tipping = out.get(5);
        assertThat(tipping.cluster()).isNotNull();
        assertThat(tipping.cluster().level()).isEqualTo(Level.ALERT);
        assertThat(tipping.cluster().hits()).extracting(h -> h.ruleId())
                .contains("cluster_payee_names", "cluster_late_hours");
        assertThat(tipping.cluster().relatedSenders()).isEqualTo(1);
        String clusterAlert = tipping.cluster().alertId();

        // S-A paid twice before: alerted once, naming the cluster alert, with its own two transfers as evidence
        assertThat(tipping.lookBack()).extracting(Assessment::senderId).containsExactlyInAnyOrder("S-A", "S-B");
        Assessment lookA = tipping.lookBack().stream().filter(a -> a.senderId().equals("S-A")).findFirst().orElseThrow();
        assertThat(lookA.kind()).isEqualTo(AssessmentKind.LOOK_BACK);
        assertThat(lookA.level()).isEqualTo(Level.ALERT);
        assertThat(lookA.clusterAlertId()).isEqualTo(clusterAlert);
        assertThat(lookA.transactionId()).as("S-A's latest transfer to the cluster").isEqualTo(txs.get(1).id());
        assertThat(lookA.timestamp().toInstant()).isEqualTo(NIGHT.plusDays(3).toInstant());
        assertThat(lookA.hits()).singleElement().satisfies(h -> {
            assertThat(h.ruleId()).isEqualTo("cluster_alert");
            assertThat(h.evidence()).containsExactly(txs.get(0).id(), txs.get(1).id());
            assertThat(h.reason()).contains("reached ALERT", clusterAlert, "this sender paid it 2 times");
        });
        assertThat(tipping.cluster().lookBack()).containsExactlyInAnyOrder("S-A", "S-B");
        // the paying sender of the tipping transfer is alerted on the transfer itself (look-forward)
        assertThat(tipping.assessment().level()).isEqualTo(Level.ALERT);
        assertThat(tipping.assessment().clusterAlertId()).isEqualTo(clusterAlert);

        // S-A pays again: alerted on the payment, in the same queue item, and never looked back again
        Screening again = out.get(6);
        assertThat(again.lookBack()).isEmpty();
        assertThat(again.assessment().level()).isEqualTo(Level.ALERT);
        assertThat(hit(again.assessment(), "cluster_alert")).isPresent();
        assertThat(again.assessment().alertId()).isEqualTo(lookA.alertId());
        // a new payer is alerted on its first payment
        Assessment first = out.get(7).assessment();
        assertThat(first.level()).isEqualTo(Level.ALERT);
        assertThat(first.clusterAlertId()).isEqualTo(clusterAlert);
        // the relative of a member is never alerted through the cluster
        assertThat(out).flatExtracting(Screening::assessments).filteredOn(a -> a.senderId().equals("S-R"))
                .allSatisfy(a -> assertThat(a.level()).isEqualTo(Level.NONE));
    }

    @Test
    void replay_givesTheSameIds() {
        Supplier<List<String>> run = () -> {
            Screener s = pack();
            List<String> ids = new ArrayList<>();
            for (Transaction t : ringTraffic()) {
                Screening sc = s.screenAll(t);
                sc.assessments().forEach(a -> ids.add(a.kind() + ":" + a.senderId() + ":" + a.alertId()));
                if (sc.cluster() != null) {
                    ids.add("cluster:" + sc.cluster().alertId());
                }
            }
            return ids;
        };
        List<String> first = run.get();
        assertThat(first).anyMatch(id -> id.startsWith("LOOK_BACK:S-A:A-"));
        assertThat(run.get()).isEqualTo(first);
    }

    /** The ring's traffic at {@code hour} in each sender's own time, every payment repeated a day later. */
    static List<Transaction> ringTrafficAt(int hour) {
        List<Transaction> txs = new ArrayList<>();
        for (Transaction t : ringTraffic().subList(0, 6)) {
            OffsetDateTime at = t.timestamp().withHour(hour);
            for (int repeat = 0; repeat < 2; repeat++) {
                txs.add(tx().id(t.id() + "-" + repeat).sender(t.sender().id(), t.sender().country(), t.sender().name())
                        .beneficiary(t.beneficiary().id(), "PH", t.beneficiary().name()).beneficiaryPhone("0917 555 0101")
                        .at(at.plusDays(repeat)).amount("60.00", "AUD").build());
            }
        }
        return txs;
    }

    /** The highest level the cluster reached over {@code txs}, screened with {@code bundle}. */
    static Level clusterLevel(org.osecscreener.rules.RuleBundle bundle, List<Transaction> txs) throws Exception {
        Screener s = Screener.builder().bundle(bundle).build();
        Level max = Level.NONE;
        for (Transaction t : txs) {
            Screening sc = s.screenAll(t);
            if (sc.cluster() != null && sc.cluster().level().compareTo(max) > 0) {
                max = sc.cluster().level();
            }
            if (max != Level.ALERT) {
                assertThat(sc.lookBack()).as("no look-back below a cluster ALERT").isEmpty();
            }
        }
        return max;
    }

    @Test
    void sharedPhonePaidInDaytime_staysAtReview_withoutLateHoursOrAlertedSenders() throws Exception {
        org.osecscreener.rules.RuleBundle pack = RuleBundleLoader.defaultBundle();
        assertThat(pack.clusterRisk().alertRequiresAny()).containsExactly("lateHours", "alertedSenders");
        String text = new String(RuleBundleLoader.defaultBundleText(), java.nio.charset.StandardCharsets.UTF_8);
        String without = text.replaceFirst("(?m)^  alertRequiresAny: .*$", "  alertRequiresAny: []");
        assertThat(without).isNotEqualTo(text);
        org.osecscreener.rules.RuleBundle noRequirement = new RuleBundleLoader().load("no-requirement.yaml",
                without.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // names behind one phone, senders who come back: enough for ALERT by score and patterns alone
        assertThat(clusterLevel(noRequirement, ringTrafficAt(13))).isEqualTo(Level.ALERT);
        // in daytime, with no sender alerted on its own, the pack keeps the cluster at REVIEW: no look-back
        assertThat(clusterLevel(pack, ringTrafficAt(13))).isEqualTo(Level.REVIEW);
        // the same payments late at night reach ALERT
        assertThat(clusterLevel(pack, ringTrafficAt(23))).isEqualTo(Level.ALERT);
    }

    @Test
    void shop_paidOnceByManyForeignBuyersInDaytime_isNeverAClusterAlert() {
        Screener s = pack();
        String[][] buyers = {{"S-1", "US", "Amy Clark"}, {"S-2", "GB", "Ben Lee"}, {"S-3", "AU", "Cara Diaz"},
                {"S-4", "CA", "Dan Moore"}, {"S-5", "US", "Eve Scott"}, {"S-6", "DE", "Finn Weber"}, {"S-7", "US", "Gail Ross"},
                {"S-8", "GB", "Hugh Ford"}, {"S-9", "AU", "Ivy Wood"}, {"S-10", "US", "Jack Hill"}};
        for (int i = 0; i < buyers.length; i++) {
            Screening sc = s.screenAll(tx().sender(buyers[i][0], buyers[i][1], buyers[i][2])
                    .beneficiary("B-SHOP", "PH", "Maricel Santos Ramos").beneficiaryPhone("0918 555 0202")
                    .at(NIGHT.withHour(13).plusDays(i)).purpose("order #" + (1000 + i)).amount("37.45", "AUD").build());
            assertThat(sc.cluster()).as("buyer %d", i).isNull();
            assertThat(sc.lookBack()).isEmpty();
            assertThat(sc.assessment().level()).isEqualTo(Level.NONE);
        }
    }

    @Test
    void queue_oneItemPerSenderWhileUpdatesCome_aNewOneAfterThePeriod() {
        Screener s = pack();
        List<Screening> ring = new ArrayList<>();
        for (Transaction t : ringTraffic()) {
            ring.add(s.screenAll(t));
        }
        String itemA = ring.get(6).assessment().alertId();
        // S-A keeps paying every 20 days: the same item
        Assessment later = s.screen(toRing("S-A", "US", "John Brown", 1, 32));
        assertThat(later.alertId()).isEqualTo(itemA);
        Assessment later2 = s.screen(toRing("S-A", "US", "John Brown", 2, 52));
        assertThat(later2.alertId()).isEqualTo(itemA);
        // 31 quiet days later, within the cluster's look-forward: a new item
        Assessment after = s.screen(toRing("S-A", "US", "John Brown", 3, 84));
        assertThat(after.level()).isEqualTo(Level.ALERT);
        assertThat(after.alertId()).isNotEqualTo(itemA);
        // the cluster has its own item, distinct from every sender's
        assertThat(ring.get(5).cluster().alertId()).isNotIn(itemA, ring.get(5).assessment().alertId());
    }

    // -- sextortion, victim side -------------------------------------------------------------

    static Transaction toScammer(String sender, String country, String recipient, String recipientName, double hours,
                                 String amount, String purpose) {
        return tx().sender(sender, "US", "Kyle Turner").beneficiary(recipient, country, recipientName)
                .at(NIGHT.plusMinutes((long) (hours * 60))).amount(amount, "AUD").purpose(purpose).build();
    }

    @Test
    void sextortion_burstToNewRecipient_isAVictimAlert_neverAnOsecHit() {
        Screener s = pack();
        Screening one = s.screenAll(toScammer("S-V", "NG", "B-NG1", "Chinedu Okafor", 0, "150.00", null));
        Screening two = s.screenAll(toScammer("S-V", "NG", "B-NG1", "Chinedu Okafor", 5, "300.00", "ok"));
        Screening three = s.screenAll(toScammer("S-V", "NG", "B-NG1", "Chinedu Okafor", 20, "600.00", null));
        assertThat(one.victim()).isNull();
        assertThat(two.victim()).isNotNull();
        assertThat(two.victim().kind()).isEqualTo(AssessmentKind.SEXTORTION_VICTIM);
        assertThat(two.victim().level()).isEqualTo(Level.REVIEW);
        assertThat(three.victim().level()).isEqualTo(Level.ALERT);
        assertThat(three.victim().alertId()).isEqualTo(two.victim().alertId());
        assertThat(three.victim().hits()).singleElement().satisfies(h -> {
            assertThat(h.ruleId()).isEqualTo("sextortion_victim");
            assertThat(h.reason()).contains("may be the victim", "3 person-to-person payments", "within 20 hours", "NG");
            assertThat(h.evidence()).hasSize(3);
        });
        for (Screening sc : List.of(one, two, three)) {
            assertThat(sc.assessment().hits()).noneMatch(h -> h.ruleId().equals("sextortion_victim"));
            assertThat(sc.assessment().alertId()).isNotEqualTo(three.victim().alertId());
        }
    }

    @Test
    void sextortion_doesNotFire_onPurchases_knownRecipients_otherCountries_relatives_orKnownCountries() {
        Screener s = pack();
        // buying twice from an online seller
        s.screenAll(toScammer("S-1", "PH", "B-1", "Maricel Ramos", 0, "40.00", "order #5521"));
        assertThat(s.screenAll(toScammer("S-1", "PH", "B-1", "Maricel Ramos", 2, "25.00", "order #5522 shipping")).victim()).isNull();
        // a recipient paid before the window: a prior link
        s.screenAll(toScammer("S-2", "NG", "B-2", "Ada Eze", 0, "100.00", null));
        s.screenAll(toScammer("S-2", "NG", "B-2", "Ada Eze", 24 * 10, "100.00", null));
        assertThat(s.screenAll(toScammer("S-2", "NG", "B-2", "Ada Eze", 24 * 10 + 3, "100.00", null)).victim()).isNull();
        // a country that is not a jurisdiction of concern
        s.screenAll(toScammer("S-3", "TH", "B-3", "Somchai Dee", 0, "100.00", null));
        assertThat(s.screenAll(toScammer("S-3", "TH", "B-3", "Somchai Dee", 3, "100.00", null)).victim()).isNull();
        // a relative
        s.screenAll(toScammer("S-4", "GH", "B-4", "Ama Turner", 0, "100.00", null));
        assertThat(s.screenAll(toScammer("S-4", "GH", "B-4", "Ama Turner", 3, "100.00", null)).victim()).isNull();
        // a family paying two members of one household (one cluster: a shared phone) at once
        s.screenAll(tx().sender("S-6", "US", "Mira Gill").beneficiary("B-6a", "PH", "Joy Natingan Alvana")
                .beneficiaryPhone("0917 555 0606").at(NIGHT).amount("100.00", "AUD").build());
        assertThat(s.screenAll(tx().sender("S-6", "US", "Mira Gill").beneficiary("B-6b", "PH", "Ronaldo Alvana")
                .beneficiaryPhone("0917 555 0606").at(NIGHT.plusMinutes(8)).amount("114.00", "AUD").build()).victim()).isNull();
        // the customer pays someone else in that country already
        s.screenAll(toScammer("S-5", "NG", "B-5a", "Uche Obi", 0, "100.00", null));
        s.screenAll(toScammer("S-5", "NG", "B-5b", "Ngozi Ibe", 24 * 5, "100.00", null));
        assertThat(s.screenAll(toScammer("S-5", "NG", "B-5b", "Ngozi Ibe", 24 * 5 + 2, "100.00", null)).victim()).isNull();
    }

    @Test
    void possibleVictims_areNeverAlertedAsOffendersThroughACluster() {
        Screener s = pack();
        // a victim pays a ring member three times within a day, before the ring reaches ALERT
        List<Screening> v = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            v.add(s.screenAll(tx().sender("S-VIC", "US", "Kyle Turner").beneficiary("B-R0", "PH", RING[0])
                    .beneficiaryPhone("0917 555 0101").at(NIGHT.minusDays(2).plusHours(k)).amount("100.00", "AUD").build()));
        }
        assertThat(v.get(2).victim()).isNotNull();
        List<Screening> out = new ArrayList<>();
        for (Transaction t : ringTraffic()) {
            out.add(s.screenAll(t));
        }
        assertThat(out).flatExtracting(Screening::lookBack).extracting(Assessment::senderId).doesNotContain("S-VIC");
        assertThat(out.get(5).cluster().victimSenders()).isEqualTo(1);
    }
}
