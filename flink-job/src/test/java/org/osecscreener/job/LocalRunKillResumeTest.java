package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.cli.Main;

/**
 * A local {@code run} (its own JVM, the Flink mini-cluster, as a small remitter deploys it) over
 * 200,000 generated transactions with 150 broken lines ({@link FaultFixture}), checkpointing every 2 s, is killed with
 * SIGKILL three times and resumed with {@code run --resume} each time, then left to finish. The
 * committed alerts and dead letters equal those of a failure-free screening of the same file by
 * the embedded screener ({@code screen}): none lost, none duplicated, the same alert ids, levels
 * and scores.
 *
 * <p>Where each kill falls is random with a fixed seed: once the committed alerts reach a random
 * share (5–55%, rising from kill to kill) of the expected alerts, which needs at least one new
 * completed checkpoint since the attempt started (part files are committed at checkpoints), plus
 * 0–1 s, so that kills land in every phase of the checkpoint cycle (while a checkpoint is being
 * written, between its completion and the commit of the part files, between checkpoints).
 */
@Tag("process")
class LocalRunKillResumeTest {
    static final long SEED = 20261209L;
    static final int BROKEN = FaultFixture.BROKEN;
    static final int KILLS = 3;

    @TempDir
    Path dir;
    /** Logs of the processes, kept under target/ for a failed build to show. */
    final Path logs = Path.of("target", "process-logs", getClass().getSimpleName());
    final long t0 = System.nanoTime();
    final List<Jvm> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Jvm j : started) {
            j.close();
        }
    }

    @Test
    void localRun_killedThreeTimesWithSigkill_andResumed_commitsTheAlertsOfAFailureFreeRun_exactlyOnce() throws Exception {
        Random random = new Random(SEED);
        FaultFixture fixture = FaultFixture.get();
        Path input = fixture.input();
        Map<String, JsonNode> expected = fixture.expected();
        step("input of " + FaultFixture.TRANSACTIONS + " transactions screened by the embedded screener: "
                + expected.size() + " alerts expected");
        Path out = dir.resolve("out");
        Path checkpoints = out.resolve("checkpoints");
        List<String> args = List.of("run", "--input", input.toString(), "--output", out.toString(),
                "--checkpoint-interval", "PT2S", "--max-future", "off", "--restarts", "0");
        List<String> kills = new ArrayList<>();
        long expectedBytes = fixture.alertsBytes();
        double[] shares = new double[KILLS];
        for (int k = 0; k < KILLS; k++) {
            shares[k] = 0.05 + 0.5 * random.nextDouble();
        }
        java.util.Arrays.sort(shares);
        for (int attempt = 0; attempt <= KILLS; attempt++) {
            List<String> a = new ArrayList<>(args);
            if (attempt > 0) {
                a.add("--resume");
            }
            long before = latestCheckpoint(checkpoints);
            long committedBefore = committedBytes(out.resolve("alerts"));
            Jvm run = start("run attempt " + attempt, a, logs.resolve("attempt-" + attempt + ".log"));
            if (attempt == KILLS) {
                int code = run.awaitExit(Duration.ofMinutes(10));
                assertThat(code).as("the last attempt finishes; exit 1 (broken lines dead-lettered). Log:%n%s", run.tail())
                        .isEqualTo(Main.FINDINGS);
                assertThat(run.output()).contains("resuming from checkpoint").contains("the whole run (every attempt")
                        .contains("wrote " + expected.size() + " assessments").contains(BROKEN + " dead letters");
                step("the last attempt finished");
                break;
            }
            long target = Math.max(committedBefore + 1, (long) (shares[attempt] * expectedBytes));
            long extraMillis = random.nextInt(1000);
            Jvm current = run;
            Jvm.await(() -> (committedBytes(out.resolve("alerts")) >= target && latestCheckpoint(checkpoints) > before)
                            || !current.isAlive(),
                    Duration.ofMinutes(5), () -> String.format("%s to complete a checkpoint and commit alerts up to %d bytes"
                            + " (%.0f%% of the expected)", current, target, 100.0 * target / expectedBytes));
            assertThat(run.isAlive()).as("attempt %d is still running when its kill is due; log:%n%s", current, tailOf(run))
                    .isTrue();
            Thread.sleep(extraMillis); // the random kill point, not a wait for a condition
            run.kill();
            assertThat(out.resolve("summary.txt")).as("the run had not finished when killed").doesNotExist();
            kills.add(String.format("kill %d: at %.0f%% of the expected alerts + %d ms; checkpoint %d (was %d at start), %d of %d alerts committed",
                    attempt + 1, 100 * shares[attempt], extraMillis, latestCheckpoint(checkpoints), before,
                    JobRunner.lines(out.resolve("alerts")).size(), expected.size()));
            step(kills.get(attempt));
        }

        Map<String, JsonNode> actual = JobTestSupport.byKey(JobRunner.lines(out.resolve("alerts"))); // fails on a duplicate
        JobTestSupport.assertSameKeys(actual, expected);
        expected.forEach((id, e) -> {
            JsonNode a = actual.get(id);
            assertThat(a.get("alertId").asText()).as("alert id of %s", id).isEqualTo(e.get("alertId").asText());
            assertThat(a.get("level").asText()).as("level of %s", id).isEqualTo(e.get("level").asText());
            assertThat(a.get("score").asDouble()).as("score of %s", id).isCloseTo(e.get("score").asDouble(), within(1e-9));
        });
        List<Long> dead = JobTestSupport.deadLetterLines(JobRunner.lines(out.resolve("dead-letter")));
        assertThat(dead).as("each broken line dead-lettered exactly once").hasSize(BROKEN).containsExactlyInAnyOrderElementsOf(fixture.brokenLines());
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".inprogress.")))
                    .as("uncommitted part files of killed attempts are removed when the run finishes").isEmpty();
        }
        assertThat(checkpoints).as("the finished run's checkpoint directory is removed").doesNotExist();
    }

    private Jvm start(String name, List<String> args, Path log) throws IOException {
        Jvm j = Jvm.start(name, List.of("-Xmx1g", "-XX:+UseParallelGC"), Main.class.getName(), args, log);
        started.add(j);
        return j;
    }

    /** Prints a step with the seconds since the test started (in the test's report). */
    private void step(String what) {
        System.out.printf(java.util.Locale.ROOT, "%6.1f s  %s%n", (System.nanoTime() - t0) / 1e9, what);
    }

    private static String tailOf(Jvm j) {
        try {
            return j.tail();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The bytes of the committed part files under {@code dir}. */
    private static long committedBytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The newest completed checkpoint's number, or 0. */
    private static long latestCheckpoint(Path dir) {
        return Checkpoints.latest(dir.toString()).map(Checkpoints.Completed::id).orElse(0L);
    }

}
