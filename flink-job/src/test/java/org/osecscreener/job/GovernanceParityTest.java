package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.osecscreener.detect.UnscreenableTransactionException;
import org.osecscreener.model.Money;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleEvent;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;
import org.osecscreener.screen.Screener;

/**
 * The same decisions embedded and in the job when a bundle arrives before its effective day and
 * switches in mid-stream, and when transaction ids come again: exact replays and reused ids. Every
 * valid record ends screened or dead-lettered (exact replays, dropped and counted, aside).
 */
class GovernanceParityTest {
    @RegisterExtension
    static final MiniClusterExtension MINI = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());
    static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void pendingBundleSwitchingMidStream_andRepeatedIds_sameDecisionsEmbeddedAndInTheJob() throws Exception {
        List<Transaction> sample = JobTestSupport.sample();
        // the input: the sample, a transaction dated before every effective day, exact replays and reused ids
        List<Transaction> input = new ArrayList<>();
        Transaction first = sample.get(0);
        input.add(new Transaction("T-DEC-2025", OffsetDateTime.of(2025, 12, 20, 10, 0, 0, 0, ZoneOffset.UTC), first.amount(),
                first.channel(), first.purpose(), first.sender(), first.beneficiary(), null));
        int replays = 0;
        int reused = 0;
        for (int i = 0; i < sample.size(); i++) {
            input.add(sample.get(i));
            if (i >= 20 && i % 97 == 0) {
                Transaction earlier = sample.get(i - 10);
                input.add(earlier); // an exact replay of a transaction ten lines back
                replays++;
            }
            if (i >= 20 && i % 89 == 0) {
                Transaction t = sample.get(i - 5);
                input.add(new Transaction(t.id(), t.timestamp(), Money.of("1234.00", t.amount().currency()), t.channel(),
                        t.purpose(), t.sender(), t.beneficiary(), null)); // the id again, other content
                reused++;
            }
        }
        Transaction sentinel = LiveUpdateTest.sentinel("T-SENTINEL", sample.get(sample.size() - 1).timestamp().plusSeconds(1));
        input.add(sentinel); // moves the watermark past every real record; itself waits for later input
        assertThat(replays).isPositive();
        assertThat(reused).isPositive();

        RuleBundle v1 = JobTestSupport.defaultPack(1, "2026-01-01"); // the shipped pack, made effective from 2026-01-01
        String v2Text = JobTestSupport.defaultText(2, "2026-03-01")
                .replaceFirst("(?m)^  review: [0-9.]+", "  review: 0.3").replaceFirst("(?m)^  alert: [0-9.]+", "  alert: 0.5");
        assertThat(v2Text).contains("  review: 0.3").contains("  alert: 0.5");

        // embedded: the bundle arrives before the first transaction, as in the job below
        List<RuleBundleEvent> embeddedEvents = new ArrayList<>();
        Screener embedded = Screener.builder().bundle(v1).rejectTooOld(true).ruleEvents(embeddedEvents::add).build();
        Path v2File = dir.resolve("v2.yaml");
        Files.writeString(v2File, v2Text);
        embedded.reload(v2File);
        Map<String, Assessment> expected = new LinkedHashMap<>();
        Map<Long, String> expectedDead = new TreeMap<>();
        long line = 0;
        int duplicates = 0;
        for (Transaction t : input) {
            line++;
            try {
                Assessment a = embedded.screen(t);
                if (a.duplicate()) {
                    duplicates++;
                } else {
                    assertThat(expected.put(t.id(), a)).isNull();
                }
            } catch (UnscreenableTransactionException e) {
                expectedDead.put(line, e.field() + ": " + e.getMessage());
            }
        }
        expected.remove(sentinel.id());
        assertThat(duplicates).isEqualTo(replays);
        assertThat(expectedDead).hasSize(1 + reused);
        assertThat(expected.values()).anySatisfy(a -> assertThat(a.bundle()).isEqualTo("osec-default@1"));
        assertThat(expected.values()).anySatisfy(a -> assertThat(a.bundle()).isEqualTo("osec-default@2"));
        assertThat(embeddedEvents).extracting(RuleBundleEvent::kind)
                .as("v1 is not superseded: it still screens January and February")
                .containsExactly(RuleBundleEvent.Kind.PENDING, RuleBundleEvent.Kind.EFFECTIVE);

        // the job: the same bundle dropped into the watched rules directory before the input
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
        JobClient job = env.executeAsync("governance-parity-test");
        try {
            drop(rules.resolve("v2.yaml"), v2Text);
            awaitUntil(() -> lines(out, "rule-events").size() >= 1, "the pending event of v2");
            Path staged = JobTestSupport.write(dir.resolve("staging.jsonl"), input);
            Files.move(staged, in.resolve("input.jsonl"), StandardCopyOption.ATOMIC_MOVE);
            awaitUntil(() -> lines(out, "alerts").size() >= expected.size() && lines(out, "dead-letter").size() >= expectedDead.size()
                    && lines(out, "rule-events").size() >= 2, expected.size() + " assessments, " + expectedDead.size()
                    + " dead letters and 2 rule events");
        } finally {
            job.cancel().get();
        }

        Map<String, JsonNode> actual = JobTestSupport.byTransaction(lines(out, "alerts"));
        actual.remove(sentinel.id());
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, Assessment> e : expected.entrySet()) {
            JsonNode a = actual.get(e.getKey());
            Assessment x = e.getValue();
            assertThat(a.get("bundle").asText()).as("bundle of %s", e.getKey()).isEqualTo(x.bundle());
            assertThat(a.get("level").asText()).as("level of %s", e.getKey()).isEqualTo(x.level().name());
            assertThat(a.get("score").asDouble()).as("score of %s", e.getKey()).isCloseTo(x.score(), within(1e-9));
            assertThat(a.path("alertId").asText(null)).as("alert id of %s", e.getKey()).isEqualTo(x.alertId());
        }
        Map<Long, String> actualDead = new TreeMap<>();
        for (String l : lines(out, "dead-letter")) {
            JsonNode d = JobTestSupport.JSON.readTree(l);
            actualDead.put(d.get("line").asLong(), d.get("field").asText() + ": " + d.get("reason").asText());
        }
        assertThat(actualDead).isEqualTo(expectedDead);
        assertThat(actualDead.values()).filteredOn(r -> r.startsWith("id: duplicate id with different content")).hasSize(reused);
        assertThat(actualDead.values()).filteredOn(r -> r.startsWith("timestamp: no rule bundle in effect on 2025-12-20")).hasSize(1);
        // nothing lost: every valid record is assessed or dead-lettered, except the exact replays (dropped and counted)
        assertThat(actual.size() + 1 + actualDead.size() + replays).isEqualTo(input.size());

        List<JsonNode> events = new ArrayList<>();
        for (String l : lines(out, "rule-events")) {
            events.add(JobTestSupport.JSON.readTree(l));
        }
        // part files of different checkpoints are read back in file-name order, not in time order
        events.sort(java.util.Comparator.comparing(e -> e.get("event").asText().equals("pending") ? 0 : 1));
        assertThat(events).extracting(e -> e.get("event").asText()).containsExactly("pending", "effective");
        for (int i = 0; i < 2; i++) {
            JsonNode want = JobTestSupport.JSON.readTree(embeddedEvents.get(i).toJson());
            JsonNode got = events.get(i);
            for (String f : List.of("event", "source", "bundle", "replaces", "eventTime", "eventDay")) {
                assertThat(got.get(f)).as("%s of the %s event", f, want.get("event").asText()).isEqualTo(want.get(f));
            }
        }
        assertThat(events.get(1).get("eventTime").asText()).startsWith("2026-03-0");
    }

    private void drop(Path target, String text) throws IOException {
        Path tmp = dir.resolve("staging-" + target.getFileName());
        Files.writeString(tmp, text);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> lines(Path out, String what) {
        try {
            return JobRunner.lines(out.resolve(what));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Polls {@code condition} until it holds, failing with {@code what} after {@link #WAIT}. */
    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        Jvm.await(condition, WAIT, () -> what);
    }
}
