package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
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
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;

/**
 * The job fails on purpose mid-stream, after a checkpoint has completed, and restarts from it:
 * the committed alerts equal those of a run without failure — none lost, none duplicated.
 */
class FaultToleranceTest {
    @RegisterExtension
    static final MiniClusterExtension MINI = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicInteger COMPLETED_CHECKPOINTS = new AtomicInteger();

    @TempDir
    Path dir;

    /** Passes records through; once, after a checkpoint completed and enough records went by, throws. */
    static final class FailOnceAfterCheckpoint extends RichMapFunction<RawRecord, RawRecord> implements CheckpointListener {
        private final int after;
        private int seen;

        FailOnceAfterCheckpoint(int after) {
            this.after = after;
        }

        @Override
        public RawRecord map(RawRecord r) {
            if (++seen >= after && COMPLETED_CHECKPOINTS.get() > 0 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("failure injected by the test after " + seen + " records");
            }
            return r;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED_CHECKPOINTS.incrementAndGet();
        }
    }

    @Test
    void failureMidStream_restartFromCheckpoint_committedAlertsEqualAFailureFreeRun() throws Exception {
        List<Transaction> txs = JobTestSupport.repeatedSample(20);
        Path input = JobTestSupport.write(dir.resolve("in.jsonl"), txs);
        Path out = dir.resolve("out");
        JobRunner.Options o = JobTestSupport.fileRun(input, out, "hashmap", 2, JobTestSupport.defaults(), null, Level.REVIEW);
        Configuration conf = JobRunner.configuration(o);
        conf.setString("execution.checkpointing.interval", "100 ms");
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "2");
        conf.setString("restart-strategy.fixed-delay.delay", "100 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DataStream<RawRecord> raw = env.fromSource(Connectors.fileSource(input.toString(), null),
                        WatermarkStrategy.noWatermarks(), "file").uid("file-source")
                .map(new FailOnceAfterCheckpoint(1000)).returns(TypeExtractor.getForClass(RawRecord.class))
                .uid("fail-once");
        DataStream<RuleEvent> rules = env.fromData(List.of(new RuleEvent("baseline", Engines.canonical(o.baseline()))),
                TypeExtractor.getForClass(RuleEvent.class));
        ScreeningJob.Outputs outputs = ScreeningJob.build(raw, rules, new ScreeningJob.Settings(o.baseline(),
                ClusterConfig.defaults(), 2, Duration.ofSeconds(5), Duration.ofSeconds(30), Level.REVIEW));
        outputs.assessments().sinkTo(Connectors.fileSink(out.resolve("alerts").toString(), "alerts")).setParallelism(1);
        outputs.deadLetters().sinkTo(Connectors.fileSink(out.resolve("dead-letter").toString(), "dead")).setParallelism(1);
        env.execute("fault-tolerance-test");

        assertThat(FAILED).as("the injected failure must have happened (a checkpoint completes before half the input)").isTrue();
        Map<String, Assessment> expected = JobTestSupport.embedded(txs, JobTestSupport.defaults());
        Map<String, JsonNode> actual = JobTestSupport.byTransaction(JobRunner.lines(out.resolve("alerts")));
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, a) -> {
            assertThat(actual.get(id).get("alertId").asText()).isEqualTo(a.alertId());
            assertThat(actual.get(id).get("level").asText()).isEqualTo(a.level().name());
        });
        // cluster assessments, look-back and victim alerts survive the failure too: none lost, none duplicated
        JobTestSupport.assertSameOutputs(JobTestSupport.embeddedAll(txs, JobTestSupport.defaults(), Level.REVIEW),
                JobTestSupport.byKey(JobRunner.lines(out.resolve("alerts"))));
    }
}
