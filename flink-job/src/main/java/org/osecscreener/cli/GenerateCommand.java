package org.osecscreener.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.osecscreener.synth.Generator;
import org.osecscreener.synth.GeneratorConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: labelled synthetic traffic as JSON lines. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {
                "Generates labelled synthetic remittance traffic (legitimate hard negatives and OSEC scenarios) as JSON lines,",
                "deterministically from a seed. Configuration reference: docs/generator.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the configuration is invalid", "2:usage error or I/O failure"})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Generator configuration (YAML). Default: the default mix shipped in the jar.")
    Path config;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default 1). Same seed and configuration, same bytes.")
    long seed;

    @Option(names = "--transactions", paramLabel = "N", description = "How many transactions (default: the configuration's `transactions`).")
    Long transactions;

    @Option(names = "--output", required = true, paramLabel = "FILE|-", description = "Where to write ('-' for standard output).")
    String output;

    @Option(names = "--progress", description = "Show a progress bar on stderr even when it is not a terminal.")
    boolean progress;

    @Option(names = "--print-config", description = "Print the effective configuration as YAML to stderr first.")
    boolean printConfig;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        GeneratorConfig c;
        try {
            c = config == null ? GeneratorConfig.defaults() : GeneratorConfig.load(config);
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JacksonException e) {
            err.println("error: invalid generator configuration " + config + ": " + e.getMessage());
            return Main.FINDINGS;
        }
        long n = transactions != null ? transactions : c.transactions();
        if (n < 0) {
            err.println("error: --transactions must be 0 or more, was " + n);
            return Main.USAGE_OR_IO;
        }
        if (printConfig) {
            err.print(c.toYaml());
        }
        boolean stdout = output.equals("-");
        OutputStream raw = stdout ? new java.io.FilterOutputStream(System.out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();   // standard output stays open
            }
        } : new FileOutputStream(output);
        Progress bar = new Progress(err, progress, n, "transactions");
        long started = System.nanoTime();
        Generator.of(c, seed).write(n, raw, bar::update);   // the fast path: the codec's bytes, parties rendered once
        bar.done();
        double s = (System.nanoTime() - started) / 1e9;
        if (!stdout) {
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d transactions to %s (seed %d) in %.1f s, %.0f transactions/s%n",
                    n, output, seed, s, n / Math.max(s, 1e-9));
        }
        return Main.OK;
    }
}
