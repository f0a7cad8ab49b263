package org.osecscreener.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code osec-screener} command line: {@code java -jar osec-screener.jar <command>}.
 *
 * <p>Exit codes follow one rule for every command (the README's "Exit codes" table):
 * <ul>
 *   <li>{@value #OK}: the command did everything it was asked, and every input record was
 *       screened (or read, checked, written);</li>
 *   <li>{@value #FINDINGS}: invalid input. Either the command ran to its end but some input
 *       records (or rule bundles, alert lines, list rows) were rejected, each written to its
 *       dead letter or listed with its reason; or an input the command checks before it starts
 *       (rule bundle, watchlist, generator configuration, tip list) is invalid, and every error is
 *       listed. Alerts are never a reason for 1: they are the command's output;</li>
 *   <li>{@value #USAGE_OR_IO}: a usage error (unknown option, bad value, missing key, an output
 *       or checkpoint directory that belongs to another run) or an I/O failure;</li>
 *   <li>{@value #JOB_FAILED}: {@code run} only: the streaming job failed after it started (its
 *       restarts exhausted); what it committed is kept, and so is its last checkpoint.</li>
 * </ul>
 */
@Command(name = "osec-screener",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Screens remittance and bank transactions for the payment patterns of online sexual"
                + " exploitation of children (OSEC).",
        subcommands = {
                ValidateInputCommand.class,
                ValidateRulesCommand.class,
                RulesCommand.class,
                ClustersCommand.class,
                ScreenCommand.class,
                RunCommand.class,
                ReportCommand.class,
                FindingsCommand.class,
                PseudonymsCommand.class,
                GenerateCommand.class,
                BacktestCommand.class,
                CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success: every input record screened (or read, checked, written)",
                "1:invalid input: some records or rule bundles rejected (the run is complete; see the dead letter), or invalid rules, lists or configuration",
                "2:usage error or I/O failure",
                "3:run: the streaming job failed (run --resume continues from its newest checkpoint)"
        })
public final class Main implements Runnable {
    /** Success. */
    public static final int OK = 0;
    /** Findings or invalid input. */
    public static final int FINDINGS = 1;
    /** Usage error or I/O failure. */
    public static final int USAGE_OR_IO = 2;
    /** The streaming job failed ({@code run}). */
    public static final int JOB_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the CLI and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the CLI without exiting, for tests and embedding.
     *
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return execute(commandLine(out, err), args, out, err);
    }

    /**
     * What {@link #runJob} reports.
     *
     * @param exitCode    the exit code of {@code run}
     * @param jobFinished whether the streaming job ran to its end (a finished job with rejected
     *                    records exits {@value #FINDINGS}, and so does an invalid rule bundle that
     *                    stopped it before it started)
     */
    public record JobOutcome(int exitCode, boolean jobFinished) {
    }

    /**
     * Runs the {@code run} command with {@code runArgs} (its options, without the command name),
     * for a Flink client's entry point.
     */
    public static JobOutcome runJob(String[] runArgs, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(out, err);
        String[] args = new String[runArgs.length + 1];
        args[0] = "run";
        System.arraycopy(runArgs, 0, args, 1, runArgs.length);
        int code = execute(cli, args, out, err);
        RunCommand run = cli.getSubcommands().get("run").getCommand();
        return new JobOutcome(code, run.jobFinished);
    }

    private static int execute(CommandLine cli, String[] args, PrintWriter out, PrintWriter err) {
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("error: " + describe(ex));
            return USAGE_OR_IO;
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("error: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return USAGE_OR_IO;
        });
        return cli;
    }

    /** A failure as one line: file-system errors name what went wrong with which file. */
    static String describe(Exception ex) {
        if (ex instanceof java.nio.file.NoSuchFileException e) {
            return "no such file or directory: " + e.getFile() + (e.getOtherFile() == null ? "" : " (" + e.getOtherFile() + ")");
        }
        if (ex instanceof java.nio.file.AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (ex instanceof java.nio.file.FileSystemException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }

    /**
     * Makes the directories above an output file, so that {@code --output out/alerts.jsonl} works
     * in a fresh checkout.
     *
     * @return {@code file}
     */
    static java.nio.file.Path outputFile(java.nio.file.Path file) throws java.io.IOException {
        java.nio.file.Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        return file;
    }

    @Override
    public void run() {
        // No command given: show the commands.
        spec.commandLine().usage(spec.commandLine().getOut());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
