package org.osecscreener.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.osecscreener.detect.UnscreenableTransactionException;
import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.Rejection;
import org.osecscreener.io.RejectionWriter;
import org.osecscreener.privacy.KeySource;
import org.osecscreener.privacy.ingest.IngestPseudonymiser;
import org.osecscreener.rules.RuleBundleException;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;
import org.osecscreener.score.Screening;
import org.osecscreener.screen.AssessmentWriter;
import org.osecscreener.screen.Screener;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code screen}: the embedded screener over a JSON-lines file. */
@Command(name = "screen",
        mixinStandardHelpOptions = true,
        description = {
                "Screens a transaction file (JSON lines, or ISO 20022 pacs.008 with --format pacs008) with the embedded screener and writes alerts (REVIEW and ALERT",
                "assessments) as JSON lines. Rejected lines go to a dead-letter file with their reason.",
                "Prints a summary: read, rejected, REVIEW, ALERT, seconds."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every line was screened", "1:some lines were rejected (see the dead-letter file) or the rules are invalid",
                "2:usage error or I/O failure"})
final class ScreenCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ZoneOption zone = new ZoneOption();
    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Transactions in the --format ('-' for standard input).")
    Path input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl", converter = InputFormat.Converter.class,
            description = "Input format: jsonl (default; docs/transaction-format.md) or pacs008 (ISO 20022 XML; docs/iso20022.md).")
    InputFormat format;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rule bundle (YAML or JSON). Default: the pack shipped in the jar.")
    Path rules;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Where to write alerts as JSON lines.")
    Path output;

    @Option(names = "--dead-letter", paramLabel = "FILE",
            description = "Where to write rejected lines (default: OUTPUT with .rejected.jsonl).")
    Path deadLetter;

    @picocli.CommandLine.Mixin
    WatchlistOptions watch = new WatchlistOptions();

    @Option(names = "--min-level", paramLabel = "LEVEL", defaultValue = "REVIEW",
            description = "Lowest level written: NONE (every assessment), REVIEW (default) or ALERT.")
    Level minLevel;

    @CommandLine.Mixin
    KeyOptions key;

    @Option(names = "--raw-dead-letters",
            description = "With a pseudonymisation key: still write each rejected record raw in the dead-letter file (personal data; opt-in).")
    boolean rawDeadLetters;

    @Option(names = "--max-future", paramLabel = "DURATION", defaultValue = "off", description = MaxFuture.SCREEN)
    String maxFuture;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Screener screener;
        KeySource keySource = key.source(spec.commandLine());
        Duration future = MaxFuture.parse(spec.commandLine(), maxFuture);
        org.osecscreener.privacy.Pseudonymiser pseudonymiser = null;
        if (keySource != null) {
            try {
                pseudonymiser = keySource.pseudonymiser(); // a missing or short key is a usage error (exit 2)
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return Main.USAGE_OR_IO;
            }
        }
        try {
            Screener.Builder b = Screener.builder().rejectTooOld(true); // one file, read in order
            if (rules != null) {
                b.bundle(rules);
            }
            if (pseudonymiser != null) {
                b.pseudonymiser(pseudonymiser);
            }
            if (future != null) {
                b.maxFuture(future);
            }
            org.osecscreener.findings.Watchlists lists = watch.load(spec.commandLine(), out, err);
            if (lists != null) {
                b.watchlists(lists);
            }
            screener = b.build();
        } catch (RuleBundleException e) {
            err.println("error: invalid rule bundle " + rules + ":");
            e.errors().forEach(v -> err.println("  " + v));
            return Main.FINDINGS;
        } catch (WatchlistOptions.Invalid e) {
            return Main.FINDINGS;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Main.FINDINGS;
        }
        Path dead = deadLetter != null ? deadLetter : Path.of(output.toString().replaceFirst("(\\.jsonl)?$", ".rejected.jsonl"));
        InputStream in = ValidateInputCommand.open(input, err);
        if (in == null) {
            return Main.USAGE_OR_IO;
        }
        long started = System.nanoTime();
        long review = 0;
        long alert = 0;
        long unscreenable = 0;
        long clusterAlerts = 0;
        long lookBacks = 0;
        long victims = 0;
        java.util.Set<String> items = new java.util.HashSet<>();
        try (InputFormat.Source reader = format.open(in, zone.defaultZone);
             AssessmentWriter alerts = new AssessmentWriter(new BufferedOutputStream(Files.newOutputStream(Main.outputFile(output)), 1 << 16));
             RejectionWriter rejected = new RejectionWriter(new BufferedOutputStream(Files.newOutputStream(Main.outputFile(dead)), 1 << 16))) {
            ParseOutcome o;
            while ((o = reader.next()) != null) {
                if (o instanceof ParseOutcome.Parsed p) {
                    Screening sc;
                    try {
                        sc = screener.screenAll(p.transaction());
                    } catch (UnscreenableTransactionException e) {
                        unscreenable++;
                        rejected.write(dead(new Rejection(p.lineNumber(), org.osecscreener.io.TransactionCodec.standard().toJson(p.transaction()), e.field(), e.getMessage()), keySource));
                        continue;
                    }
                    Assessment a = sc.assessment();
                    if (a.level() == Level.REVIEW) {
                        review++;
                    } else if (a.level() == Level.ALERT) {
                        alert++;
                    }
                    if (a.alertId() != null) {
                        items.add(a.alertId());
                    }
                    if (sc.victim() != null) {
                        victims++;
                        items.add(sc.victim().alertId());
                    }
                    if (sc.cluster() != null) {
                        clusterAlerts++;
                        items.add(sc.cluster().alertId());
                    }
                    for (Assessment l : sc.lookBack()) {
                        lookBacks++;
                        items.add(l.alertId());
                    }
                    alerts.write(sc, minLevel);
                } else if (o instanceof ParseOutcome.Rejected r) {
                    rejected.write(dead(r.rejection(), keySource));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long rejectedCount = reader.rejected() + unscreenable;
            out.printf(Locale.ROOT, "screened %s with %s%n", input, screener.bundle().id() + "@" + screener.bundle().version());
            out.printf(Locale.ROOT, "read %d %s: %d screened, %d rejected, %d blank; REVIEW %d, ALERT %d; %.1f s%n",
                    reader.recordsRead(), reader.unit(), reader.valid() - unscreenable, rejectedCount, reader.skipped(), review, alert, seconds);
            out.printf(Locale.ROOT, "queue: %d items (distinct alert ids); %d cluster assessments, %d look-back alerts, %d sextortion-victim alerts%n",
                    items.size(), clusterAlerts, lookBacks, victims);
            out.printf(Locale.ROOT, "alerts: %s%nrejected %s: %s%n", output, reader.unit(), dead);
            if (keySource != null) {
                out.printf(Locale.ROOT, "identifiers pseudonymised at ingest (key from %s); dead letters %s%n", keySource,
                        rawDeadLetters ? "hold the RAW records (--raw-dead-letters)" : "hold reasons and line numbers only");
            }
            return rejectedCount == 0 ? Main.OK : Main.FINDINGS;
        }
    }

    /** A dead letter as written: redacted when pseudonymising, unless raw dead letters were asked for. */
    private Rejection dead(Rejection r, KeySource keySource) {
        return keySource == null || rawDeadLetters ? r : IngestPseudonymiser.redact(r);
    }
}
