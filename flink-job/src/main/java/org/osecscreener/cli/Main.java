package org.osecscreener.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code osec-screener} command line: {@code java -jar osec-screener.jar <command>}.
 *
 * <p>Exit codes are the same for every command: {@value #OK} success, {@value #FINDINGS}
 * findings or invalid input (rejected lines, invalid rules, alerts where a command says so),
 * {@value #USAGE_OR_IO} a usage error or an I/O failure.
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
                "0:success",
                "1:findings or invalid input",
                "2:usage error or I/O failure"
        })
public final class Main implements Runnable {
    /** Success. */
    public static final int OK = 0;
    /** Findings or invalid input. */
    public static final int FINDINGS = 1;
    /** Usage error or I/O failure. */
    public static final int USAGE_OR_IO = 2;

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
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
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
