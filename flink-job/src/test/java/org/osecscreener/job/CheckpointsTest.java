package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    @TempDir
    Path dir;

    private void checkpoint(String job, int n, boolean complete) throws IOException {
        Path chk = Files.createDirectories(dir.resolve(job).resolve("chk-" + n));
        Files.writeString(chk.resolve("state-file"), "x");
        if (complete) {
            Files.writeString(chk.resolve(Checkpoints.METADATA), "m");
        }
    }

    @Test
    void latest_isTheHighestNumberWithMetadata_inAnyJobDirectory() throws IOException {
        checkpoint("aaaa", 3, true);
        checkpoint("aaaa", 4, false); // in progress when the process was killed
        checkpoint("bbbb", 5, true);  // the resumed job numbers on from 3
        checkpoint("bbbb", 6, false);
        Files.createDirectories(dir.resolve("bbbb/shared"));
        Files.writeString(dir.resolve("osec-run.properties"), "source=file\n");

        Checkpoints.Completed c = Checkpoints.latest(dir.toString()).orElseThrow();
        assertThat(c.id()).isEqualTo(5);
        assertThat(c.path()).endsWith("bbbb/chk-5");
    }

    @Test
    void latest_isEmpty_withoutACompletedCheckpoint_orWithoutTheDirectory() throws IOException {
        assertThat(Checkpoints.latest(dir.resolve("none").toString())).isEmpty();
        checkpoint("aaaa", 1, false);
        assertThat(Checkpoints.latest(dir.toString())).isEmpty();
        assertThat(Checkpoints.latest(dir.toUri().toString())).as("a URI works as well").isEmpty();
        checkpoint("aaaa", 2, true);
        assertThat(Checkpoints.latest(dir.toUri().toString())).map(Checkpoints.Completed::id).contains(2L);
    }
}
