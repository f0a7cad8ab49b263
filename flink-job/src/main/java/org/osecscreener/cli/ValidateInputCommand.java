package org.osecscreener.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.RejectionWriter;
import org.osecscreener.io.TransactionReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate-input FILE}: checks a JSON-lines transaction file against the format. */
@Command(name = "validate-input",
        mixinStandardHelpOptions = true,
        description = {
                "Checks a JSON-lines transaction file against docs/transaction-format.md.",
                "Counts valid, rejected and skipped (blank) lines and prints each rejection's line number and reason."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every non-blank line is valid", "1:one or more lines were rejected",
                "2:usage error or the file cannot be read"})
final class ValidateInputCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ZoneOption zone = new ZoneOption();
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "JSON-lines file of transactions ('-' for standard input).")
    Path file;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "50",
            description = "Print at most N rejections (default ${DEFAULT-VALUE}); the total is always printed.")
    int maxErrors;

    @Option(names = "--rejections", paramLabel = "FILE",
            description = "Also write every rejection as a JSON line (line, field, reason, raw) to FILE.")
    Path rejectionsFile;

    @Override
    public Integer call() throws IOException {
        if (maxErrors < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--max-errors must be 0 or more, was " + maxErrors);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long printed = 0;
        InputStream in = open(file, err);
        if (in == null) {
            return Main.USAGE_OR_IO;
        }
        try (TransactionReader reader = new TransactionReader(in, org.osecscreener.io.TransactionCodec.withDefaultZone(zone.defaultZone));
             RejectionWriter dead = rejectionsFile == null ? null : new RejectionWriter(Files.newOutputStream(Main.outputFile(rejectionsFile)))) {
            ParseOutcome o;
            while ((o = reader.next()) != null) {
                if (o instanceof ParseOutcome.Rejected r) {
                    if (printed++ < maxErrors) {
                        out.println(r.rejection().describe());
                    }
                    if (dead != null) {
                        dead.write(r.rejection());
                    }
                }
            }
            if (reader.rejected() > maxErrors) {
                out.println("... " + (reader.rejected() - maxErrors) + " more rejections not shown (--max-errors "
                        + maxErrors + ")");
            }
            out.printf("%s: %d lines read: %d valid, %d rejected, %d skipped (blank)%n",
                    file, reader.linesRead(), reader.valid(), reader.rejected(), reader.skipped());
            return reader.rejected() == 0 ? Main.OK : Main.FINDINGS;
        }
    }

    static InputStream open(Path file, PrintWriter err) throws IOException {
        if (file.toString().equals("-")) {
            return new NonClosingInputStream(System.in);
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            err.println("error: cannot read " + file + ": no such file");
            return null;
        }
    }

    /** Keeps System.in open when the reader closes. */
    private static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // standard input stays open
        }
    }
}
