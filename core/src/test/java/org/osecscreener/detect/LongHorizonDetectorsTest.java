package org.osecscreener.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osecscreener.detect.DetectorsTest.hit;
import static org.osecscreener.detect.DetectorsTest.screener;
import static org.osecscreener.detect.Tx.tx;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osecscreener.model.PartyType;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Hit;
import org.osecscreener.screen.Screener;

/**
 * The long-horizon and cadence rules of the detection issue, each against the legitimate traffic
 * that looks most like it: {@code low_and_slow}, {@code cover_story}, the family and schedule
 * discounts of {@code recurring_small_to_cluster}, {@code sender_fan_out} over repeat non-family
 * relationships, and family links through the maternal middle name.
 */
class LongHorizonDetectorsTest {
    /** 22:15 in Sydney on 2 March 2026. */
    static final OffsetDateTime LATE = OffsetDateTime.of(2026, 3, 2, 22, 15, 0, 0, ZoneOffset.ofHours(10));
    static final int[] IRREGULAR_DAYS = {0, 9, 23, 31, 45, 52, 66, 78};

    private static RuleBundle bundle(String detectors) {
        return TestBundles.with(detectors);
    }

    private static List<Assessment> trickle(Screener s, String sender, String senderName, String payeeName, int hour,
                                            PartyType senderType) {
        List<Assessment> out = new ArrayList<>();
        for (int i = 0; i < IRREGULAR_DAYS.length; i++) {
            OffsetDateTime t = LATE.withHour(hour).plusDays(IRREGULAR_DAYS[i]);
            out.add(s.screen(tx().sender(sender, "AU", senderName).senderType(senderType)
                    .beneficiary("B-" + sender, "PH", payeeName).at(t).amount("55.00", "AUD").build())); // 27.50 USD
        }
        return out;
    }

    private static final String LOW_AND_SLOW = "low_and_slow: {weight: 0.6, windowDays: 120, minCount: 5, saturationCount: 8,"
            + " maxAmount: 60, maxMedianIntervalDays: 20, minSpanDays: 42, startHour: 21, endHour: 5, minLateShare: 0.5}";

    @Test
    void lowAndSlow_smallLateTransfersToAnUnrelatedPerson_forWeeks_fire() {
        Screener s = screener(bundle(LOW_AND_SLOW));
        List<Assessment> a = trickle(s, "S-LS", "John Smith", "Maria Cruz Santos", 22, PartyType.PERSON);
        assertThat(hit(a.get(3), "low_and_slow")).as("4 transfers: below minCount").isEmpty();
        Hit h = hit(a.get(4), "low_and_slow").orElseThrow();
        assertThat(h.reason()).startsWith("5 small transfers (27.50–27.50 USD) to cluster ")
                .contains("over 45.0 days, median interval 11.5 days", "5 of them between 21:00 and 05:00 sender local time",
                        "no shared surname or address with the payee");
        assertThat(h.evidence()).hasSize(5);
        assertThat(hit(a.get(7), "low_and_slow").orElseThrow().subScore()).isGreaterThan(h.subScore());
    }

    @Test
    void lowAndSlow_doesNotFire_forFamily_daytime_orBusinessSenders() {
        Screener s = screener(bundle(LOW_AND_SLOW));
        // a parent who shares the surname
        assertThat(trickle(s, "S-F", "John Santos", "Maria Cruz Santos", 22, PartyType.PERSON))
                .allSatisfy(x -> assertThat(hit(x, "low_and_slow")).isEmpty());
        // a mother's-side relative: the payee's surname is the sender's maternal middle name
        assertThat(trickle(s, "S-M", "Juan Reyes Cruz", "Ana Lopez Reyes", 22, PartyType.PERSON))
                .allSatisfy(x -> assertThat(hit(x, "low_and_slow")).isEmpty());
        // the same cadence at lunchtime
        assertThat(trickle(s, "S-D", "John Smith", "Rosa Dizon", 13, PartyType.PERSON))
                .allSatisfy(x -> assertThat(hit(x, "low_and_slow")).isEmpty());
        // a business paying a contractor
        assertThat(trickle(s, "S-B", "Acme Ltd", "Rosa Dizon", 22, PartyType.BUSINESS))
                .allSatisfy(x -> assertThat(hit(x, "low_and_slow")).isEmpty());
    }

    private static final String COVER_STORY = "cover_story: {weight: 0.6, lists: [cover_words], windowDays: 90, minCount: 3,"
            + " saturationCount: 6, maxAmount: 500, minRoundShare: 0.5, maxMedianIntervalDays: 21}";

    private static List<Assessment> stories(Screener s, String sender, String payee, PartyType payeeType, int everyDays,
                                            String amount) {
        List<Assessment> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            out.add(s.screen(tx().sender(sender, "AU", "John Smith").beneficiary("B-" + sender, "PH", payee)
                    .beneficiaryType(payeeType).at(LATE.plusDays((long) everyDays * i)).purpose("school fees")
                    .amount(amount, "AUD").build()));
        }
        return out;
    }

    @Test
    void coverStory_repeatedRoundCoverStories_toAnUnrelatedPerson_fire() {
        Screener s = screener(bundle(COVER_STORY));
        List<Assessment> a = stories(s, "S-CS", "Maria Cruz Santos", PartyType.PERSON, 8, "200.00");
        assertThat(hit(a.get(1), "cover_story")).isEmpty();
        Hit h = hit(a.get(2), "cover_story").orElseThrow();
        assertThat(h.reason()).startsWith("3 transfers with cover phrases to cluster ")
                .contains("3 of them round amounts", "median interval 8.0 days", "this one: 'school fees'",
                        "a person who shares no surname or address with the sender");
        assertThat(h.evidence()).hasSize(3);
    }

    @Test
    void coverStory_doesNotFire_forSchools_monthlySupport_relatives_orLargeFees() {
        Screener s = screener(bundle(COVER_STORY));
        assertThat(stories(s, "S-1", "St Mary's Academy", PartyType.ORGANIZATION, 8, "200.00"))
                .allSatisfy(x -> assertThat(hit(x, "cover_story")).isEmpty());
        assertThat(stories(s, "S-2", "Maria Cruz Santos", PartyType.PERSON, 30, "200.00"))
                .as("monthly: the cadence of family support").allSatisfy(x -> assertThat(hit(x, "cover_story")).isEmpty());
        assertThat(stories(s, "S-3", "Mary Smith", PartyType.PERSON, 8, "200.00"))
                .as("a relative").allSatisfy(x -> assertThat(hit(x, "cover_story")).isEmpty());
        assertThat(stories(s, "S-4", "Maria Cruz Santos", PartyType.PERSON, 8, "2000.00"))
                .as("tuition-sized").allSatisfy(x -> assertThat(hit(x, "cover_story")).isEmpty());
        assertThat(stories(s, "S-5", "Maria Cruz Santos", PartyType.PERSON, 8, "213.37"))
                .as("not round").allSatisfy(x -> assertThat(hit(x, "cover_story")).isEmpty());
    }

    private static final String RECURRING = "recurring_small_to_cluster: {weight: 0.6, windowDays: 30, minCount: 4,"
            + " saturationCount: 10, maxAmount: 200, regularityShare: 0, relatedDiscount: 0.8, scheduleDiscount: 0.8,"
            + " personsAbroadOnly: true}";

    private static double recurringScore(Screener s, String sender, String senderName, String payee, int[] days,
                                         String senderCountry) {
        double last = 0;
        for (int d : days) {
            Assessment a = s.screen(tx().sender(sender, senderCountry, senderName).beneficiary("B-" + sender, "PH", payee)
                    .at(LATE.plusDays(d)).amount("50.00", "AUD").build());
            last = hit(a, "recurring_small_to_cluster").map(Hit::subScore).orElse(0.0);
        }
        return last;
    }

    @Test
    void recurringSmall_weeklyOrFamily_isDiscounted_irregularToAStranger_isNot() {
        Screener s = screener(bundle(RECURRING));
        int[] irregular = {0, 2, 3, 8, 11, 12};
        int[] weekly = {0, 7, 14, 21, 28};
        double stranger = recurringScore(s, "S-1", "John Smith", "Maria Cruz Santos", irregular, "AU");
        double weeklyStranger = recurringScore(s, "S-2", "John Smith", "Rosa Dizon", weekly, "AU");
        double relative = recurringScore(s, "S-3", "John Santos", "Maria Cruz Santos", irregular, "AU");
        assertThat(stranger).isGreaterThan(0.5);
        assertThat(weeklyStranger).as("a weekly schedule").isGreaterThan(0).isLessThan(stranger * 0.3);
        assertThat(relative).as("a relative").isCloseTo(stranger * 0.2, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(recurringScore(s, "S-4", "Ana Reyes", "Rosa Dizon", irregular, "PH")).as("domestic").isZero();
    }

    @Test
    void aRoundOfGiftsOnOneDay_isOneOccasion_neitherACadenceNorAnEscalation() {
        Screener s = screener(bundle(RECURRING + "\nescalation: {weight: 0.3, windowDays: 60, minTransfers: 4, minGrowth: 1.5}"));
        // monthly support, then on one December day gifts to five members of the household (one cluster)
        Assessment last = null;
        for (int m = 0; m < 3; m++) {
            last = s.screen(tx().sender("S-G", "US", "John Smith").beneficiary("B-G0", "PH", "Rosa Dizon")
                    .beneficiaryAddress("Purok 1, Brgy. Mabini, Cebu").at(LATE.withHour(12).plusDays(30L * m)).amount("150.00", "AUD").build());
        }
        for (int k = 1; k <= 5; k++) {
            last = s.screen(tx().sender("S-G", "US", "John Smith").beneficiary("B-G" + k, "PH", "Kid Dizon " + k)
                    .beneficiaryAddress("Purok 1, Brgy. Mabini, Cebu").at(LATE.withHour(12).plusDays(61).plusMinutes(10L * k))
                    .purpose("gift").amount("40.00", "AUD").build());
        }
        assertThat(hit(last, "recurring_small_to_cluster")).as("%s", last.hits()).isEmpty();
        assertThat(hit(last, "escalation")).as("%s", last.hits()).isEmpty();
        // the same five payments on five different days are a cadence
        Screener t = screener(bundle(RECURRING));
        for (int k = 1; k <= 5; k++) {
            last = t.screen(tx().sender("S-H", "US", "John Smith").beneficiary("B-H", "PH", "Rosa Dizon")
                    .at(LATE.plusDays(k * 2L + (k % 2))).amount("40.00", "AUD").build());
        }
        assertThat(hit(last, "recurring_small_to_cluster")).isPresent();
    }

    private static final String FAN_OUT = "sender_fan_out: {weight: 0.5, windowDays: 30, minClusters: 3, saturationClusters: 8,"
            + " familyMitigation: 0.8, applyToBusiness: false, unrelatedOnly: true}";

    @Test
    void fanOut_countsRepeatRelationshipsWithStrangers_notOneOffGiftsToRelatives() {
        Screener s = screener(bundle(FAN_OUT));
        String[] strangers = {"Rosa Dizon", "Ana Lopez Garcia", "Liza Ramos Mendoza", "Joy Bautista Flores"};
        Assessment last = null;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < strangers.length; i++) {
                last = s.screen(tx().sender("S-FO", "US", "John Smith").beneficiary("B-FO-" + i, "PH", strangers[i])
                        .at(LATE.plusDays(round * 5 + i)).amount("40.00", "AUD").build());
            }
        }
        assertThat(hit(last, "sender_fan_out")).get().extracting(Hit::reason).asString()
                .startsWith("paid 4 unrelated payee clusters in source countries more than once each in 30 days");
        // December: one gift each to eight relatives, some by the mother's maiden name (the sender's middle name)
        String[] relatives = {"Ana Cruz Santos", "Jose Cruz Santos", "Lita Reyes", "Ben Reyes", "Carla Dizon", "Mike Dizon",
                "Rosa Lim", "Paz Ong"};
        for (int i = 0; i < relatives.length; i++) {
            Assessment a = s.screen(tx().sender("S-DG", "US", "Pedro Reyes Santos").beneficiary("B-DG-" + i, "PH", relatives[i])
                    .at(LATE.plusHours(i)).amount("60.00", "AUD").build());
            assertThat(hit(a, "sender_fan_out")).as("gift %d", i).isEmpty();
        }
    }

    @Test
    void defaultPack_weeklySupportToAnInLaw_staysBelowReview_stranger_lateAndIrregular_reachesAlert() throws Exception {
        RuleBundle pack = RuleBundleLoader.defaultBundle();
        Screener s = Screener.builder().bundle(pack).build();
        Assessment inLaw = null;
        for (int w = 0; w < 16; w++) { // four months of 30 USD every Saturday afternoon, "family support"
            inLaw = s.screen(tx().sender("S-IL", "AU", "John Smith").beneficiary("B-IL", "PH", "Rosa Dizon")
                    .at(LATE.withHour(15).plusDays(7L * w)).purpose("family support").amount("45.00", "AUD").build());
            assertThat(inLaw.level()).as("week %d: %s", w, inLaw.hits()).isEqualTo(org.osecscreener.score.Level.NONE);
        }
        Assessment offender = null;
        for (int i = 0; i < IRREGULAR_DAYS.length; i++) {
            offender = s.screen(tx().sender("S-OF", "AU", "John Brown").beneficiary("B-OF", "PH", "Maria Cruz Santos")
                    .at(LATE.plusDays(IRREGULAR_DAYS[i])).amount("45.00", "AUD").build());
        }
        assertThat(offender.level()).as("%s", offender.hits()).isEqualTo(org.osecscreener.score.Level.ALERT);
        assertThat(hit(offender, "low_and_slow")).isPresent();
    }
}
