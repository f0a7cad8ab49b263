package org.osecscreener.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleDiff;
import org.osecscreener.rules.RuleBundleException;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.rules.RuleBundleSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rules}: work with rule bundles: compare two, print the shipped pack, validate one. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        description = "Rule bundles (docs/rules.md): compare two (diff), print the shipped pack (default), check one (validate).",
        subcommands = {RulesCommand.Diff.class, RulesCommand.Default.class, RulesCommand.Validate.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:differences or an invalid bundle (see each command)", "2:usage error or I/O failure"})
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a rules command is required: diff, default or validate");
    }

    /** {@code rules diff A B}. */
    @Command(name = "diff",
            mixinStandardHelpOptions = true,
            description = {
                    "Lists what changed from bundle A to bundle B, in words: metadata, FX rates, countries, keyword and id",
                    "lists, each detector's parameters, scoring thresholds, suppressions (added, removed, changed, expired)",
                    "and reporting key terms. Both files are validated first; they are compared as loaded, not as text",
                    "(comments, formatting and defaults left implicit make no difference)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no differences", "1:differences (or a bundle is invalid: its errors are listed)",
                    "2:usage error or a file cannot be read"})
    static final class Diff implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "A", description = "The first (older) bundle file.")
        Path a;

        @Parameters(index = "1", paramLabel = "B", description = "The second (newer) bundle file.")
        Path b;

        @Option(names = "--on", paramLabel = "DATE", description = "The day suppressions are judged expired on (yyyy-mm-dd; default today, UTC).")
        LocalDate on;

        @Option(names = "--json", description = "Write the differences as JSON instead of text.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            RuleBundleLoader loader = new RuleBundleLoader();
            RuleBundle x = load(loader, a, out, err);
            RuleBundle y = load(loader, b, out, err);
            if (x == null || y == null) {
                return readable(a) && readable(b) ? Main.FINDINGS : Main.USAGE_OR_IO;
            }
            RuleBundleDiff d = RuleBundleDiff.of(x, y, on != null ? on : LocalDate.now(ZoneOffset.UTC), loader);
            out.print(json ? d.toJson(a.toString(), b.toString()) : d.toText(a.toString(), b.toString()));
            return d.same() ? Main.OK : Main.FINDINGS;
        }

        private static boolean readable(Path f) {
            return Files.isRegularFile(f) && Files.isReadable(f);
        }

        /** The bundle, or null after printing why not. */
        private static RuleBundle load(RuleBundleLoader loader, Path f, PrintWriter out, PrintWriter err) {
            if (!readable(f)) {
                err.println("error: cannot read " + f + ": " + (Files.exists(f) ? "not a readable file" : "no such file"));
                return null;
            }
            try {
                return loader.load(f);
            } catch (RuleBundleException e) {
                out.print(RuleBundleSummary.describe(e.errors()));
                return null;
            } catch (IOException e) {
                err.println("error: cannot read " + f + ": " + e.getMessage());
                return null;
            }
        }
    }

    /** {@code rules default [--output FILE]}. */
    @Command(name = "default",
            mixinStandardHelpOptions = true,
            description = {
                    "Prints the rule pack shipped in the jar exactly as shipped, with its comments, so that a team can",
                    "start its own pack from it (change id, version, approvedBy and effectiveFrom first)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:written", "2:usage error, or FILE exists (without --force) or cannot be written"})
    static final class Default implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path output;

        @Option(names = "--force", description = "Overwrite FILE if it exists.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            byte[] text = RuleBundleLoader.defaultBundleText();
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(new String(text, StandardCharsets.UTF_8));
                out.flush();
                return Main.OK;
            }
            if (Files.exists(output) && !force) {
                spec.commandLine().getErr().println("error: " + output + " exists; choose another name or add --force to overwrite it");
                return Main.USAGE_OR_IO;
            }
            try (OutputStream o = Files.newOutputStream(Main.outputFile(output), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                o.write(text);
            }
            spec.commandLine().getOut().println("wrote the shipped rule pack (" + RuleBundleLoader.defaultBundle().id() + "@"
                    + RuleBundleLoader.defaultBundle().version() + ", " + text.length + " bytes) to " + output);
            return Main.OK;
        }
    }

    /** {@code rules validate FILE}: the same as {@code validate-rules FILE}. */
    @Command(name = "validate",
            mixinStandardHelpOptions = true,
            description = {
                    "Checks a rule bundle (YAML, or JSON if the name ends in .json) against docs/rules.md: the same as",
                    "validate-rules. Prints a summary and the file's SHA-256, or every error as",
                    "file:line:column [detector] field: message."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the bundle is valid", "1:the bundle is invalid (every error is listed)",
                    "2:usage error or the file cannot be read"})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Rule bundle file (.yaml, .yml or .json).")
        Path file;

        @Override
        public Integer call() {
            return ValidateRulesCommand.validate(file, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
