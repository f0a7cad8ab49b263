package org.osecscreener.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleException;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.rules.RuleBundleSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate-rules FILE}: checks a rule bundle (docs/rules.md) and lists every error. */
@Command(name = "validate-rules",
        mixinStandardHelpOptions = true,
        description = {
                "Checks a rule bundle (YAML, or JSON if the name ends in .json) against docs/rules.md.",
                "Prints a summary of a valid bundle, or every error as file:line:column [detector] field: message."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the bundle is valid", "1:the bundle is invalid (every error is listed)",
                "2:usage error or the file cannot be read"})
final class ValidateRulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Rule bundle file (.yaml, .yml or .json).")
    Path file;

    @Override
    public Integer call() {
        return validate(file, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Validates {@code file} and prints the summary (with the file's SHA-256) or every error; returns the exit code. */
    static int validate(Path file, PrintWriter out, PrintWriter err) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("error: cannot read " + file + ": " + (Files.exists(file) ? "not a readable file" : "no such file"));
            return Main.USAGE_OR_IO;
        }
        try {
            RuleBundle bundle = new RuleBundleLoader().load(file);
            out.print(RuleBundleSummary.describe(bundle));
            out.println("sha256:         " + org.osecscreener.rules.RuleBundleEvent.sha256(Files.readAllBytes(file))
                    + " (of the file; rule events name bundles by it)");
            return Main.OK;
        } catch (RuleBundleException e) {
            out.print(RuleBundleSummary.describe(e.errors()));
            return Main.FINDINGS;
        } catch (IOException e) {
            err.println("error: cannot read " + file + ": " + e.getMessage());
            return Main.USAGE_OR_IO;
        }
    }
}
