import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.osecscreener.job.JobRunner;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.score.Level;

/**
 * Makes the savepoint fixture of EarlierBuildSavepointTest with the build on the classpath (compile
 * and run it against that build's jar, not this project's sources): runs the job as `run` wires it
 * (parallelism 2, heap state, checkpoints every second, the shipped pack) over a watched directory
 * holding the first file, waits, adds the second file, waits, and stops the job with a canonical
 * (relocatable) savepoint.
 *
 * Arguments: INPUT_DIR OUTPUT_DIR SAVEPOINT_DIR FIRST_WAIT_MS SECOND_FILE SECOND_WAIT_MS
 *
 * The waits decide what the savepoint holds: after FIRST_WAIT_MS (past the final stage's hold of 15 s
 * and before the idleness of 30 s) the first file is screened and committed; the second file, added
 * then, is still in the final stage's buffer when the job stops SECOND_WAIT_MS later.
 */
public class MakeSavepoint {
    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path savepoints = Path.of(args[2]);
        JobRunner.Options o = new JobRunner.Options("file", input.toString(), "jsonl", Duration.ofSeconds(1), null, null, null,
                false, "file", output.toString(), null, null, null, RuleBundleLoader.defaultBundle(), null, null, "hashmap",
                Duration.ofSeconds(1), output.resolve("checkpoints").toString(), 2, Duration.ofSeconds(5), Level.REVIEW,
                false, 0);
        Configuration conf = JobRunner.configuration(o);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        JobRunner.wire(env, o);
        JobClient client = env.executeAsync("savepoint fixture");
        Thread.sleep(Long.parseLong(args[3]));
        Files.copy(Path.of(args[4]), input.resolve(Path.of(args[4]).getFileName()));
        Thread.sleep(Long.parseLong(args[5]));
        String path = client.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(2, TimeUnit.MINUTES);
        System.out.println("savepoint: " + path);
        client.getJobExecutionResult().get(2, TimeUnit.MINUTES);
        System.exit(0);
    }
}
