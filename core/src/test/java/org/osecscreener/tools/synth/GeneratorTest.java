package org.osecscreener.tools.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.io.TransactionCodec;
import org.osecscreener.io.TransactionWriter;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.screen.Screener;

class GeneratorTest {
    private static final GeneratorConfig DEFAULTS = GeneratorConfig.defaults();

    @TempDir
    Path dir;

    private static byte[] bytes(long seed, long n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TransactionWriter w = new TransactionWriter(out)) {
            Generator.of(DEFAULTS, seed).write(n, w, x -> { });
        }
        return out.toByteArray();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<Transaction> generate(long seed, long n) {
        List<Transaction> out = new ArrayList<>();
        Generator.of(DEFAULTS, seed).generate(n, out::add, x -> { });
        return out;
    }

    @Test
    void sameSeedAndConfig_sameBytes() throws IOException {
        assertThat(bytes(7, 5_000)).isEqualTo(bytes(7, 5_000));
    }

    @Test
    void fastPath_writesExactlyTheCodecsBytes() throws IOException {
        ByteArrayOutputStream fast = new ByteArrayOutputStream();
        Generator.of(DEFAULTS, 7).write(5_000, fast, x -> { });
        // TransactionWriter's Jackson generator puts its root-value separator (one space) before
        // every line after the first; the fast path does not. Otherwise the bytes are identical.
        String viaCodec = new String(bytes(7, 5_000), java.nio.charset.StandardCharsets.UTF_8).replace("\n ", "\n");
        assertThat(new String(fast.toByteArray(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(viaCodec);
    }

    @Test
    void differentSeed_differentBytes() throws IOException {
        assertThat(bytes(7, 2_000)).isNotEqualTo(bytes(8, 2_000));
    }

    @Test
    void writesExactlyN_validLines_inEventTimeOrder() throws IOException {
        byte[] b = bytes(3, 3_000);
        String[] lines = new String(b, java.nio.charset.StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3_000);
        TransactionCodec codec = TransactionCodec.standard();
        long last = Long.MIN_VALUE;
        for (int i = 0; i < lines.length; i++) {
            var o = codec.parse(lines[i], i + 1);
            assertThat(o).as(lines[i]).isInstanceOf(org.osecscreener.io.ParseOutcome.Parsed.class);
            long t = ((org.osecscreener.io.ParseOutcome.Parsed) o).transaction().epochMillis();
            assertThat(t).isGreaterThanOrEqualTo(last);
            last = t;
        }
    }

    @Test
    void labels_matchScenarios_andSendersKeepOneOsecScenario() {
        Map<String, String> osecScenarioOfSender = new HashMap<>();
        for (Transaction tx : generate(11, 40_000)) {
            assertThat(tx.label()).isNotNull();
            String s = tx.label().scenario();
            if (tx.label().osec()) {
                assertThat(Scenarios.OSEC).contains(s);
                String before = osecScenarioOfSender.putIfAbsent(tx.sender().id(), s);
                assertThat(before == null || before.equals(s)).as(tx.sender().id()).isTrue();
                assertThat(tx.sender().country()).isIn(DEFAULTS.countries().osecOrigins().keySet());
            } else {
                assertThat(s).isIn(concat(Scenarios.LEGITIMATE, Scenarios.VICTIMS));
            }
            if (s.equals(Scenarios.BUSINESS_PAYROLL)) {
                assertThat(tx.sender().type()).isEqualTo(org.osecscreener.model.PartyType.BUSINESS);
            }
            if (s.equals(Scenarios.CHARITY_DONATION)) {
                assertThat(tx.beneficiary().type()).isEqualTo(org.osecscreener.model.PartyType.ORGANIZATION);
            }
        }
    }

    @Test
    void defaultMix_osecSendersAreAboutOnePercent() {
        Set<String> senders = new HashSet<>();
        Set<String> osec = new HashSet<>();
        for (Transaction tx : generate(5, 60_000)) {
            senders.add(tx.sender().id());
            if (tx.label().osec()) {
                osec.add(tx.sender().id());
            }
        }
        double share = osec.size() / (double) senders.size();
        assertThat(share).isBetween(0.005, 0.02);
    }

    @Test
    void everyTransaction_isScreenableByTheDefaultBundle() throws Exception {
        Screener s = Screener.builder().bundle(RuleBundleLoader.defaultBundle()).build();
        for (Transaction tx : generate(9, 5_000)) {
            s.screen(tx.withoutLabel());   // throws if a currency had no FX rate
        }
        // Payments into the beneficiary-only countries (NG, CI) are in the sender's currency.
        Screener t = Screener.builder().bundle(RuleBundleLoader.defaultBundle()).build();
        int westAfrica = 0;
        for (Transaction tx : mix()) {
            if (Set.of("NG", "CI").contains(tx.beneficiary().country())) {
                t.screen(tx.withoutLabel());
                westAfrica++;
            }
        }
        assertThat(westAfrica).isPositive();
    }

    @Test
    void config_roundTripsThroughYaml() throws IOException {
        Path f = dir.resolve("g.yaml");
        Files.writeString(f, DEFAULTS.toYaml());
        assertThat(GeneratorConfig.load(f)).isEqualTo(DEFAULTS);
    }

    @Test
    void config_unknownProperty_isRejected() throws IOException {
        Path f = dir.resolve("g.yaml");
        Files.writeString(f, DEFAULTS.toYaml().replace("days: 180", "days: 180\nvelocity: 3"));
        assertThatThrownBy(() -> GeneratorConfig.load(f)).hasMessageContaining("velocity");
    }

    @Test
    void config_missingProperty_isRejected() throws IOException {
        Path f = dir.resolve("g.yaml");
        Files.writeString(f, DEFAULTS.toYaml().replace("days: 180\n", ""));
        assertThatThrownBy(() -> GeneratorConfig.load(f)).hasMessageContaining("days");
    }

    @Test
    void config_outOfRange_namesTheField() throws IOException {
        Path f = dir.resolve("g.yaml");
        Files.writeString(f, DEFAULTS.toYaml().replace("osecSenderShare: 0.01", "osecSenderShare: 0.9"));
        assertThatThrownBy(() -> GeneratorConfig.load(f)).hasMessageContaining("osecSenderShare");
    }

    @Test
    void config_badScenarioValue_namesTheScenario() throws IOException {
        Path f = dir.resolve("g.yaml");
        String yaml = DEFAULTS.toYaml();
        int at = yaml.indexOf("  ring_customer:\n    share: ");
        assertThat(at).isPositive();
        Files.writeString(f, yaml.substring(0, at) + yaml.substring(at).replaceFirst("share: 0.4", "share: -1"));
        assertThatThrownBy(() -> GeneratorConfig.load(f)).hasMessageContaining("osec.ring_customer: share was -1");
    }

    @Test
    void config_unknownCountry_isRejected() {
        assertThatThrownBy(() -> new GeneratorConfig.CountryMix(Map.of("XX", 1.0), Map.of("US", 1.0), Map.of("PH", 1.0),
                Map.of("PH", 1.0), Map.of("US>MX", 1.0), Map.of("US", 1.0), Map.of("NG", 1.0), Map.of("US", 1.0)))
                .hasMessageContaining("countries.diaspora").hasMessageContaining("XX");
    }

    // ---------------------------------------------------------------------------------------
    // The typologies, checked on one default-mix run of 200,000 transactions.

    private static final long MIX_SEED = 13;
    private static final long MIX_N = 200_000;
    private static List<Transaction> mix;
    private static World mixWorld;

    /** The run, generated once; its population is kept for the tests that look at rings. */
    private static synchronized List<Transaction> mix() {
        if (mix == null) {
            mixWorld = new World(DEFAULTS, MIX_SEED, MIX_N);
            List<Transaction> out = new ArrayList<>();
            Generator.run(mixWorld, MIX_N, out::add, x -> { });
            mix = out;
        }
        return mix;
    }

    private static Map<String, List<Transaction>> bySender(String scenario) {
        Map<String, List<Transaction>> out = new java.util.LinkedHashMap<>();
        for (Transaction tx : mix()) {
            if (tx.label().scenario().equals(scenario)) {
                out.computeIfAbsent(tx.sender().id(), k -> new ArrayList<>()).add(tx);
            }
        }
        return out;
    }

    private static double usd(Transaction tx) {
        return tx.amount().toBigDecimal().doubleValue() * Geo.of(tx.sender().country()).usdPerUnit();
    }

    @Test
    void everyScenario_isPresent_at200k_andThePeriodIsAboutTheConfiguredDays() {
        Set<String> seen = new HashSet<>();
        for (Transaction tx : mix()) {
            seen.add(tx.label().scenario());
        }
        assertThat(seen).containsAll(Scenarios.LEGITIMATE).containsAll(Scenarios.OSEC).containsAll(Scenarios.VICTIMS);
        assertThat(mix()).hasSize((int) MIX_N);
        // The population is sized from every scenario's expected transfers: N lines span about `days`.
        long days = java.time.Duration.between(mix().get(0).timestamp(), mix().get(mix().size() - 1).timestamp()).toDays();
        assertThat(days).isBetween((long) (DEFAULTS.days() * 0.8), (long) (DEFAULTS.days() * 1.3));
    }

    @Test
    void ringCustomers_areTheLargestOsecGroup_payAFewTimes_toRingMembersSharingAnIdentifier() {
        Map<String, List<Transaction>> customers = bySender(Scenarios.RING_CUSTOMER);
        for (String other : Scenarios.OSEC) {
            if (!other.equals(Scenarios.RING_CUSTOMER)) {
                assertThat(customers.size()).as("ring customers vs " + other).isGreaterThan(bySender(other).size());
            }
        }
        List<Integer> counts = customers.values().stream().map(List::size).sorted().toList();
        assertThat(counts.get(counts.size() / 2)).as("median payments per customer").isLessThanOrEqualTo(3);
        assertThat(counts.get(counts.size() - 1)).isLessThanOrEqualTo(8);
        assertThat(counts.stream().filter(c -> c == 1).count()).as("one-time customers").isPositive();

        // Every payee is a member of a facilitator ring that shares a phone, wallet or address with
        // another member (the population of the same run).
        World world = mixWorld;
        Map<String, org.osecscreener.model.Party[]> ringOf = new HashMap<>();
        for (org.osecscreener.model.Party[] ring : world.rings) {
            for (org.osecscreener.model.Party m : ring) {
                ringOf.put(m.id(), ring);
            }
        }
        int hours = 0;
        int evening = 0;
        for (List<Transaction> txs : customers.values()) {
            for (Transaction tx : txs) {
                org.osecscreener.model.Party payee = tx.beneficiary();
                org.osecscreener.model.Party[] ring = ringOf.get(payee.id());
                assertThat(ring).as("payee of a ring customer is a ring member").isNotNull();
                assertThat(java.util.Arrays.stream(ring).anyMatch(m -> !m.id().equals(payee.id()) && sharesIdentifier(m, payee)))
                        .as("ring member shares a phone, wallet or address with another member").isTrue();
                int h = tx.timestamp().getHour();
                hours++;
                evening += h >= 17 || h < 5 ? 1 : 0;
            }
        }
        assertThat(evening).as("evening or after midnight").isEqualTo(hours);
    }

    private static String digits(String s) {
        return s == null ? null : s.replaceAll("\\D", "");
    }

    private static boolean sharesIdentifier(org.osecscreener.model.Party a, org.osecscreener.model.Party b) {
        Set<String> x = new HashSet<>();
        for (String v : new String[] {digits(a.phone()), digits(a.wallet())}) {
            if (v != null) {
                x.add(v);
            }
        }
        return (b.phone() != null && x.contains(digits(b.phone()))) || (b.wallet() != null && x.contains(digits(b.wallet())))
                || (a.address() != null && a.address().equals(b.address()));
    }

    @Test
    void ringMembers_alwaysShareAnIdentifierWithAnotherMember() {
        // Not only those a customer happened to pay: every ring of a population where half the
        // senders are ring customers (hundreds of rings).
        GeneratorConfig c = new GeneratorConfig(DEFAULTS.start(), DEFAULTS.days(), 10, 0.5, 0, DEFAULTS.legitimate(),
                Map.of(Scenarios.RING_CUSTOMER, DEFAULTS.osec().get(Scenarios.RING_CUSTOMER)), Map.of(),
                DEFAULTS.offenders(), DEFAULTS.patterns(), DEFAULTS.households(), DEFAULTS.countries());
        World world = new World(c, 3, 100_000);
        assertThat(world.rings.length).isGreaterThan(200);
        for (org.osecscreener.model.Party[] ring : world.rings) {
            for (org.osecscreener.model.Party m : ring) {
                assertThat(java.util.Arrays.stream(ring).anyMatch(o -> o != m && sharesIdentifier(o, m))).as(m.id()).isTrue();
            }
        }
    }

    @Test
    void lowAndSlow_smallSums_every5to19Days_lateEvening_toOneUnrelatedPayee() {
        Map<String, List<Transaction>> senders = bySender(Scenarios.LOW_AND_SLOW);
        assertThat(senders).isNotEmpty();
        int all = 0;
        int late = 0;
        int intervals = 0;
        for (List<Transaction> txs : senders.values()) {
            assertThat(txs.stream().map(t -> t.beneficiary().id()).distinct()).as("one payee").hasSize(1);
            assertThat(World.sharesAName(txs.get(0).sender().name(), txs.get(0).beneficiary().name()))
                    .as("payee shares no name with the sender").isFalse();
            java.time.LocalDate before = null;
            for (Transaction tx : txs) {
                java.time.LocalDateTime local = tx.timestamp().toLocalDateTime();
                // A payment after midnight belongs to the evening before.
                java.time.LocalDate evening = local.getHour() < 5 ? local.toLocalDate().minusDays(1) : local.toLocalDate();
                if (before != null) {
                    assertThat(java.time.temporal.ChronoUnit.DAYS.between(before, evening)).isBetween(5L, 19L);
                    intervals++;
                }
                before = evening;
                assertThat(local.getHour() >= 18 || local.getHour() < 5).as(tx.timestamp().toString()).isTrue();
                late += local.getHour() >= 21 ? 1 : 0;
                all++;
                assertThat(usd(tx)).as("under about A$55").isLessThanOrEqualTo(36.5);
            }
        }
        assertThat(intervals).isPositive();
        assertThat(late / (double) all).as("share 21:00-23:59").isGreaterThan(0.55);
    }

    @Test
    void coverStory_mostReferencesAreCoverPhrases_roundAmounts_oneUnrelatedPayee() {
        Map<String, List<Transaction>> senders = bySender(Scenarios.COVER_STORY);
        assertThat(senders).isNotEmpty();
        Set<String> phrases = Set.of("school fees", "medical bills", "uniform", "accommodation", "tuition", "hospital bill");
        int all = 0;
        int cover = 0;
        int round = 0;
        for (List<Transaction> txs : senders.values()) {
            assertThat(txs.stream().map(t -> t.beneficiary().id()).distinct()).hasSize(1);
            assertThat(World.sharesAName(txs.get(0).sender().name(), txs.get(0).beneficiary().name())).isFalse();
            for (Transaction tx : txs) {
                all++;
                cover += tx.purpose() != null && phrases.contains(tx.purpose()) ? 1 : 0;
                java.math.BigDecimal m = java.math.BigDecimal.valueOf(Geo.of(tx.sender().country()).roundMultiple());
                round += tx.amount().toBigDecimal().remainder(m).signum() == 0 ? 1 : 0;
            }
        }
        assertThat(cover / (double) all).isGreaterThan(0.7);
        assertThat(round / (double) all).isBetween(0.6, 0.95);
    }

    @Test
    void sextortionVictims_oneBurstWithin72Hours_toANewRecipientAbroad_thenNothingMore() {
        Map<String, List<Transaction>> bursts = bySender(Scenarios.SEXTORTION_VICTIM);
        assertThat(bursts).hasSizeGreaterThan(10);
        Map<String, List<Transaction>> everything = new HashMap<>();
        for (Transaction tx : mix()) {
            if (bursts.containsKey(tx.sender().id())) {
                everything.computeIfAbsent(tx.sender().id(), k -> new ArrayList<>()).add(tx);
            }
        }
        for (Map.Entry<String, List<Transaction>> e : bursts.entrySet()) {
            List<Transaction> burst = e.getValue();
            Transaction first = burst.get(0);
            Transaction last = burst.get(burst.size() - 1);
            org.osecscreener.model.Party recipient = first.beneficiary();
            assertThat(burst).hasSizeBetween(2, 6);
            assertThat(java.time.Duration.between(first.timestamp(), last.timestamp()).toHours()).isLessThanOrEqualTo(72);
            assertThat(burst).allSatisfy(tx -> {
                assertThat(tx.beneficiary().id()).isEqualTo(recipient.id());
                assertThat(tx.channel()).isIn(org.osecscreener.model.Channel.MOBILE_WALLET, org.osecscreener.model.Channel.ONLINE);
                assertThat(tx.label().osec()).isFalse();
            });
            assertThat(recipient.type()).isEqualTo(org.osecscreener.model.PartyType.PERSON);
            assertThat(recipient.country()).isIn("NG", "CI", "GH", "PH");
            assertThat(World.sharesAName(first.sender().name(), recipient.name())).isFalse();
            assertThat(burst.stream().mapToDouble(GeneratorTest::usd).sum()).as("burst total").isLessThanOrEqualTo(1_560);
            for (Transaction tx : everything.get(e.getKey())) {
                if (!tx.label().scenario().equals(Scenarios.SEXTORTION_VICTIM)) {
                    // The rest of the victim's life: ordinary domestic transfers, never to the recipient.
                    assertThat(tx.label().scenario()).isEqualTo(Scenarios.DOMESTIC);
                    assertThat(tx.beneficiary().country()).isEqualTo(tx.sender().country());
                    assertThat(tx.beneficiary().id()).isNotEqualTo(recipient.id());
                    assertThat(tx.beneficiary().address()).isNotEqualTo(recipient.address());
                }
            }
            assertThat(everything.get(e.getKey()).stream().filter(tx -> tx.timestamp().isBefore(first.timestamp())))
                    .as("ordinary history before the burst").isNotEmpty();
        }
        assertThat(bursts.values().stream().map(List::size).distinct()).hasSizeGreaterThan(3);
    }

    @Test
    void onlineShops_manyForeignBuyers_eachPayingOnceOrTwice_withOrderReferences_inDaytime() {
        Map<String, List<Transaction>> buyers = bySender(Scenarios.ONLINE_SHOP);
        java.util.regex.Pattern order = java.util.regex.Pattern.compile(
                "(order #\\d{5}|inv \\d{4}|item \\d{3} \\+ shipping|order \\d{6})( gift)?");
        Map<String, Set<String>> buyersOfShop = new HashMap<>();
        int twice = 0;
        for (List<Transaction> txs : buyers.values()) {
            assertThat(txs).hasSizeBetween(1, 2);
            assertThat(txs.stream().map(t -> t.beneficiary().id()).distinct()).hasSize(1);
            if (txs.size() == 2) {
                twice++;
                assertThat(java.time.temporal.ChronoUnit.DAYS.between(txs.get(0).timestamp().toLocalDate(),
                        txs.get(1).timestamp().toLocalDate())).isBetween(0L, 10L);
            }
            for (Transaction tx : txs) {
                assertThat(tx.purpose()).matches(order);
                assertThat(tx.timestamp().getHour()).as("buyer's local hour").isBetween(8, 19);
                assertThat(tx.beneficiary().country()).isEqualTo("PH");
                assertThat(tx.sender().country()).isNotEqualTo("PH");
                buyersOfShop.computeIfAbsent(tx.beneficiary().id(), k -> new HashSet<>()).add(tx.sender().id());
            }
        }
        assertThat(twice / (double) buyers.size()).isBetween(0.15, 0.45);
        assertThat(buyersOfShop.values().stream().mapToInt(Set::size).max().orElse(0)).as("buyers of the busiest shop")
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void nightShift_mostTransfersAtNight_mostSendersShareTheHouseholdsSurname() {
        Map<String, List<Transaction>> senders = bySender(Scenarios.NIGHT_SHIFT);
        int all = 0;
        int night = 0;
        int sharing = 0;
        for (List<Transaction> txs : senders.values()) {
            for (Transaction tx : txs) {
                all++;
                night += tx.timestamp().getHour() < 5 ? 1 : 0;
            }
            String[] words = txs.get(0).sender().name().split(" ");
            String surname = words[words.length - 1];
            sharing += txs.stream().anyMatch(tx -> tx.beneficiary().name().endsWith(" " + surname)) ? 1 : 0;
        }
        assertThat(night / (double) all).isGreaterThan(0.75);
        assertThat(sharing / (double) senders.size()).isBetween(0.55, 0.9);
    }

    @Test
    void burstAmounts_growStepByStep_andStayWithinTheCap() {
        double[] steps = {0, 2, 2, 2, 2, 2};
        double[] usd = Actor.burstAmounts(200, steps, 1500);
        assertThat(java.util.Arrays.stream(usd).sum()).isCloseTo(1500, org.assertj.core.api.Assertions.within(0.01));
        assertThat(usd[0]).isEqualTo(200);
        for (int i = 1; i < usd.length; i++) {
            assertThat(usd[i] / usd[i - 1]).isBetween(1.0, 2.0);
        }
        // Under the cap: untouched.
        assertThat(Actor.burstAmounts(50, new double[] {0, 1.5}, 1500)).containsExactly(50, 75);
        // Even flat steps over the cap: equal shares of it.
        assertThat(Actor.burstAmounts(300, new double[] {0, 1, 1, 1, 1, 1}, 1500)).containsOnly(250.0);
    }

    @Test
    void config_beneficiaryOnlyCountry_asASender_isRejected() throws IOException {
        Path f = dir.resolve("g.yaml");
        String yaml = DEFAULTS.toYaml();
        assertThat(yaml).contains("sextortionRecipients:");
        Files.writeString(f, yaml.replaceFirst("diaspora:\\n", "diaspora:\n    NG: 1.0\n"));
        assertThatThrownBy(() -> GeneratorConfig.load(f)).hasMessageContaining("countries.diaspora")
                .hasMessageContaining("NG").hasMessageContaining("may only receive");
        assertThatThrownBy(() -> new GeneratorConfig.CountryMix(Map.of("US", 1.0), Map.of("US", 1.0), Map.of("PH", 1.0),
                Map.of("PH", 1.0), Map.of("CI>US", 1.0), Map.of("US", 1.0), Map.of("NG", 1.0), Map.of("US", 1.0)))
                .hasMessageContaining("countries.otherCorridors").hasMessageContaining("CI>US");
        // Where payees live they are accepted.
        new GeneratorConfig.CountryMix(Map.of("US", 1.0), Map.of("US", 1.0), Map.of("NG", 1.0), Map.of("PH", 1.0),
                Map.of("US>CI", 1.0), Map.of("US", 1.0), Map.of("NG", 1.0, "CI", 1.0), Map.of("US", 1.0));
    }

    @Test
    void config_badCountWeights_andOverlappingShares_nameTheField() {
        assertThatThrownBy(() -> new GeneratorConfig.RingCustomer(Map.of(0, 1.0), new GeneratorConfig.Range(1, 21)))
                .hasMessageContaining("patterns.ringCustomer.payments").hasMessageContaining("1..50");
        assertThatThrownBy(() -> new GeneratorConfig.SextortionBurst(Map.of(2, -1.0), new GeneratorConfig.Range(2, 72),
                new GeneratorConfig.Range(30, 250), new GeneratorConfig.Range(1, 2), 1500, 0.4))
                .hasMessageContaining("patterns.sextortionVictim.payments");
        assertThatThrownBy(() -> new GeneratorConfig.LowAndSlow(new GeneratorConfig.Range(5.5, 5.9), 0.7,
                new GeneratorConfig.Range(3, 6))).hasMessageContaining("patterns.lowAndSlow.intervalDays");
        GeneratorConfig.Patterns p = DEFAULTS.patterns();
        GeneratorConfig.Patterns late = new GeneratorConfig.Patterns(p.ringCustomer(),
                new GeneratorConfig.LowAndSlow(p.lowAndSlow().intervalDays(), 0.95, p.lowAndSlow().activeMonths()),
                p.sextortionVictim(), p.onlineShop());
        assertThatThrownBy(() -> new GeneratorConfig(DEFAULTS.start(), DEFAULTS.days(), 10, 0.01, 0.003, DEFAULTS.legitimate(),
                DEFAULTS.osec(), DEFAULTS.victims(), DEFAULTS.offenders(), late, DEFAULTS.households(), DEFAULTS.countries()))
                .hasMessageContaining("osec.low_and_slow.nightShare").hasMessageContaining("patterns.lowAndSlow.lateShare");
    }

    @Test
    void finiteSchedules_endTheRun_whenEveryActorHasFinished() {
        // Shop buyers alone: each pays once or twice and is then dropped; asking for far more
        // transactions than the population holds ends the run when the last one has paid.
        Map<String, GeneratorConfig.Scenario> shops = Map.of(Scenarios.ONLINE_SHOP, DEFAULTS.legitimate().get(Scenarios.ONLINE_SHOP));
        GeneratorConfig c = new GeneratorConfig(DEFAULTS.start(), DEFAULTS.days(), 10, 0, 0, shops, Map.of(), Map.of(),
                DEFAULTS.offenders(), DEFAULTS.patterns(), DEFAULTS.households(), DEFAULTS.countries());
        World w = new World(c, 1, 2_000);
        int buyers = w.actors.size();
        List<Transaction> out = new ArrayList<>();
        long written = Generator.run(w, 1_000_000, out::add, x -> { });
        assertThat(written).isEqualTo(out.size()).isBetween((long) buyers, 2L * buyers);
        assertThat(out.stream().map(tx -> tx.sender().id()).distinct().count()).isEqualTo(buyers);
        for (int i = 1; i < out.size(); i++) {
            assertThat(out.get(i).epochMillis()).isGreaterThanOrEqualTo(out.get(i - 1).epochMillis());
        }
    }
}
