package org.osecscreener.tools.secondopinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osecscreener.tools.secondopinion.Generated.numbers;
import static org.osecscreener.tools.secondopinion.Generated.senders;
import static org.osecscreener.tools.secondopinion.Generated.usd;
import static org.osecscreener.tools.secondopinion.Generated.words;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.model.Transaction;

/** The defining properties of the scenarios, checked on a generated run of 110,000 transactions. */
class SecondOpinionScenariosTest {

    private static int hour(Transaction t) {
        return t.timestamp().getHour();
    }

    private static Set<Party> payees(List<Transaction> txs) {
        return txs.stream().map(Transaction::beneficiary).collect(Collectors.toSet());
    }

    @Test
    void everyScenario_isPresentAt110k_inMeaningfulNumbers() {
        for (SecondOpinionScenario s : SecondOpinionScenario.values()) {
            Map<String, List<Transaction>> m = senders(s);
            assertThat(m.size()).as("senders of %s", s.scenarioName()).isGreaterThanOrEqualTo(3);
            assertThat(m.values().stream().mapToInt(List::size).sum()).as("transactions of %s", s.scenarioName()).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void offenders_victims_andLegitimateSenders_haveTheDocumentedShares() {
        int all = Generated.bySender().size();
        long offenders = Generated.bySender().values().stream().filter(t -> t.get(0).label().osec()).count();
        long victims = Generated.bySender().values().stream().filter(t -> t.get(0).label().scenario().startsWith("sextortion")).count();
        // docs/second-opinion.md: offenders about 2.8% of senders, victims about 0.4%, legitimate about 96.8%.
        assertThat(offenders / (double) all).isBetween(0.022, 0.035);
        assertThat(victims / (double) all).isBetween(0.003, 0.0055);
        assertThat((all - offenders - victims) / (double) all).isBetween(0.95, 0.99);
        long osecTx = Generated.sample().stream().filter(t -> t.label().osec()).count();
        assertThat(osecTx / (double) Generated.N).as("share of OSEC transactions").isBetween(0.02, 0.045);
    }

    @Test
    void ringCustomers_areHeavyTailed_likeAic_mostPayAFewTimes_topThreePercentMakeAboutHalf() {
        List<Integer> counts = new ArrayList<>(senders(SecondOpinionScenario.RING_CUSTOMER).values().stream().map(List::size).toList());
        counts.sort(Collections.reverseOrder());
        long few = counts.stream().filter(c -> c <= 3).count();
        assertThat(few / (double) counts.size()).as("customers paying at most three times").isBetween(0.68, 0.82);
        int top = (int) Math.round(counts.size() * 0.03);
        double topShare = counts.subList(0, top).stream().mapToInt(Integer::intValue).sum()
                / (double) counts.stream().mapToInt(Integer::intValue).sum();
        assertThat(topShare).as("share of payments by the top 3%").isBetween(0.38, 0.62);
    }

    @Test
    void heavyTailCounts_followTheAicShape_inTheLarge() {
        int[] k = Offenders.heavyTailCounts(new Rng(5, 0, 0), 100_000);
        java.util.Arrays.sort(k);
        long total = java.util.Arrays.stream(k).asLongStream().sum();
        long top = 0;
        for (int i = k.length - 3000; i < k.length; i++) {
            top += k[i];
        }
        assertThat(k[k.length / 2]).as("median").isBetween(1, 2);
        assertThat(top / (double) total).as("top 3% share").isBetween(0.45, 0.55);
        assertThat(total / (double) k.length).as("mean payments").isBetween(5.5, 7.0);
    }

    @Test
    void rings_spreadReceiptsOverDistinctNames_thatShareAnIdentifier() {
        World w = new World(4);
        List<Offenders.Ring> rings = Offenders.rings(w, 200);
        int multi = 0;
        for (Offenders.Ring ring : rings) {
            if (ring.members.size() < 2) {
                continue;
            }
            multi++;
            assertThat(ring.members.stream().map(Party::name).distinct().count()).as("distinct names in a %s ring", ring.link).isGreaterThan(1);
            assertThat(ring.members.stream().map(Party::id).distinct().count()).isEqualTo(ring.members.size());
            for (Party m : ring.members) {
                boolean linked = ring.members.stream().anyMatch(o -> o != m && shareIdentifier(m, o));
                assertThat(linked).as("member %s of a %s ring shares an identifier with another member", m.id(), ring.link).isTrue();
            }
        }
        assertThat(multi).isBetween(150, 190);
        // Identifiers are written in varied forms inside one ring.
        long ringsWithMixedPhoneForms = rings.stream().filter(r -> r.members.stream().map(Party::phone).filter(p -> p != null)
                .map(p -> p.replaceAll("[0-9]", "9")).distinct().count() > 1).count();
        assertThat(ringsWithMixedPhoneForms).isGreaterThan(50);
    }

    private static final Pattern AGENT = Pattern.compile("(\\d{4,5})");

    private static String agent(String pickup) {
        if (pickup == null) {
            return null;
        }
        Matcher m = AGENT.matcher(pickup);
        return m.find() ? m.group(1) : null;
    }

    private static String address(String a) {
        if (a == null) {
            return null;
        }
        return a.toUpperCase(java.util.Locale.ROOT).replace("BARANGAY ", "BRGY ").replace("BRGY. ", "BRGY ").replace("BLK ", "B")
                .replace(" LOT ", " L").replaceAll("[,.]", "").replaceAll("\\s+", " ").trim();
    }

    private static boolean shareIdentifier(Party a, Party b) {
        for (String n : numbers(a)) {
            if (numbers(b).contains(n)) {
                return true;
            }
        }
        String pa = agent(a.pickupLocation());
        if (pa != null && pa.equals(agent(b.pickupLocation()))) {
            return true;
        }
        String aa = address(a.address());
        return aa != null && aa.equals(address(b.address()));
    }

    @Test
    void ringCustomers_payLinkedPayees_eachGroupPaidByManyUnrelatedSenders() {
        Map<String, Set<String>> namesByNumber = new HashMap<>();
        Map<String, Set<String>> sendersByNumber = new HashMap<>();
        for (List<Transaction> txs : senders(SecondOpinionScenario.RING_CUSTOMER).values()) {
            for (Transaction t : txs) {
                for (String n : numbers(t.beneficiary())) {
                    namesByNumber.computeIfAbsent(n, k -> new HashSet<>()).add(t.beneficiary().name());
                    sendersByNumber.computeIfAbsent(n, k -> new HashSet<>()).add(t.sender().id());
                }
            }
        }
        long linkedGroups = namesByNumber.entrySet().stream()
                .filter(e -> e.getValue().size() >= 2 && sendersByNumber.get(e.getKey()).size() >= 3).count();
        assertThat(linkedGroups).as("numbers shared by two or more payee names, paid by three or more ring customers").isGreaterThanOrEqualTo(2);
    }

    @Test
    void sextortionVictims_payABurstWithinDays_toANewRecipientAbroad_thenStop() {
        Map<String, List<Transaction>> victims = senders(SecondOpinionScenario.SEXTORTION_VICTIM);
        int firstUnder250 = 0;
        int bursts = 0;
        for (List<Transaction> txs : victims.values()) {
            List<Transaction> burst = txs.stream().filter(t -> !t.beneficiary().country().equals(t.sender().country())).toList();
            if (burst.isEmpty()) {
                continue;   // the whole burst fell after the end of the year
            }
            bursts++;
            Transaction first = burst.get(0);
            Transaction last = burst.get(burst.size() - 1);
            assertThat(Duration.between(first.timestamp(), last.timestamp())).as("burst of %s", first.sender().id())
                    .isLessThanOrEqualTo(Duration.ofDays(5));
            Set<String> recipients = burst.stream().map(t -> t.beneficiary().id()).collect(Collectors.toSet());
            assertThat(recipients.size()).isBetween(1, 2);
            for (Transaction t : txs) {
                boolean toRecipient = recipients.contains(t.beneficiary().id());
                if (t.epochMillis() < first.epochMillis() || t.epochMillis() > last.epochMillis()) {
                    assertThat(toRecipient).as("%s pays the recipient only during the burst", t.id()).isFalse();
                }
            }
            for (Transaction t : burst) {
                assertThat(t.beneficiary().country()).isIn("NG", "CI", "PH", "GH");
                assertThat(words(t.beneficiary().name())).doesNotContainAnyElementsOf(words(t.sender().name()));
                assertThat(usd(t) * 0.92).as("euros of %s", t.id()).isLessThanOrEqualTo(2_600);
            }
            if (usd(first) * 0.92 <= 250) {
                firstUnder250++;
            }
        }
        assertThat(bursts).isGreaterThan(victims.size() * 9 / 10);
        assertThat(firstUnder250 / (double) bursts).as("first payment under 250 EUR").isGreaterThan(0.9);
    }

    @Test
    void inlaws_shareNoSurnameWithTheSender() {
        for (List<Transaction> txs : senders(SecondOpinionScenario.INLAW_SUPPORT).values()) {
            List<String> sender = words(txs.get(0).sender().name());
            for (Party p : payees(txs)) {
                assertThat(words(p.name())).as("in-law %s of %s", p.name(), txs.get(0).sender().name()).doesNotContainAnyElementsOf(sender);
            }
        }
    }

    @Test
    void shopBuyers_payOneSellerAtMostTwice_withAnOrderReference_inDaytime() {
        Pattern ref = Pattern.compile("(?i).*\\b(order|inv|ord)\\W*[#0-9].*|(?i)inv-[0-9-]+|ord[0-9]+");
        Map<String, Set<String>> buyersBySeller = new HashMap<>();
        for (List<Transaction> txs : senders(SecondOpinionScenario.SHOP_BUYER).values()) {
            assertThat(txs.size()).isBetween(1, 2);
            assertThat(payees(txs)).hasSize(1);
            for (Transaction t : txs) {
                assertThat(t.purpose()).matches(ref);
                assertThat(hour(t)).isBetween(9, 19);
                buyersBySeller.computeIfAbsent(t.beneficiary().id(), k -> new HashSet<>()).add(t.sender().id());
            }
        }
        assertThat(buyersBySeller.values().stream().mapToInt(Set::size).max().orElse(0)).as("buyers of the busiest seller").isGreaterThan(50);
    }

    @Test
    void lowAndSlow_underA55_atIntervalsUnder20Days_lateEvening_onePayee() {
        double audPerUsd = Places.of("AU").perUsd();
        int late = 0;
        int all = 0;
        for (List<Transaction> txs : senders(SecondOpinionScenario.LOW_AND_SLOW).values()) {
            assertThat(payees(txs)).hasSize(1);
            for (int i = 0; i < txs.size(); i++) {
                Transaction t = txs.get(i);
                assertThat(usd(t) * audPerUsd).as("A$ of %s", t.id()).isLessThan(55.5);
                if (i > 0) {
                    assertThat(Duration.between(txs.get(i - 1).timestamp(), t.timestamp())).isLessThan(Duration.ofDays(20));
                }
                all++;
                late += hour(t) >= 20 ? 1 : 0;
            }
            assertThat(Duration.between(txs.get(0).timestamp(), txs.get(txs.size() - 1).timestamp())).isGreaterThan(Duration.ofDays(60));
        }
        assertThat(late / (double) all).as("payments after 20:00 local").isGreaterThan(0.85);
    }

    @Test
    void prolificPayers_payA20to80_aboutTwoADayWhenTheyPay() {
        double audPerUsd = Places.of("AU").perUsd();
        for (List<Transaction> txs : senders(SecondOpinionScenario.PROLIFIC_PAYER).values()) {
            assertThat(txs.size()).isBetween(150, 400);
            long days = txs.stream().map(t -> t.timestamp().toLocalDate()).distinct().count();
            assertThat(txs.size() / (double) days).as("payments per paying day").isBetween(1.5, 2.5);
            for (Transaction t : txs) {
                assertThat(usd(t) * audPerUsd).isBetween(15.0, 90.0);
                assertThat(t.beneficiary().country()).isNotEqualTo(t.sender().country());
            }
        }
    }

    @Test
    void escalation_paysMoreAndMoreOften() {
        for (List<Transaction> txs : senders(SecondOpinionScenario.ESCALATION).values()) {
            int half = txs.size() / 2;
            double early = txs.subList(0, half).stream().mapToDouble(Generated::usd).average().orElse(0);
            double late = txs.subList(half, txs.size()).stream().mapToDouble(Generated::usd).average().orElse(0);
            assertThat(late).as("later payments of %s", txs.get(0).sender().id()).isGreaterThan(1.5 * early);
            Duration firstHalf = Duration.between(txs.get(0).timestamp(), txs.get(half).timestamp());
            Duration secondHalf = Duration.between(txs.get(half).timestamp(), txs.get(txs.size() - 1).timestamp());
            assertThat(secondHalf).as("the same number of payments takes less time").isLessThan(firstHalf);
        }
    }

    @Test
    void fanOut_paysSeveralBeneficiariesAbroad_noneSharingTheSendersName() {
        for (List<Transaction> txs : senders(SecondOpinionScenario.FAN_OUT).values()) {
            Set<Party> ps = payees(txs);
            assertThat(ps.size()).isBetween(3, 8);
            for (Party p : ps) {
                assertThat(p.country()).isNotEqualTo(txs.get(0).sender().country());
                assertThat(words(p.name())).doesNotContainAnyElementsOf(words(txs.get(0).sender().name()));
            }
        }
    }

    @Test
    void coverStory_roundAmounts_coverPhrases_onePayee() {
        Set<String> cover = Set.of(World.COVER);
        for (List<Transaction> txs : senders(SecondOpinionScenario.COVER_STORY).values()) {
            assertThat(payees(txs)).hasSize(1);
            assertThat(words(txs.get(0).beneficiary().name())).doesNotContainAnyElementsOf(words(txs.get(0).sender().name()));
            for (Transaction t : txs) {
                assertThat(cover).contains(t.purpose());
                assertThat(t.amount().toBigDecimal().stripTrailingZeros().scale()).as("whole amount %s", t.amount()).isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void nightShiftWorkers_sendWeekly_atNightHours() {
        int night = 0;
        int all = 0;
        for (List<Transaction> txs : senders(SecondOpinionScenario.NIGHT_SHIFT_WORKER).values()) {
            assertThat(txs.size()).isBetween(35, 56);
            for (Transaction t : txs) {
                all++;
                night += hour(t) >= 23 || hour(t) < 7 ? 1 : 0;
            }
        }
        assertThat(night / (double) all).isGreaterThan(0.75);
    }

    @Test
    void seafarers_stampShipsTime_thatChangesWithThePorts() {
        Map<String, List<Transaction>> m = senders(SecondOpinionScenario.SEAFARER);
        long moving = m.values().stream().filter(txs -> txs.stream().map(t -> t.timestamp().getOffset()).distinct().count() >= 2).count();
        assertThat(moving / (double) m.size()).isGreaterThan(0.8);
    }

    @Test
    void weeklyFamilySupport_isUS20to50_aboutEveryWeek_toOneParent() {
        for (List<Transaction> txs : senders(SecondOpinionScenario.FAMILY_WEEKLY).values()) {
            assertThat(payees(txs)).hasSize(1);
            for (Transaction t : txs) {
                assertThat(usd(t)).as("US$ of %s", t.id()).isBetween(15.0, 60.0);
            }
        }
    }

    @Test
    void monthlyFamilySupport_isUS100to600_toOneToThreeRelatives() {
        for (List<Transaction> txs : senders(SecondOpinionScenario.FAMILY_MONTHLY).values()) {
            assertThat(payees(txs).size()).isBetween(1, 3);
            Party first = txs.get(0).beneficiary();
            for (Transaction t : txs) {
                // The first relative gets US$100-600, others less; rounding in the sender's currency moves it a little.
                assertThat(usd(t)).as("US$ of %s", t.id()).isBetween(t.beneficiary().equals(first) ? 80.0 : 25.0, 700.0);
                assertThat(t.beneficiary().country()).isNotEqualTo(t.sender().country());
            }
        }
    }

    @Test
    void decemberGifts_payFiveOrMoreRelatives_between10And24December() {
        for (List<Transaction> txs : senders(SecondOpinionScenario.DECEMBER_GIFTS).values()) {
            Set<String> gifted = txs.stream().filter(t -> t.timestamp().getMonth() == Month.DECEMBER && t.timestamp().getDayOfMonth() >= 10
                    && t.timestamp().getDayOfMonth() <= 24).map(t -> t.beneficiary().id()).collect(Collectors.toSet());
            assertThat(gifted.size()).as("relatives paid by %s between 10 and 24 December", txs.get(0).sender().id()).isGreaterThanOrEqualTo(5);
            assertThat(payees(txs).size()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void payroll_isABusinessPayingManyContractors() {
        for (List<Transaction> txs : senders(SecondOpinionScenario.PAYROLL).values()) {
            assertThat(txs.get(0).sender().type()).isEqualTo(PartyType.BUSINESS);
            assertThat(payees(txs).size()).isGreaterThanOrEqualTo(12);
            assertThat(payees(txs)).allSatisfy(p -> assertThat(p.type()).isEqualTo(PartyType.PERSON));
            assertThat(txs).allSatisfy(t -> assertThat(t.timestamp().toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(18, 30)));
        }
    }

    @Test
    void charities_andSchools_areOrganisations() {
        for (List<Transaction> txs : senders(SecondOpinionScenario.CHARITY_DONOR).values()) {
            assertThat(payees(txs)).allSatisfy(p -> assertThat(p.type()).isEqualTo(PartyType.ORGANIZATION));
        }
        for (List<Transaction> txs : senders(SecondOpinionScenario.TUITION_SCHOOL).values()) {
            List<Transaction> toSchool = txs.stream().filter(t -> t.beneficiary().type() == PartyType.ORGANIZATION).toList();
            assertThat(toSchool).isNotEmpty().allSatisfy(t -> assertThat(t.purpose()).containsAnyOf("school", "tuition", "enrolment"));
        }
    }

    @Test
    void tuitionToARelative_isLargerThanTheMonthlySupport_andMostlySharesTheSurname() {
        int sharing = 0;
        Map<String, List<Transaction>> m = senders(SecondOpinionScenario.TUITION_RELATIVE);
        for (List<Transaction> txs : m.values()) {
            List<Transaction> tuition = txs.stream().filter(t -> t.purpose() != null
                    && (t.purpose().contains("tuition") || t.purpose().contains("school") || t.purpose().contains("books"))).toList();
            assertThat(tuition).hasSizeGreaterThanOrEqualTo(1);
            if (!Collections.disjoint(words(tuition.get(0).beneficiary().name()), words(txs.get(0).sender().name()))) {
                sharing++;
            }
        }
        assertThat(sharing / (double) m.size()).as("students sharing a name with the sender").isGreaterThan(0.6);
    }

    @Test
    void siblingsSharingAPhone_areSeveralNamesOnOneNumber_eachPaidByADifferentSender() {
        Map<String, Set<String>> names = new HashMap<>();
        Map<String, Set<String>> payers = new HashMap<>();
        for (List<Transaction> txs : senders(SecondOpinionScenario.SIBLINGS_SHARED_PHONE).values()) {
            assertThat(payees(txs)).hasSize(1);
            for (String n : numbers(txs.get(0).beneficiary())) {
                names.computeIfAbsent(n, k -> new HashSet<>()).add(txs.get(0).beneficiary().name());
                payers.computeIfAbsent(n, k -> new HashSet<>()).add(txs.get(0).sender().id());
            }
        }
        long shared = names.entrySet().stream().filter(e -> e.getValue().size() >= 2 && payers.get(e.getKey()).size() >= 2).count();
        assertThat(shared).as("household numbers shared by two or more names and payers").isGreaterThan(20);
    }

    @Test
    void hubAgent_isSharedByManyUnrelatedPayees() {
        Map<String, Set<String>> payeesByAgent = new HashMap<>();
        for (List<Transaction> txs : senders(SecondOpinionScenario.HUB_AGENT_FAMILY).values()) {
            for (Party p : payees(txs)) {
                payeesByAgent.computeIfAbsent(agent(p.pickupLocation()), k -> new HashSet<>()).add(p.id());
            }
        }
        assertThat(payeesByAgent.values().stream().mapToInt(Set::size).max().orElse(0)).isGreaterThan(50);
    }

    @Test
    void newPartners_payANewUnrelatedPayee_roundAmounts() {
        for (List<Transaction> txs : senders(SecondOpinionScenario.NEW_PARTNER_SUPPORT).values()) {
            assertThat(payees(txs)).hasSize(1);
            assertThat(words(txs.get(0).beneficiary().name())).doesNotContainAnyElementsOf(words(txs.get(0).sender().name()));
            assertThat(txs).allSatisfy(t -> assertThat(usd(t)).isBetween(30.0, 330.0));
        }
    }
}
