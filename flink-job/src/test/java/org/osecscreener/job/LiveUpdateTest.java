package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;
import org.osecscreener.screen.Screener;

/**
 * A rule bundle with lower thresholds arrives while the job runs, between two batches of input;
 * an invalid bundle arrives too. Every assessment equals the embedded Screener's with the same
 * switch: the first batch under version 1, the second under version 2; the invalid bundle is
 * rejected with an event and changes nothing.
 */
class LiveUpdateTest {
    @RegisterExtension
    static final MiniClusterExtension MINI = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());
    static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void lowerThresholdBundle_appliesFromTheSwitchOn_invalidBundleChangesNothing() throws Exception {
        List<Transaction> sample = JobTestSupport.sample();
        int split = 470;
        List<Transaction> first = new ArrayList<>(sample.subList(0, split));
        List<Transaction> second = new ArrayList<>(sample.subList(split, sample.size()));
        first.add(sentinel("T-SENTINEL-1", second.get(0).timestamp().minusNanos(1_000_000)));
        Transaction held = sentinel("T-SENTINEL-2", second.get(second.size() - 1).timestamp().plusNanos(1_000_000));
        second.add(held);
        RuleBundle v1 = RuleBundleLoader.defaultBundle();
        String v2Text = defaultText().replace("version: 1", "version: 2")
                .replaceFirst("(?m)^  review: [0-9.]+", "  review: 0.3").replaceFirst("(?m)^  alert: [0-9.]+", "  alert: 0.5");
        assertThat(v2Text).contains("  review: 0.3").contains("  alert: 0.5");
        RuleBundle v2 = new RuleBundleLoader().load("v2.yaml", v2Text.getBytes(StandardCharsets.UTF_8));

        Path in = Files.createDirectories(dir.resolve("in"));
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path out = dir.resolve("out");
        JobRunner.Options o = new JobRunner.Options("file", in.toString(), "jsonl", Duration.ofMillis(200), null, null, null, false,
                "file", out.toString(), null, null, null, v1, rules.toString(), null, "hashmap", Duration.ofMillis(200),
                out.resolve("checkpoints").toString(), 2, Duration.ZERO, Level.NONE, false, 0);
        Configuration conf = JobRunner.configuration(o);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        JobRunner.wire(env, o);
        JobClient job = env.executeAsync("live-update-test");
        try {
            drop(in, "batch-1.jsonl", first);
            // everything but the first sentinel, which waits for the watermark of the second batch
            awaitUntil(() -> alerts(out).size() >= first.size() - 1, "the first batch's " + (first.size() - 1) + " assessments");
            drop(rules, "broken.yaml", List.of(), "id: broken\nversion: 3\n");
            drop(rules, "v2.yaml", List.of(), v2Text);
            awaitUntil(() -> ruleEvents(out).size() >= 2, "two rule events (one accepted, one rejected)");
            drop(in, "batch-2.jsonl", second);
            int expectedCount = first.size() + second.size() - 1; // the last sentinel waits for later input (or idleness)
            awaitUntil(() -> alerts(out).size() >= expectedCount, expectedCount + " assessments");
        } finally {
            job.cancel().get();
        }

        List<String> events = ruleEvents(out);
        assertThat(events).hasSize(2);
        assertThat(events).anySatisfy(e -> assertThat(e).contains("\"event\":\"accepted\"").contains("osec-default@2"));
        assertThat(events).anySatisfy(e -> assertThat(e).contains("\"event\":\"rejected\"").contains("broken.yaml")
                .contains("\"running\":{\"id\":\"osec-default\",\"version\":1,"));

        Screener embedded = Screener.builder().bundle(v1).build();
        Map<String, Assessment> expected = new LinkedHashMap<>();
        first.forEach(t -> expected.put(t.id(), embedded.screen(t)));
        embedded.reload(v2);
        second.forEach(t -> expected.put(t.id(), embedded.screen(t)));
        // The sentinels only move the event-time clock; they touch no other party's state.
        expected.remove(first.get(first.size() - 1).id());
        expected.remove(held.id());
        Map<String, JsonNode> actual = JobTestSupport.byTransaction(alerts(out));
        actual.remove(first.get(first.size() - 1).id());
        actual.remove(held.id());
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        long alertsUnderV2 = 0;
        for (Map.Entry<String, Assessment> e : expected.entrySet()) {
            JsonNode a = actual.get(e.getKey());
            Assessment x = e.getValue();
            assertThat(a.get("bundle").asText()).as("bundle of %s", e.getKey()).isEqualTo(x.bundle());
            assertThat(a.get("level").asText()).as("level of %s", e.getKey()).isEqualTo(x.level().name());
            assertThat(a.get("score").asDouble()).as("score of %s: flink %s vs embedded %s", e.getKey(), a, org.osecscreener.screen.AssessmentWriter.toJson(x)).isCloseTo(x.score(), within(1e-9));
            if (x.bundleVersion() == 2 && x.level() == Level.ALERT) {
                alertsUnderV2++;
            }
        }
        assertThat(first.subList(0, first.size() - 1)).allSatisfy(t -> assertThat(actual.get(t.id()).get("bundle").asText()).isEqualTo("osec-default@1"));
        assertThat(alertsUnderV2).isPositive();
    }

    static Transaction sentinel(String id, java.time.OffsetDateTime at) {
        return new Transaction(id, at, Money.of("1000.00", Currency.getInstance("EUR")), null, null,
                Party.of("S-SENTINEL", "DE"), Party.of("B-SENTINEL", "DE"), null);
    }

    static String defaultText() throws IOException {
        try (InputStream in = RuleBundleLoader.class.getResourceAsStream(RuleBundleLoader.DEFAULT_BUNDLE_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes a file next to the watched directory, then moves it in whole. */
    private void drop(Path watched, String name, List<Transaction> txs, String... text) throws IOException {
        Path tmp = dir.resolve("staging-" + name);
        if (text.length > 0) {
            Files.writeString(tmp, text[0]);
        } else {
            JobTestSupport.write(tmp, txs);
        }
        Files.move(tmp, watched.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> alerts(Path out) {
        try {
            return JobRunner.lines(out.resolve("alerts"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> ruleEvents(Path out) {
        try {
            return JobRunner.lines(out.resolve("rule-events"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Polls {@code condition} until it holds, failing with {@code what} after {@link #WAIT}. */
    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        Jvm.await(condition, WAIT, () -> what);
    }
}
