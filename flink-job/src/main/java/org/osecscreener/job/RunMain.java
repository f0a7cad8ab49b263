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
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "run";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        int code = Main.run(withCommand, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != 0) {
            throw new IllegalStateException("run failed with exit code " + code);
        }
    }
}
