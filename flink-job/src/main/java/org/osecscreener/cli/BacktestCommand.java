package org.osecscreener.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleException;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.tools.backtest.Backtest;
import org.osecscreener.tools.backtest.BacktestReport;
import org.osecscreener.tools.backtest.Metrics;
import org.osecscreener.tools.backtest.ReportWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backtest}: detection and workload of a rule bundle on a labelled file. */
@Command(name = "backtest",
        mixinStandardHelpOptions = true,
        description = {
                "Screens a labelled file (JSON lines, or pacs.008 with a labels file) with a rule bundle and reports sender- and cluster-level recall and precision,",
                "alerts per 10,000 transactions, per-rule hits, precision and marginal contribution, recall per scenario,",
                "transfers before the first alert, a threshold sweep and optionally a comparison with a second bundle.",
                "Writes summary.json and a self-contained report.html to the report directory; prints a summary table.",
                "With --second-opinion FILE, also backtests the bundle on an independent labelled set (generate --set second-opinion)",
                "into DIR/second-opinion and writes side-by-side.md and side-by-side.json: both sets' headline figures and the gap.",
                "Definitions: docs/backtest.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "1:a rule bundle is invalid or input lines were rejected", "2:usage error or I/O failure"})
final class BacktestCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ZoneOption zone = new ZoneOption();
    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "Transactions in the --format: labelled JSON lines, or pacs.008 with --labels.")
    Path input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl", converter = InputFormat.Converter.class,
            description = "Input format: jsonl (default) or pacs008 (ISO 20022 XML; needs --labels).")
    InputFormat format;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Labels as JSON lines {id, osec, scenario} by transaction id (as generate writes them); replace any labels in the input.")
    Path labels;

    @picocli.CommandLine.Mixin
    WatchlistOptions watch = new WatchlistOptions();

    @Option(names = "--rules", paramLabel = "A.yaml", description = "The rule bundle under test. Default: the pack shipped in the jar.")
    Path rules;

    @Option(names = "--compare", paramLabel = "B.yaml", description = "A second bundle to compare with the first.")
    Path compare;

    @Option(names = "--report", required = true, paramLabel = "DIR", description = "Directory for summary.json and report.html.")
    Path report;

    @Option(names = "--second-opinion", paramLabel = "FILE",
            description = "A second, independent labelled JSON-lines set (generate --set second-opinion) to report beside --input:"
                    + " the same bundle, its own report in DIR/second-opinion, and DIR/side-by-side.md with the gap. Never tune on it.")
    Path secondOpinion;

    @Option(names = "--no-ablation", description = "Skip marginal contributions (one extra screening per enabled detector).")
    boolean noAblation;

    @Option(names = "--progress", description = "Show a progress bar on stderr even when it is not a terminal.")
    boolean progress;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleBundle a;
        RuleBundle b = null;
        try {
            a = rules == null ? RuleBundleLoader.defaultBundle() : new RuleBundleLoader().load(rules);
            if (compare != null) {
                b = new RuleBundleLoader().load(compare);
            }
        } catch (RuleBundleException e) {
            err.println("error: invalid rule bundle:");
            e.errors().forEach(v -> err.println("  " + v));
            return Main.FINDINGS;
        }
        if (!Files.isRegularFile(input)) {
            err.println("error: cannot read " + input + ": no such file");
            return Main.USAGE_OR_IO;
        }
        if (format == InputFormat.PACS008 && labels == null) {
            err.println("error: --format pacs008 needs --labels FILE: pacs.008 carries no ground-truth label"
                    + " (generate --format pacs008 writes one next to the messages)");
            return Main.USAGE_OR_IO;
        }
        org.osecscreener.tools.backtest.Labels labelSource = null;
        if (labels != null) {
            if (!Files.isRegularFile(labels)) {
                err.println("error: cannot read " + labels + ": no such file");
                return Main.USAGE_OR_IO;
            }
            try (InputStream in = Files.newInputStream(labels)) {
                labelSource = org.osecscreener.tools.backtest.Labels.read(labels.getFileName().toString(), in);
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return Main.FINDINGS;
            }
        }
        Backtest backtest;
        try {
            backtest = new Backtest(a, b, !noAblation, watch.load(spec.commandLine(), out, err));
        } catch (WatchlistOptions.Invalid e) {
            return Main.FINDINGS;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Main.FINDINGS;
        }
        Progress bar = new Progress(err, progress, Files.size(input), "bytes");
        BacktestReport r;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input), 1 << 16)) {
            r = backtest.run(in, format == InputFormat.PACS008, labelSource, zone.defaultZone, input.toString(), bar::update);
        }
        bar.done();
        if (labelSource != null && labelSource.missed() > 0) {
            err.printf(Locale.ROOT, "warning: %d transactions had no label in %s and count as legitimate%n",
                    labelSource.missed(), labels);
        }
        ReportWriter.write(r, report);
        table(out, r);
        out.printf(Locale.ROOT, "report: %s, %s%n", report.resolve(ReportWriter.HTML), report.resolve(ReportWriter.JSON));
        long rejected = r.rejected();
        if (secondOpinion != null) {
            if (!Files.isRegularFile(secondOpinion)) {
                err.println("error: cannot read " + secondOpinion + ": no such file");
                return Main.USAGE_OR_IO;
            }
            BacktestReport so;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(secondOpinion), 1 << 16)) {
                Progress bar2 = new Progress(err, progress, Files.size(secondOpinion), "bytes");
                so = new Backtest(a, null, false, watch.load(spec.commandLine(), out, err))
                        .run(in, false, null, zone.defaultZone, secondOpinion.toString(), bar2::update);
                bar2.done();
            } catch (WatchlistOptions.Invalid e) {
                return Main.FINDINGS;
            }
            Path soDir = report.resolve("second-opinion");
            ReportWriter.write(so, soDir);
            SideBySide.write(r, so, report);
            out.println();
            out.print(SideBySide.markdown(r, so));
            out.printf(Locale.ROOT, "second-opinion report: %s; side by side: %s%n", soDir.resolve(ReportWriter.HTML),
                    report.resolve(SideBySide.MARKDOWN));
            rejected += so.rejected();
        }
        return rejected == 0 ? Main.OK : Main.FINDINGS;
    }

    static void table(PrintWriter out, BacktestReport r) {
        Metrics m = r.metrics();
        out.printf(Locale.ROOT, "backtest of %s on %s: %d transactions, %d rejected, %.1f s%n", r.bundle(), r.input(),
                m.transactions(), r.rejected(), r.seconds());
        String f = "%-34s %12s %12s%n";
        out.printf(Locale.ROOT, f, "metric", "A", r.comparison() == null ? "" : "B");
        Metrics b = r.comparison() == null ? null : r.comparison().metrics();
        row(out, f, "alert threshold", m.alertThreshold(), b == null ? null : b.alertThreshold(), "%.2f");
        row(out, f, "OSEC senders", m.osecSenders(), b == null ? null : (double) b.osecSenders(), "%.0f");
        row(out, f, "sender recall", m.senderRecall(), b == null ? null : b.senderRecall(), "%.3f");
        row(out, f, "sender precision", m.senderPrecision(), b == null ? null : b.senderPrecision(), "%.3f");
        row(out, f, "legitimate senders at ALERT (%)", m.legitSenderAlertRate() * 100,
                b == null ? null : b.legitSenderAlertRate() * 100, "%.3f");
        row(out, f, "cluster recall", m.clusterRecall(), b == null ? null : b.clusterRecall(), "%.3f");
        row(out, f, "cluster precision", m.clusterPrecision(), b == null ? null : b.clusterPrecision(), "%.3f");
        row(out, f, "alerts", m.alerts(), b == null ? null : (double) b.alerts(), "%.0f");
        row(out, f, "alerts per 10k transactions", m.alertsPer10k(), b == null ? null : b.alertsPer10k(), "%.1f");
        row(out, f, "alert cases", m.alertCases(), b == null ? null : (double) b.alertCases(), "%.0f");
        row(out, f, "median transfers before 1st alert", r.firstAlert().median(), null, "%.0f");
        BacktestReport.Outcomes o = r.outcomes();
        out.printf(Locale.ROOT, "queue items per 10k %.1f; legitimate senders at REVIEW or above %.3f%%; sextortion victims at REVIEW or above %s%n",
                o.queueItemsPer10k(), o.legitReviewShare() * 100, o.victims() == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", o.victimReviewShare() * 100));
        if (r.comparison() != null) {
            out.printf(Locale.ROOT, "alerts only in A: %d, only in B: %d; senders only in A: %d, only in B: %d%n",
                    r.comparison().alertsOnlyInA(), r.comparison().alertsOnlyInB(), r.comparison().sendersOnlyInA(),
                    r.comparison().sendersOnlyInB());
        }
        out.printf(Locale.ROOT, "%-20s %8s %8s %8s%n", "scenario", "senders", "alerted", "share");
        for (BacktestReport.ScenarioStats s : r.scenarios()) {
            out.printf(Locale.ROOT, "%-20s %8d %8d %7.2f%%%s%n", s.scenario(), s.senders(), s.alerted(), s.share() * 100,
                    s.osec() ? "  OSEC" : "");
        }
    }

    private static void row(PrintWriter out, String f, String name, double a, Double b, String num) {
        out.printf(Locale.ROOT, f, name, String.format(Locale.ROOT, num, a), b == null ? "" : String.format(Locale.ROOT, num, b));
    }
}
