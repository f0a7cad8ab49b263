package org.osecscreener.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.osecscreener.tools.secondopinion.SecondOpinionGenerator;
import org.osecscreener.tools.synth.Generator;
import org.osecscreener.tools.synth.GeneratorConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: labelled synthetic traffic as JSON lines or pacs.008 with a labels sidecar. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {
                "Generates labelled synthetic remittance traffic (legitimate hard negatives and OSEC scenarios) as JSON lines",
                "or ISO 20022 pacs.008 messages with the labels in a sidecar file (--format pacs008),",
                "deterministically from a seed. Configuration reference: docs/generator.md.",
                "",
                "--set second-opinion writes the second-opinion set instead: an independent",
                "generator written blind from the published typologies, for reporting detection",
                "quality beside the main set and never for tuning (docs/second-opinion.md).",
                "JSON lines only; --seed and --transactions are its only settings."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the configuration is invalid", "2:usage error or I/O failure"})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--set", paramLabel = "SET", defaultValue = "main",
            description = "main (default: the configurable generator, docs/generator.md) or second-opinion (the independent blind set, docs/second-opinion.md).")
    String set;

    @Option(names = "--config", paramLabel = "FILE", description = "Generator configuration (YAML). Default: the default mix shipped in the jar.")
    Path config;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default 1). Same seed and configuration, same bytes.")
    long seed;

    @Option(names = "--transactions", paramLabel = "N",
            description = "How many transactions (default: the configuration's `transactions`; 110000 with --set second-opinion).")
    Long transactions;

    @Option(names = "--output", required = true, paramLabel = "FILE|-", description = "Where to write ('-' for standard output).")
    String output;

    @Option(names = "--progress", description = "Show a progress bar on stderr even when it is not a terminal.")
    boolean progress;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl", converter = InputFormat.Converter.class,
            description = "jsonl (default; labels inside each line) or pacs008 (ISO 20022 XML, docs/iso20022.md; labels go to --labels).")
    InputFormat format;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Write the labels as JSON lines {id, osec, scenario} to FILE (default with pacs008: OUTPUT.labels.jsonl).")
    Path labels;

    @Option(names = "--print-config", description = "Print the effective configuration as YAML to stderr first.")
    boolean printConfig;

    /** The default size of the second-opinion set: every scenario present in meaningful numbers. */
    static final long SECOND_OPINION_DEFAULT = 110_000;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (set.equals("second-opinion")) {
            return secondOpinion(err);
        }
        if (!set.equals("main")) {
            err.println("error: --set must be main or second-opinion, was '" + set + "'");
            return Main.USAGE_OR_IO;
        }
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
        OutputStream raw = open(stdout);
        Progress bar = new Progress(err, progress, n, "transactions");
        long started = System.nanoTime();
        Path labelFile = labels != null ? labels
                : format == InputFormat.PACS008 && !stdout ? Path.of(output.replaceFirst("(\\.xml)?$", ".labels.jsonl")) : null;
        if (format == InputFormat.PACS008 && labelFile == null) {
            err.println("error: --format pacs008 to standard output needs --labels FILE (pacs.008 has no label field)");
            return Main.USAGE_OR_IO;
        }
        long written;   // n, fewer only if every sender's schedule ended first (finite scenarios alone)
        if (format == InputFormat.JSONL && labelFile == null) {
            written = Generator.of(c, seed).write(n, raw, bar::update);   // the fast path: the codec's bytes, parties rendered once
        } else {
            written = writeWithLabels(c, n, raw, labelFile, bar);
        }
        bar.done();
        double s = (System.nanoTime() - started) / 1e9;
        if (!stdout) {
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d transactions to %s (seed %d) in %.1f s, %.0f transactions/s%n",
                    written, output, seed, s, written / Math.max(s, 1e-9));
        }
        if (labelFile != null) {
            spec.commandLine().getOut().printf(Locale.ROOT, "labels: %s%n", labelFile);
        }
        return Main.OK;
    }

    /** The output stream: the file, or standard output kept open at the end. */
    private OutputStream open(boolean stdout) throws IOException {
        return stdout ? new java.io.FilterOutputStream(System.out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();   // standard output stays open
            }
        } : new FileOutputStream(Main.outputFile(java.nio.file.Path.of(output)).toFile());
    }

    /** {@code --set second-opinion}: JSON lines from the independent generator; no configuration, no other format. */
    private int secondOpinion(PrintWriter err) throws IOException {
        String conflict = config != null ? "--config (the second-opinion set has no configuration: only --seed and --transactions)"
                : format != InputFormat.JSONL ? "--format " + format.name().toLowerCase(Locale.ROOT) + " (the second-opinion set is written as JSON lines only)"
                : labels != null ? "--labels (the labels are inside each JSON line)"
                : printConfig ? "--print-config (the second-opinion set has no configuration)" : null;
        if (conflict != null) {
            err.println("error: --set second-opinion cannot be combined with " + conflict);
            return Main.USAGE_OR_IO;
        }
        long n = transactions != null ? transactions : SECOND_OPINION_DEFAULT;
        if (n < 0 || n > SecondOpinionGenerator.MAX_TRANSACTIONS) {
            err.println("error: --transactions must be between 0 and " + SecondOpinionGenerator.MAX_TRANSACTIONS
                    + " for the second-opinion set, was " + n);
            return Main.USAGE_OR_IO;
        }
        boolean stdout = output.equals("-");
        Progress bar = new Progress(err, progress, n, "transactions");
        long started = System.nanoTime();
        SecondOpinionGenerator.of(seed).write(n, open(stdout), bar::update);
        bar.done();
        double s = (System.nanoTime() - started) / 1e9;
        if (!stdout) {
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d transactions to %s (second-opinion set, seed %d) in %.1f s, %.0f transactions/s%n",
                    n, output, seed, s, n / Math.max(s, 1e-9));
        }
        return Main.OK;
    }

    /** The slower path: each transaction to the format's writer and its label to the sidecar. */
    private long writeWithLabels(GeneratorConfig c, long n, OutputStream raw, Path labelFile, Progress bar) throws IOException {
        try (OutputStream labelOut = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(Main.outputFile(labelFile)), 1 << 16);
             java.io.Closeable sink = format == InputFormat.PACS008
                     ? new org.osecscreener.tools.iso20022.Pacs008Writer(new java.io.BufferedOutputStream(raw, 1 << 16))
                     : new org.osecscreener.io.TransactionWriter(new java.io.BufferedOutputStream(raw, 1 << 16))) {
            return Generator.of(c, seed).generate(n, tx -> {
                try {
                    if (sink instanceof org.osecscreener.tools.iso20022.Pacs008Writer w) {
                        w.write(tx.withoutLabel());
                    } else {
                        ((org.osecscreener.io.TransactionWriter) sink).write(tx);
                    }
                    org.osecscreener.tools.backtest.Labels.write(labelOut, tx);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, bar::update);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
