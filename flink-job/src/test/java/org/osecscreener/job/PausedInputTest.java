package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
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
 * A live job whose input pauses for longer than the idleness, then resumes, with no rules directory
 * or topic (the baseline alone: a bounded rules stream, as {@code run} wires it by default): every
 * output line equals the embedded screener's on the same transactions.
 *
 * <p>Before {@link EventTimeGate}, such a pause cost the job its event-time order for good: the
 * finished rules stream's end-of-time watermark became the cluster stage's once the transactions
 * were idle, and idleness reaching the final stage let one sender subtask's watermark overtake the
 * other's records; the second batch was then screened partly in arrival order (on the sample's
 * shared payee cluster: other "reached ALERT" dates and propagation hits than the embedded
 * screener's).
 */
class PausedInputTest {
    @RegisterExtension
    static final MiniClusterExtension MINI = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());
    static final Duration WAIT = Duration.ofSeconds(120);
    /** Far shorter than the pause between the batches, which includes at least one checkpoint and commit. */
    static final Duration IDLENESS = Duration.ofMillis(100);

    @TempDir
    Path dir;

    @Test
    void inputPausesLongerThanTheIdleness_thenResumes_outputsEqualTheEmbeddedScreener() throws Exception {
        List<Transaction> sample = JobTestSupport.sample();
        int split = 400;
        List<Transaction> first = new ArrayList<>(sample.subList(0, split));
        List<Transaction> second = new ArrayList<>(sample.subList(split, sample.size()));
        // moves the watermark past the whole first batch; touches no other party
        first.add(LiveUpdateTest.sentinel("T-SENTINEL-1", second.get(0).timestamp().minusNanos(1_000_000)));
        second.add(LiveUpdateTest.sentinel("T-SENTINEL-2", second.get(second.size() - 1).timestamp().plusNanos(1_000_000)));
        List<String> expectedFirst = embedded(first, List.of());
        List<String> expectedAll = embedded(first, second);
        assertThat(expectedFirst).as("the first batch alerts on its own").isNotEmpty();
        assertThat(expectedAll.size()).as("and the second batch too").isGreaterThan(expectedFirst.size());

        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        JobRunner.Options o = JobTestSupport.fileRun(in, out, "hashmap", 2, JobTestSupport.defaults(), null, Level.REVIEW);
        Configuration conf = JobRunner.configuration(o);
        conf.setString("pipeline.auto-watermark-interval", "20 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DataStream<RawRecord> raw = env.fromSource(Connectors.fileSource(in.toString(), Duration.ofMillis(100)),
                WatermarkStrategy.noWatermarks(), "watched files").uid("file-source");
        // as JobRunner.wire without rules directory or topic: the baseline alone, a bounded stream
        DataStream<RuleEvent> rules = env.fromData(List.of(new RuleEvent("baseline", Engines.canonical(o.baseline()))),
                TypeExtractor.getForClass(RuleEvent.class));
        ScreeningJob.Outputs outputs = ScreeningJob.build(raw, rules, new ScreeningJob.Settings(o.baseline(),
                ClusterConfig.defaults(), 2, Duration.ZERO, IDLENESS, Level.REVIEW));
        outputs.assessments().sinkTo(Connectors.fileSink(out.resolve("alerts").toString(), "alerts")).setParallelism(1);
        JobClient job = env.executeAsync("paused-input-test");
        try {
            drop(in, "batch-1.jsonl", first);
            Jvm.await(() -> alerts(out).size() >= expectedFirst.size(), WAIT,
                    () -> "the first batch's " + expectedFirst.size() + " alert lines (have " + alerts(out).size() + ")");
            // the input now pauses: the wait above spans at least one checkpoint, far past the idleness
            drop(in, "batch-2.jsonl", second);
            Jvm.await(() -> alerts(out).size() >= expectedAll.size(), WAIT,
                    () -> expectedAll.size() + " alert lines (have " + alerts(out).size() + ")");
        } finally {
            job.cancel().get();
        }
        List<String> actual = new ArrayList<>(alerts(out));
        actual.sort(null);
        assertThat(actual).as("every line as the embedded screener writes it, none twice")
                .containsExactlyElementsOf(expectedAll);
    }

    /** The embedded screener's output lines at REVIEW or above for both batches in order, sorted. */
    private static List<String> embedded(List<Transaction> first, List<Transaction> second) throws Exception {
        Screener s = Screener.builder().bundle(JobTestSupport.defaults()).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AssessmentWriter w = new AssessmentWriter(bytes)) {
            for (Transaction t : first) {
                w.write(s.screenAll(t), Level.REVIEW);
            }
            for (Transaction t : second) {
                w.write(s.screenAll(t), Level.REVIEW);
            }
        }
        List<String> lines = new ArrayList<>(bytes.toString(StandardCharsets.UTF_8).lines().toList());
        lines.sort(null);
        return lines;
    }

    /** Writes a file next to the watched directory, then moves it in whole. */
    private void drop(Path watched, String name, List<Transaction> txs) throws IOException {
        Path tmp = dir.resolve("staging-" + name);
        JobTestSupport.write(tmp, txs);
        Files.move(tmp, watched.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> alerts(Path out) {
        try {
            return JobRunner.lines(out.resolve("alerts"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
