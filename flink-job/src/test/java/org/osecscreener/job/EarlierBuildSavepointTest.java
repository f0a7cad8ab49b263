package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.model.Transaction;
import org.osecscreener.screen.AssessmentWriter;
import org.osecscreener.screen.Screener;
import org.osecscreener.score.Level;

/**
 * A savepoint taken by the build before the speed work (commit {@code d2f54c8}, the build that
 * produced the README's detection table) restores into this build, and the job goes on exactly
 * where the earlier one stopped.
 *
 * <p>The fixture ({@code savepoint-d2f54c8/}, made by {@code scripts/savepoint-fixture/}): the earlier
 * build ran the job on its own (parallelism 2, heap state, checkpoints every second) over a watched
 * directory holding the first 400 lines of the bundled sample, then lines 401-600 as a second file,
 * and was stopped with a canonical savepoint. Its state has every kind this build must read in the
 * earlier form: format-3 sender profiles, pair and cluster profiles, the resolver, seen ids with
 * their fingerprints, the bundle schedule, the final stage's cluster risk, alerts and queue items,
 * and its buffer of records waiting for the watermark (earlier envelope tags). What it had committed
 * before stopping is {@code committed-alerts.jsonl}.
 *
 * <p>Here this build restores the savepoint and reads the whole sample (lines 1-600 again, which
 * the restored seen ids drop as exact replays, then 601-940, which the restored profiles screen).
 * The earlier build's committed alerts plus this build's equal, line for line, a failure-free
 * embedded screening of the whole sample: nothing lost, nothing written twice, nothing changed.
 */
class EarlierBuildSavepointTest {
    static final String FIXTURE = "savepoint-d2f54c8";

    @RegisterExtension
    static final MiniClusterExtension MINI = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    Path dir;

    @Test
    void savepointOfTheBuildBeforeTheSpeedWork_restores_andTheJobContinuesWithTheSameOutputs() throws Exception {
        List<String> sample = sampleLines();
        assertThat(sample).as("the bundled sample the fixture was made from").hasSize(940);
        Path input = Files.createDirectories(dir.resolve("in"));
        // one file, so one split read in order by one reader: with several files, two readers could
        // send the later lines (May) ahead of the replayed first ones (January), which the cluster
        // stage then refuses as older than the retention (a dead letter, as it would be live)
        Files.write(input.resolve("all.jsonl"), sample);
        Path savepoint = copyFixture(dir.resolve("savepoint"));
        Path out = dir.resolve("out");

        JobRunner.Options o = JobTestSupport.fileRun(input, out, "hashmap", 2, JobTestSupport.defaults(), null, Level.REVIEW);
        Configuration conf = JobRunner.configuration(o, savepoint.toUri().toString());
        conf.setString("execution.state-recovery.claim-mode", "NO_CLAIM");
        // the earlier run's file source and sinks are not restored: this run reads its own copy of the
        // input (from the first line: the restored seen ids drop what the earlier run screened) and
        // writes to its own directory. A screening state left unrestored would show below: replays
        // screened again (lines written twice) or profiles missing (other scores).
        conf.setString("execution.state-recovery.ignore-unclaimed-state", "true");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DataStream<RawRecord> raw = env.fromSource(Connectors.fileSource(input.toString(), null),
                WatermarkStrategy.noWatermarks(), "file").uid("file-source-after-upgrade");
        DataStream<RuleEvent> rules = env.fromData(List.of(new RuleEvent("baseline", Engines.canonical(o.baseline()))),
                TypeExtractor.getForClass(RuleEvent.class));
        ScreeningJob.Outputs outputs = ScreeningJob.build(raw, rules, new ScreeningJob.Settings(o.baseline(),
                ClusterConfig.defaults(), 2, Duration.ofSeconds(5), Duration.ofSeconds(30), Level.REVIEW));
        outputs.assessments().sinkTo(Connectors.fileSink(out.resolve("alerts").toString(), "alerts"))
                .uid("alerts-after-upgrade").setParallelism(1);
        outputs.deadLetters().sinkTo(Connectors.fileSink(out.resolve("dead-letter").toString(), "dead"))
                .uid("dead-letters-after-upgrade").setParallelism(1);
        env.execute("earlier-build-savepoint-test");

        List<String> before = resourceLines(FIXTURE + "/committed-alerts.jsonl");
        List<String> after = JobRunner.lines(out.resolve("alerts"));
        assertThat(before).as("the fixture: alerts the earlier build committed before its savepoint").hasSize(65);
        assertThat(after).as("this build writes what the earlier one had not: at least the records buffered in the"
                + " savepoint and those after it").isNotEmpty();
        assertThat(JobRunner.lines(out.resolve("dead-letter")))
                .as("no dead letters: lines 1-600 are exact replays of what the restored seen ids hold (same"
                        + " content fingerprint), so they are dropped, not taken for reused ids").isEmpty();

        List<String> all = new ArrayList<>(before);
        all.addAll(after);
        all.sort(null);
        assertThat(all).as("earlier build's committed alerts + this build's, sorted, against a failure-free embedded"
                + " screening of the whole sample").containsExactlyElementsOf(embeddedSorted(JobTestSupport.sample()));
        // nothing written twice: no line of the earlier build is written again
        assertThat(after).doesNotContainAnyElementsOf(before);
    }

    /** The bundled sample's lines (the same file in the earlier build's jar and this one). */
    static List<String> sampleLines() throws IOException {
        return Files.readAllLines(Path.of("../samples/transactions.jsonl"));
    }

    /** Every output line of the embedded screener at REVIEW or above, sorted. */
    static List<String> embeddedSorted(List<Transaction> txs) throws Exception {
        Screener s = Screener.builder().bundle(JobTestSupport.defaults()).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AssessmentWriter w = new AssessmentWriter(bytes)) {
            for (Transaction t : txs) {
                w.write(s.screenAll(t), Level.REVIEW);
            }
        }
        List<String> out = new ArrayList<>(bytes.toString(StandardCharsets.UTF_8).lines().toList());
        out.sort(null);
        return out;
    }

    private static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(EarlierBuildSavepointTest.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Copies the savepoint fixture out of the test classpath (a canonical savepoint is relocatable). */
    private static Path copyFixture(Path to) throws IOException, URISyntaxException {
        Path from = Path.of(Objects.requireNonNull(EarlierBuildSavepointTest.class.getResource(FIXTURE + "/savepoint")).toURI());
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
