package org.osecscreener.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.detect.UnscreenableTransactionException;
import org.osecscreener.io.TransactionReader;
import org.osecscreener.model.Channel;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleException;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;

class ScreenerTest {
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 14, 0, 0, 0, ZoneOffset.ofHours(10));
    static final String RECURRING = """
            small_amount: {weight: 0.6, bands: [{min: 1, max: 100, score: 1.0}]}
            corridor_risk: {weight: 0.3}
            recurring_small_to_cluster: {weight: 0.5, windowDays: 14, minCount: 4, saturationCount: 8, maxAmount: 100}
            """;

    @TempDir
    Path dir;

    static RuleBundle bundle(int version, String detectors, String scoring) {
        return org.osecscreener.detect.TestBundles.with(version, detectors, scoring, "[]");
    }

    static Transaction tx(String id, String sender, String beneficiary, OffsetDateTime at, String amount) {
        return tx(id, Party.builder(sender, "AU").name("John Smith").build(),
                Party.builder(beneficiary, "PH").name("Maria Santos").build(), at, amount);
    }

    static Transaction tx(String id, Party sender, Party beneficiary, OffsetDateTime at, String amount) {
        return new Transaction(id, at, Money.of(amount, Currency.getInstance("AUD")), Channel.ONLINE, null, sender,
                beneficiary, null);
    }

    static Screener screener(RuleBundle b) throws Exception {
        return Screener.builder().bundle(b).build();
    }

    static Hit hit(Assessment a, String rule) {
        return a.hits().stream().filter(h -> h.ruleId().equals(rule)).findFirst().orElse(null);
    }

    /**
     * Pays {@code payee} from S-1 on day {@code day} after T0 and returns the recurring hit's count (0 if none). One transfer
     * a day, because recurring_small_to_cluster counts occasions (distinct local days), not transfers.
     */
    private static int recurringCount(Screener s, String payee, int day) {
        Assessment a = s.screen(tx("T-" + day, "S-1", payee, T0.plusDays(day), "40.00"));
        Hit h = hit(a, "recurring_small_to_cluster");
        return h == null ? 0 : Integer.parseInt(h.reason().split(" ")[0]);
    }

    @Test
    void pairProfiles_keepTheMostRecentlyUsed_andDropTheLeastRecentlyUsedBeyondTheBound() throws Exception {
        int bound = Screener.PAIRS_PER_SENDER;
        // one transfer a day for up to 2 * bound + 4 days: a window long enough to hold them all
        String recurring = RECURRING.replace("windowDays: 14", "windowDays: 180");
        // 3 transfers to B-0, then bound - 1 other payees: B-0 is still among the bound most recent
        Screener kept = screener(bundle(1, recurring, "{review: 0.5, alert: 0.95}"));
        int m = 0;
        for (int i = 0; i < 3; i++) {
            recurringCount(kept, "B-0", m++);
        }
        for (int i = 1; i < bound; i++) {
            recurringCount(kept, "B-" + i, m++);
        }
        assertThat(recurringCount(kept, "B-0", m)).as("4th transfer to a kept relationship").isEqualTo(4);

        // the same with one more other payee: B-0 is the least recently used and is dropped
        Screener dropped = screener(bundle(1, recurring, "{review: 0.5, alert: 0.95}"));
        m = 0;
        for (int i = 0; i < 3; i++) {
            recurringCount(dropped, "B-0", m++);
        }
        for (int i = 1; i <= bound; i++) {
            recurringCount(dropped, "B-" + i, m++);
        }
        assertThat(recurringCount(dropped, "B-0", m)).as("relationship forgotten beyond the bound").isZero();

        // using a relationship makes it recent again: B-0 used halfway survives bound - 1 more payees after it
        Screener touched = screener(bundle(1, recurring, "{review: 0.5, alert: 0.95}"));
        m = 0;
        for (int i = 0; i < 3; i++) {
            recurringCount(touched, "B-0", m++);
        }
        for (int i = 1; i <= bound / 2; i++) {
            recurringCount(touched, "B-" + i, m++);
        }
        assertThat(recurringCount(touched, "B-0", m++)).isEqualTo(4);
        for (int i = bound / 2 + 1; i < bound / 2 + bound; i++) {
            recurringCount(touched, "B-" + i, m++);
        }
        assertThat(recurringCount(touched, "B-0", m)).as("kept: used more recently than the payees dropped").isEqualTo(5);
    }

    @Test
    void reload_goodToGood_swapsAtomically_andAssessmentsNameTheVersion() throws Exception {
        Screener s = screener(bundle(1, RECURRING, "{review: 0.5, alert: 0.95}"));
        Assessment before = s.screen(tx("T-1", "S-1", "B-1", T0, "40.00"));
        assertThat(before.bundle()).isEqualTo("test-bundle@1");
        assertThat(before.level()).isEqualTo(Level.REVIEW);
        s.reload(bundle(2, RECURRING, "{review: 0.2, alert: 0.3}"));
        Assessment after = s.screen(tx("T-2", "S-1", "B-1", T0.plusDays(1), "40.00"));
        assertThat(after.bundle()).isEqualTo("test-bundle@2");
        assertThat(after.level()).isEqualTo(Level.ALERT);
    }

    @Test
    void reload_goodToBad_keepsTheRunningBundle_andReportsEveryError() throws Exception {
        Screener s = screener(bundle(1, RECURRING, "{review: 0.5, alert: 0.95}"));
        Path badJson = dir.resolve("bad.yaml");
        Files.writeString(badJson, """
                id: test-bundle
                version: 2
                approvedBy: unit tests
                effectiveFrom: 2026-01-01
                baseCurrency: USD
                fxRates: {AUD: 0.5}
                countries: {demandSide: [AU], sourceSide: {PH: 1.0}}
                detectors:
                  corridor_risk: {weight: 7}
                scoring: {review: 1.5, alert: 0.9}
                """);
        assertThatThrownBy(() -> s.reload(badJson)).isInstanceOf(RuleBundleException.class)
                .satisfies(e -> assertThat(((RuleBundleException) e).errors()).hasSizeGreaterThanOrEqualTo(2));
        assertThat(s.bundle().version()).isEqualTo(1);
        assertThat(s.screen(tx("T-1", "S-1", "B-1", T0, "40.00")).bundle()).isEqualTo("test-bundle@1");
    }

    @Test
    void reload_versionNotMovingForward_isRefused() throws Exception {
        Screener s = screener(bundle(3, RECURRING, "{review: 0.5, alert: 0.95}"));
        assertThatThrownBy(() -> s.reload(bundle(3, RECURRING, "{review: 0.4, alert: 0.95}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not move forward");
        assertThat(s.bundle().scoring().review()).isEqualTo(0.5);
    }

    @Test
    void duplicateTransactionId_isNotCountedTwice() throws Exception {
        Screener s = screener(bundle(1, RECURRING, "{review: 0.5, alert: 0.95}"));
        for (int i = 0; i < 3; i++) {
            s.screen(tx("T-" + i, "S-1", "B-1", T0.plusDays(i), "40.00"));
        }
        Assessment dup = s.screen(tx("T-2", "S-1", "B-1", T0.plusDays(2), "40.00"));
        assertThat(dup.duplicate()).isTrue();
        assertThat(dup.hits()).isEmpty();
        assertThat(dup.level()).isEqualTo(Level.NONE);
        assertThat(hit(s.screen(tx("T-3", "S-1", "B-1", T0.plusDays(3), "40.00")), "recurring_small_to_cluster"))
                .extracting(Hit::reason).asString().startsWith("4 transfers");
    }

    @Test
    void lateArrivals_withinTheWindow_areCountedAtTheirPlaceInTime() throws Exception {
        List<Transaction> inOrder = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inOrder.add(tx("T-" + i, "S-1", "B-1", T0.plusDays(2L * i), "40.00"));
        }
        Screener ordered = screener(bundle(1, RECURRING, "{review: 0.5, alert: 0.95}"));
        Assessment lastOrdered = null;
        for (Transaction t : inOrder) {
            lastOrdered = ordered.screen(t);
        }
        List<Transaction> shuffled = new ArrayList<>(inOrder.subList(0, 5));
        Collections.shuffle(shuffled, new Random(11));
        Screener late = screener(bundle(1, RECURRING, "{review: 0.5, alert: 0.95}"));
        shuffled.forEach(late::screen);
        Assessment lastLate = late.screen(inOrder.get(5));
        assertThat(hit(lastLate, "recurring_small_to_cluster").reason())
                .isEqualTo(hit(lastOrdered, "recurring_small_to_cluster").reason());
        assertThat(lastLate.score()).isEqualTo(lastOrdered.score());
    }

    @Test
    void alertIds_areDeterministic_acrossScreenersAndReplays() throws Exception {
        RuleBundle b = bundle(1, RECURRING, "{review: 0.2, alert: 0.5}");
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            txs.add(tx("T-" + i, "S-" + (i % 2), "B-" + (i % 3), T0.plusDays(i), "40.00"));
        }
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        Screener a = screener(b);
        Screener c = screener(b);
        txs.forEach(t -> first.add(a.screen(t).alertId()));
        txs.forEach(t -> second.add(c.screen(t).alertId()));
        assertThat(first).isEqualTo(second).doesNotContainNull();
        // same sender, cluster and 7-day period: one alert id
        assertThat(a.screen(tx("T-x", "S-0", "B-0", T0.plusDays(0).plusHours(1), "40.00")).alertId()).isEqualTo(first.get(0));
    }

    @Test
    void clusterMerge_carriesPairAndClusterState() throws Exception {
        Screener s = screener(bundle(1, RECURRING + "cluster_fan_in: {weight: 0.3, windowDays: 30, minSenders: 2, minSenderCountries: 1, saturationSenders: 4}\n",
                "{review: 0.5, alert: 0.95}"));
        Party b1 = Party.builder("B-1", "PH").name("Ana Reyes").phone("0917 111 2222").build();
        Party b2 = Party.builder("B-2", "PH").name("Liza Torres").wallet("09173334444").build();
        Party b3 = Party.builder("B-3", "PH").name("Joy Ramos").phone("0917 111 2222").wallet("09173334444").build();
        Party sender = Party.builder("S-1", "AU").name("John Smith").build();
        Assessment a1 = s.screen(tx("T-1", sender, b1, T0, "40.00"));
        s.screen(tx("T-2", sender, b1, T0.plusDays(1), "40.00"));
        Assessment a3 = s.screen(tx("T-3", sender, b2, T0.plusDays(2), "40.00"));
        assertThat(a3.clusterId()).isNotEqualTo(a1.clusterId());
        s.screen(tx("T-4", Party.builder("S-2", "AU").name("Bob Jones").build(), b2, T0.plusDays(2), "40.00"));
        // B-3 shares B-1's phone and B-2's wallet: the two clusters merge
        Assessment merged = s.screen(tx("T-5", sender, b3, T0.plusDays(3), "40.00"));
        assertThat(s.resolver().clusterOf("B-1")).isEqualTo(s.resolver().clusterOf("B-2")).isEqualTo(merged.clusterId());
        Hit recurring = hit(merged, "recurring_small_to_cluster");
        assertThat(recurring).isNotNull();
        assertThat(recurring.reason()).startsWith("4 transfers");
        assertThat(recurring.evidence()).containsExactly("T-1", "T-2", "T-3", "T-5");
        assertThat(hit(merged, "cluster_fan_in").reason()).startsWith("2 distinct senders");
    }

    @Test
    void suppression_active_holdsLevelAtNone_withReason_expired_doesNot() throws Exception {
        String suppressions = "[{kind: SENDER, id: S-1, expires: 2026-03-05, reason: \"investigated, cleared\"}]";
        RuleBundle b = org.osecscreener.detect.TestBundles.with(1, RECURRING, "{review: 0.2, alert: 0.5}", suppressions);
        Screener s = screener(b);
        Assessment held = s.screen(tx("T-1", "S-1", "B-1", T0, "40.00"));
        assertThat(held.level()).isEqualTo(Level.NONE);
        assertThat(held.suppressedBy()).isEqualTo("SENDER S-1: investigated, cleared");
        assertThat(held.hits()).isNotEmpty();
        Assessment afterExpiry = s.screen(tx("T-2", "S-1", "B-1", T0.plusDays(5), "40.00"));
        assertThat(afterExpiry.level()).isNotEqualTo(Level.NONE);
        assertThat(afterExpiry.suppressedBy()).isNull();
    }

    @Test
    void currencyWithoutFxRate_isUnscreenable_andChangesNothing() throws Exception {
        Screener s = screener(bundle(1, RECURRING, "{review: 0.5, alert: 0.95}"));
        Transaction brl = new Transaction("T-1", T0, Money.of("10.00", Currency.getInstance("BRL")), null, null,
                Party.of("S-1", "AU"), Party.of("B-1", "PH"), null);
        assertThatThrownBy(() -> s.screen(brl)).isInstanceOf(UnscreenableTransactionException.class)
                .hasMessageContaining("no FX rate for BRL");
        assertThat(s.tracked().senders()).isZero();
        assertThat(s.tracked().transactionIds()).isZero();
    }

    @Test
    void builder_rejectsBadAndRepeatedSettings() {
        assertThatThrownBy(() -> Screener.builder().maxSenders(0)).hasMessage("maxSenders must be positive, was 0");
        assertThatThrownBy(() -> Screener.builder().maxSenders(10).maxSenders(20)).hasMessage("maxSenders was already set to 10");
        assertThatThrownBy(() -> Screener.builder().bundle(RuleBundleLoader.defaultBundle()).bundle(Path.of("x")))
                .hasMessageContaining("bundle was already set to osec-default@");
    }

    @Test
    void concurrentScreening_givesTheSameCountsAsOneThread() throws Exception {
        List<Transaction> txs = sample();
        Map<Level, Long> single = counts(screener(RuleBundleLoader.defaultBundle()), List.of(txs));
        // split by sender, keeping input order within each part: each thread sees its senders'
        // transfers in order; the ring's senders stay together (their order relative to each
        // other matters for the shared cluster)
        Map<String, Integer> partOf = new LinkedHashMap<>();
        List<List<Transaction>> parts = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        for (Transaction t : txs) {
            String sender = t.sender().id();
            int part = partOf.computeIfAbsent(sender, k -> k.startsWith("S-O") ? 0 : 1 + partOf.size() % 3);
            parts.get(part).add(t);
        }
        Map<Level, Long> concurrent = counts(screener(RuleBundleLoader.defaultBundle()), parts);
        assertThat(concurrent).isEqualTo(single);
        assertThat(single.get(Level.ALERT)).isPositive();
    }

    @Test
    void endToEnd_sample_ringSendersAlert_familiesDoNot() throws Exception {
        Screener s = screener(RuleBundleLoader.defaultBundle());
        Map<String, Level> worst = new LinkedHashMap<>();
        for (Transaction t : sample()) {
            Assessment a = s.screen(t);
            worst.merge(t.sender().id(), a.level(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
            if (a.level() == Level.ALERT) {
                assertThat(Hit.MAX_EVIDENCE).isGreaterThanOrEqualTo(a.hits().get(0).evidence().size());
                assertThat(a.hits().stream().filter(h -> !h.mitigating()).count()).isGreaterThanOrEqualTo(2);
            }
        }
        worst.forEach((sender, level) -> {
            if (sender.startsWith("S-O")) {
                assertThat(level).as("ring sender %s", sender).isEqualTo(Level.ALERT);
            } else if (sender.startsWith("S-F")) {
                assertThat(level).as("monthly family sender %s", sender).isEqualTo(Level.NONE);
            } else {
                assertThat(level).as("weekly family sender %s", sender).isNotEqualTo(Level.ALERT);
            }
        });
    }

    private static Map<Level, Long> counts(Screener s, List<List<Transaction>> parts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parts.size());
        try {
            List<Future<List<Assessment>>> futures = new ArrayList<>();
            for (List<Transaction> part : parts) {
                futures.add(pool.submit(() -> {
                    List<Assessment> out = new ArrayList<>();
                    part.forEach(t -> out.add(s.screen(t)));
                    return out;
                }));
            }
            Map<Level, Long> counts = new EnumMap<>(Level.class);
            for (Future<List<Assessment>> f : futures) {
                for (Assessment a : f.get(60, TimeUnit.SECONDS)) {
                    counts.merge(a.level(), 1L, Long::sum);
                }
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<Transaction> sample() throws IOException {
        List<Transaction> txs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of("../samples/transactions.jsonl"));
             TransactionReader r = new TransactionReader(in)) {
            r.forEach(txs::add, rej -> {
                throw new AssertionError(rej.describe());
            });
        }
        return txs;
    }
}
