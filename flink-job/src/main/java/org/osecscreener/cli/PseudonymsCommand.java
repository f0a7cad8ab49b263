package org.osecscreener.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.osecscreener.privacy.KeySource;
import org.osecscreener.privacy.Pseudonymiser;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pseudonyms}: the pseudonyms that pseudonymisation mode gives party ids, for writing rule
 * bundle entries that name parties (suppressions, allow lists) when identifiers are pseudonymised
 * at ingest. Raw ids are read one per line from a file or standard input, never from the command
 * line (they are personal data and would stay in the shell history).
 */
@Command(name = "pseudonyms",
        mixinStandardHelpOptions = true,
        description = {
                "Prints, for each party id read (one per line), the pseudonym pseudonymisation mode gives it",
                "(docs/privacy.md), for SENDER/BENEFICIARY suppressions and id lists of a bundle used in that mode.",
                "Ids come from --input FILE or standard input, never from the command line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:usage error, no key, or the input cannot be read"})
final class PseudonymsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE|-", defaultValue = "-",
            description = "Raw party ids, one per line ('-', the default: standard input). Blank lines are skipped.")
    Path input;

    @Mixin
    KeyOptions key;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        KeySource source = key.source(spec.commandLine());
        if (source == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the pseudonymisation key is required: --pseudonymise-key-file FILE or --pseudonymise-key-env VAR");
        }
        Pseudonymiser p = source.pseudonymiser();
        InputStream raw = ValidateInputCommand.open(input, spec.commandLine().getErr());
        if (raw == null) {
            return Main.USAGE_OR_IO;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String id = line.strip();
                if (!id.isEmpty()) {
                    out.println(p.pseudonym("id", id));
                }
            }
        }
        out.flush();
        return Main.OK;
    }
}
