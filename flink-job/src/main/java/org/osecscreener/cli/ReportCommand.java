package org.osecscreener.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.Rejection;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.ClusterAssessment;
import org.osecscreener.tools.cases.AlertReader;
import org.osecscreener.tools.cases.Case;
import org.osecscreener.tools.cases.CaseReport;
import picocli.CommandLine;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.privacy.KeySource;
import org.osecscreener.privacy.ingest.IngestPseudonymiser;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report}: groups alerts into cases (OSEC cases per payee cluster, sextortion cases per
 * possible victim) and writes cases.json, index.html and one HTML page per case.
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {
                "Groups alerts (the output of screen, every kind of line) into cases and writes DIR/cases.json, DIR/index.html",
                "and DIR/CASE-….html. OSEC cases: one per payee cluster per period, with the senders paying the cluster, the",
                "cluster's own assessment and the senders alerted by look-back. Sextortion cases: one per customer per period",
                "for sextortion_victim alerts; the customer may be the victim. Each page is self-contained, with an STR/SAR",
                "drafting aid whose key terms match the case's typology (docs/cases.md). Identifiers are masked unless",
                "--raw-identifiers is given."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:cases written, every input record read", "1:cases written, but some alert lines or transactions were rejected",
                "2:usage error or I/O failure"})
final class ReportCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ZoneOption zone = new ZoneOption();
    private static final int MAX_PRINTED = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--alerts", required = true, paramLabel = "FILE", description = "Alerts as JSON lines, as screen writes them.")
    Path alerts;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The screened transactions, in screening order, in the --format.")
    Path input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl", converter = InputFormat.Converter.class,
            description = "Format of --input: jsonl (default) or pacs008.")
    InputFormat format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the reports to (created if needed).")
    Path out;

    @Option(names = "--period-days", paramLabel = "DAYS", defaultValue = "30",
            description = "Case period in days from a case's first alert (default 30).")
    int periodDays;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Rule bundle whose reporting.keyTerms go in each case's STR/SAR drafting aid (osec terms in OSEC cases,"
                    + " sextortion terms in sextortion cases). Default: the pack shipped in the jar.")
    Path rules;

    @Option(names = "--raw-identifiers",
            description = "Show raw names, accounts, phones, e-mails and addresses instead of masked ones. Personal data: handle accordingly.")
    boolean rawIdentifiers;

    @CommandLine.Mixin
    KeyOptions key;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KeySource keySource = key.source(spec.commandLine());
        IngestPseudonymiser ingest = keySource == null ? null
                : IngestPseudonymiser.of(keySource.pseudonymiser(), ClusterConfig.defaults());
        org.osecscreener.rules.RuleBundle bundle;
        try {
            bundle = rules == null ? org.osecscreener.rules.RuleBundleLoader.defaultBundle()
                    : new org.osecscreener.rules.RuleBundleLoader().load(rules);
        } catch (org.osecscreener.rules.RuleBundleException e) {
            err.println("error: invalid rule bundle " + rules + ":");
            e.errors().forEach(v -> err.println("  " + v));
            return Main.FINDINGS;
        }
        if (bundle.reporting().keyTerms().isEmpty()) {
            err.println("note: rule bundle " + bundle.id() + "@" + bundle.version() + " has no reporting.keyTerms; cases carry no key terms");
        }
        CaseReport report;
        try {
            report = CaseReport.builder().period(Duration.ofDays(periodDays)).rawIdentifiers(rawIdentifiers)
                    .keyTerms(bundle).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--period-days: " + e.getMessage());
        }
        List<Assessment> alertList = new ArrayList<>();
        List<ClusterAssessment> clusterList = new ArrayList<>();
        long[] rejected = {0};
        InputStream alertIn = open(alerts, err);
        if (alertIn == null) {
            return Main.USAGE_OR_IO;
        }
        long alertLines;
        try (AlertReader reader = new AlertReader(alertIn)) {
            reader.forEach(alertList::add, clusterList::add, r -> print(err, alerts, r, rejected));
            alertLines = reader.rejected();
        }
        List<Transaction> transactions = new ArrayList<>();
        InputStream txIn = open(input, err);
        if (txIn == null) {
            return Main.USAGE_OR_IO;
        }
        long txRejected;
        try (InputFormat.Source source = format.open(txIn, zone.defaultZone)) {
            ParseOutcome o;
            while ((o = source.next()) != null) {
                if (o instanceof ParseOutcome.Parsed p) {
                    transactions.add(ingest == null ? p.transaction() : ingest.apply(p.transaction()));
                } else if (o instanceof ParseOutcome.Rejected r) {
                    print(err, input, r.rejection(), rejected);
                }
            }
            txRejected = source.rejected();
        }
        if (rejected[0] > MAX_PRINTED) {
            err.println("... " + (rejected[0] - MAX_PRINTED) + " more rejections not shown");
        }
        List<Case> cases = report.group(alertList, clusterList, transactions);
        report.writeTo(out, cases);
        stdout.printf(Locale.ROOT, "read %d alerts (%d rejected) and %d transactions (%d rejected)%n",
                alertList.size(), alertLines, transactions.size(), txRejected);
        stdout.printf(Locale.ROOT, "alerts by kind: %d transaction, %d look-back, %d sextortion-victim; %d cluster assessments%n",
                count(alertList, AssessmentKind.TRANSACTION), count(alertList, AssessmentKind.LOOK_BACK),
                count(alertList, AssessmentKind.SEXTORTION_VICTIM), clusterList.size());
        long victims = cases.stream().filter(Case::isVictimCase).count();
        stdout.printf(Locale.ROOT, "%d cases: %d OSEC (one per payee cluster per %d-day period), %d sextortion-victim"
                + " (one per customer per period); identifiers %s%n", cases.size(), cases.size() - victims, periodDays, victims,
                rawIdentifiers ? "RAW" : "masked");
        stdout.printf(Locale.ROOT, "wrote %s, %s and %d case pages%n", out.resolve("cases.json"), out.resolve("index.html"), cases.size());
        if (rawIdentifiers) {
            err.println("warning: the reports in " + out + " hold raw identifiers (personal data)");
        }
        return alertLines + txRejected == 0 ? Main.OK : Main.FINDINGS;
    }

    private static long count(List<Assessment> alerts, AssessmentKind kind) {
        return alerts.stream().filter(a -> a.kind() == kind).count();
    }

    private static void print(PrintWriter err, Path file, Rejection r, long[] count) {
        if (count[0]++ < MAX_PRINTED) {
            err.println(file + ": " + r.describe());
        }
    }

    private static InputStream open(Path file, PrintWriter err) throws IOException {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            err.println("error: cannot read " + file + ": no such file");
            return null;
        }
    }
}
