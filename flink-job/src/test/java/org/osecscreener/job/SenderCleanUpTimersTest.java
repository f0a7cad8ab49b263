package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.osecscreener.score.Level;

/**
 * The sender stage's state restored from a build that kept Flink's processing-time TTL and set no
 * clean-up timers (the savepoint of {@code d2f54c8}, {@link EarlierBuildSavepointTest}): the TTL
 * metadata is dropped on restore, every restored sender gets its event-time clean-up timer when the
 * stage opens, and a checkpoint of this build restores with its timers and sets none twice.
 */
class SenderCleanUpTimersTest {

    @Test
    void senderStateOfABuildWithoutTimers_getsOneTimerPerSender_andACheckpointOfThisBuildKeepsThem() throws Exception {
        OperatorSubtaskState earlier = earlierSenderStage();
        long senders;
        OperatorSubtaskState snapshot;
        try (KeyedOneInputStreamOperatorTestHarness<String, Envelope, Envelope> h =
                     StageHarness.senderHarness(new SenderStepFunction(Level.NONE), earlier)) {
            senders = senderKeys(h);
            assertThat(senders).as("senders in the earlier build's state").isGreaterThan(10);
            assertThat(h.numEventTimeTimers()).as("one clean-up timer per restored sender").isEqualTo((int) senders);
            snapshot = h.snapshot(1, 1);
        }
        try (KeyedOneInputStreamOperatorTestHarness<String, Envelope, Envelope> h =
                     StageHarness.senderHarness(new SenderStepFunction(Level.NONE), snapshot)) {
            assertThat(senderKeys(h)).isEqualTo(senders);
            assertThat(h.numEventTimeTimers()).as("restored with the state, none added").isEqualTo((int) senders);
            h.processWatermark(Long.MAX_VALUE);
            assertThat(senderKeys(h)).as("every restored sender dropped at the end of time").isZero();
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }

    private static long senderKeys(KeyedOneInputStreamOperatorTestHarness<String, Envelope, Envelope> h) {
        org.apache.flink.runtime.state.KeyedStateBackend<Object> backend = h.getOperator().getKeyedStateBackend();
        try (Stream<Object> keys = backend.getKeys(SenderStepFunction.PROFILE.getName(), VoidNamespace.INSTANCE)) {
            return keys.count();
        }
    }

    /** The sender stage's subtask states in the earlier build's savepoint, as one subtask's. */
    private static OperatorSubtaskState earlierSenderStage() throws Exception {
        Path dir = Path.of(Objects.requireNonNull(SenderCleanUpTimersTest.class.getResource(
                EarlierBuildSavepointTest.FIXTURE + "/savepoint")).toURI());
        CheckpointMetadata metadata;
        try (InputStream in = Files.newInputStream(dir.resolve("_metadata"))) {
            metadata = Checkpoints.loadCheckpointMetadata(new DataInputStream(in), SenderCleanUpTimersTest.class.getClassLoader(),
                    dir.toString());
        }
        // the only keyed operator with the sender stage's max parallelism (the global stages have 1)
        List<OperatorState> keyed = metadata.getOperatorStates().stream()
                .filter(s -> s.getMaxParallelism() == ScreeningJob.SENDER_MAX_PARALLELISM)
                .filter(s -> s.getStates().stream().anyMatch(t -> !t.getManagedKeyedState().isEmpty()))
                .toList();
        assertThat(keyed).as("the sender stage in the fixture").hasSize(1);
        return AbstractStreamOperatorTestHarness.repackageState(keyed.get(0).getStates().toArray(new OperatorSubtaskState[0]));
    }
}
