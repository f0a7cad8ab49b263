package org.osecscreener.job;

import java.io.PrintWriter;

import org.osecscreener.cli.Main;

/**
 * Entry point for {@code flink run -c org.osecscreener.job.RunMain osec-screener.jar [run options]}:
 * the {@code run} command without {@code System.exit}, as a Flink client expects of a job's main.
 */
public final class RunMain {
    private RunMain() {
    }

    public static void main(String[] args) {
        Main.JobOutcome o = Main.runJob(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (o.exitCode() != Main.OK && !(o.exitCode() == Main.FINDINGS && o.jobFinished())) {
            // a finished job whose rejected records went to the dead letter is a success for Flink
            throw new IllegalStateException("run failed with exit code " + o.exitCode());
        }
    }
}
