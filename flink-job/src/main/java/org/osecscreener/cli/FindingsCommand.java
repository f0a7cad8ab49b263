package org.osecscreener.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.IdentifierType;
import org.osecscreener.findings.CoalitionKey;
import org.osecscreener.findings.Finding;
import org.osecscreener.findings.FindingsFile;
import org.osecscreener.findings.FindingsHeader;
import org.osecscreener.findings.Watchlist;
import org.osecscreener.findings.WatchlistException;
import org.osecscreener.io.ParseOutcome;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.tools.cases.AlertReader;
import org.osecscreener.tools.cases.Case;
import org.osecscreener.tools.cases.CaseReport;
import org.osecscreener.tools.findings.FindingsExport;
import org.osecscreener.tools.findings.TipList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code findings}: export shared findings from cases, hash tip lists, check lists (docs/findings.md). */
@Command(name = "findings",
        mixinStandardHelpOptions = true,
        description = {"Shared findings between partners (docs/findings.md): export a confirmed case's identifiers as keyed-hash",
                "pseudonyms, hash a hotline's tip list into the same format, or check lists against a coalition key.",
                "Keys come from --key-file or --key-env, never from the command line."},
        subcommands = {FindingsCommand.Export.class, FindingsCommand.Import.class, FindingsCommand.Check.class,
                CommandLine.HelpCommand.class})
final class FindingsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: export, import or check");
    }

    /** Options shared by the commands that write a list. */
    static final class ListOptions {
        @Option(names = "--list", required = true, paramLabel = "NAME",
                description = "The list's name, as rule bundles name it (watchlist_match.lists): a-z, 0-9, _.")
        String list;

        @Option(names = "--source", required = true, paramLabel = "TEXT", description = "Who makes the list (an institution, a unit).")
        String source;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The list's date (default: today, UTC).")
        LocalDate date;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the findings list (JSON lines).")
        Path out;

        LocalDate created() {
            return date != null ? date : LocalDate.now(ZoneOffset.UTC);
        }
    }

    static int write(CommandSpec spec, ListOptions o, CoalitionKey key, List<Finding> findings) throws IOException {
        FindingsHeader h;
        try {
            h = new FindingsHeader(o.list, o.source, o.created(), key.checkValue(), findings.size());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Main.outputFile(o.out)))) {
            FindingsFile.write(out, h, findings);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d findings to %s (list %s, key check %s)%n", findings.size(),
                o.out, o.list, key.checkValue());
        return Main.OK;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Exports the identifiers of confirmed cases' payee clusters (and with --senders their alerted senders)",
                    "as keyed-hash pseudonyms with type, date, source and confidence: no raw values. Cases come from",
                    "--alerts and --input (as report takes them), or from a cases.json written by report --raw-identifiers."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:written", "1:input records were rejected (the list is still written)", "2:usage error or I/O failure"})
    static final class Export implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        ZoneOption zone = new ZoneOption();
        @Spec
        CommandSpec spec;

        @Option(names = "--alerts", paramLabel = "FILE", description = "Alerts as JSON lines, as screen writes them (with --input).")
        Path alerts;

        @Option(names = "--input", paramLabel = "FILE", description = "The screened transactions, in screening order (with --alerts).")
        Path input;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl", converter = InputFormat.Converter.class,
                description = "Format of --input: jsonl (default) or pacs008.")
        InputFormat format;

        @Option(names = "--cases", paramLabel = "FILE", description = "A cases.json written by report --raw-identifiers (instead of --alerts and --input).")
        Path casesJson;

        @Option(names = "--case", paramLabel = "CASE-ID", description = "A confirmed OSEC case to export; repeatable. A sextortion"
                + " case (its customer may be the victim) is refused.")
        List<String> caseIds = new ArrayList<>();

        @Option(names = "--all-cases", description = "Export every OSEC case (only when every case was confirmed); sextortion cases are left out.")
        boolean allCases;

        @Option(names = "--senders", description = "Also export the identifiers of each case's alerted senders, except senders"
                + " who may be sextortion victims.")
        boolean senders;

        @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.9", description = "Confidence of every finding, (0, 1] (default 0.9).")
        double confidence;

        @Option(names = "--types", paramLabel = "TYPE", split = ",",
                description = "Identifier types to export (default phone,wallet,account,email,device).")
        List<String> types;

        @Option(names = "--period-days", paramLabel = "DAYS", defaultValue = "30", description = "Case period, as given to report (default 30).")
        int periodDays;

        @Mixin
        ListOptions list = new ListOptions();

        @Mixin
        CoalitionKeyOptions key = new CoalitionKeyOptions();

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            CommandLine cmd = spec.commandLine();
            if ((casesJson == null) == (alerts == null || input == null) || (casesJson != null && (alerts != null || input != null))) {
                throw new CommandLine.ParameterException(cmd, "give either --alerts and --input, or --cases");
            }
            if (caseIds.isEmpty() == !allCases) {
                throw new CommandLine.ParameterException(cmd, "name the confirmed cases with --case ID (repeatable), or give --all-cases");
            }
            CoalitionKey k = key.load(cmd);
            Set<IdentifierType> t = FindingsExport.STRONG;
            if (types != null) {
                t = EnumSet.noneOf(IdentifierType.class);
                for (String s : types) {
                    try {
                        t.add(IdentifierType.ofTag(s.trim()));
                    } catch (IllegalArgumentException e) {
                        throw new CommandLine.ParameterException(cmd, "--types: " + e.getMessage());
                    }
                }
            }
            FindingsExport export;
            try {
                export = new FindingsExport(k, ClusterConfig.defaults(), t, confidence, senders);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
            List<Finding> findings;
            long rejected = 0;
            try {
                if (casesJson != null) {
                    List<String> ids = caseIds;
                    if (allCases) {
                        ids = new ArrayList<>();
                        for (com.fasterxml.jackson.databind.JsonNode c : new com.fasterxml.jackson.databind.ObjectMapper()
                                .readTree(casesJson.toFile()).path("cases")) {
                            // sextortion cases are about a possible victim: never in a findings list
                            if (!"sextortion".equals(c.path("typology").asText())) {
                                ids.add(c.path("caseId").asText());
                            }
                        }
                    }
                    try (InputStream in = Files.newInputStream(casesJson)) {
                        findings = export.fromCasesJson(in, ids);
                    }
                } else {
                    List<Assessment> alertList = new ArrayList<>();
                    List<org.osecscreener.score.ClusterAssessment> clusterList = new ArrayList<>();
                    long[] bad = {0};
                    try (AlertReader reader = new AlertReader(Files.newInputStream(alerts))) {
                        // cluster lines too, so that the case ids are the ones report gave
                        reader.forEach(alertList::add, clusterList::add, r -> bad[0]++);
                    }
                    List<Transaction> txs = new ArrayList<>();
                    try (InputFormat.Source source = format.open(Files.newInputStream(input), zone.defaultZone)) {
                        ParseOutcome o;
                        while ((o = source.next()) != null) {
                            if (o instanceof ParseOutcome.Parsed p) {
                                txs.add(p.transaction());
                            }
                        }
                        bad[0] += source.rejected();
                    }
                    rejected = bad[0];
                    List<Case> cases = CaseReport.builder().period(java.time.Duration.ofDays(periodDays)).build()
                            .group(alertList, clusterList, txs);
                    findings = export.fromCases(cases, allCases
                            ? cases.stream().filter(c -> !c.isVictimCase()).map(Case::caseId).toList() : caseIds);
                }
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return Main.USAGE_OR_IO;
            }
            if (rejected > 0) {
                err.printf(Locale.ROOT, "warning: %d alert lines or transactions were rejected; check the input with report%n", rejected);
            }
            int rc = write(spec, list, k, findings);
            return rejected > 0 ? Main.FINDINGS : rc;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Hashes a plain tip list (CSV with a header: type,value and optionally country,date,source,confidence,",
                    "reference) into a findings list: each value normalised as the payee-cluster resolver does, then replaced by",
                    "its pseudonym under the coalition key. The raw values are not written anywhere; errors show them masked."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:written", "1:the tip list has errors (nothing written)", "2:usage error or I/O failure"})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--tips", required = true, paramLabel = "FILE", description = "The tip list (CSV, UTF-8, header line first).")
        Path tips;

        @Option(names = "--country", paramLabel = "CC", description = "Country for rows without one (phones, wallets, addresses and names need one).")
        String country;

        @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.5",
                description = "Confidence of rows without one, (0, 1] (default 0.5: an unverified tip).")
        double confidence;

        @Mixin
        ListOptions list = new ListOptions();

        @Mixin
        CoalitionKeyOptions key = new CoalitionKeyOptions();

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            CommandLine cmd = spec.commandLine();
            CoalitionKey k = key.load(cmd);
            TipList.Defaults d;
            try {
                d = new TipList.Defaults(country, list.created(), confidence);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
            if (!Files.isRegularFile(tips)) {
                err.println("error: cannot read " + tips + ": no such file");
                return Main.USAGE_OR_IO;
            }
            TipList.Result r;
            try (Reader in = Files.newBufferedReader(tips, StandardCharsets.UTF_8)) {
                r = TipList.read(tips.getFileName().toString(), in, k, list.source, d);
            } catch (java.nio.charset.MalformedInputException e) {
                err.println("error: " + tips + " is not valid UTF-8");
                return Main.FINDINGS;
            }
            if (!r.errors().isEmpty()) {
                err.println("error: the tip list has errors; nothing was written:");
                r.errors().forEach(v -> err.println("  " + v));
                return Main.FINDINGS;
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "read %d tips: %d distinct identifiers%n", r.rows(), r.findings().size());
            return write(spec, list, k, r.findings());
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validates findings lists against the coalition key and prints what each holds.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every list is valid", "1:a list is invalid or made with another key", "2:usage error or I/O failure"})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Parameters(paramLabel = "FILE", arity = "1..*", description = "Findings lists.")
        List<Path> files;

        @Mixin
        CoalitionKeyOptions key = new CoalitionKeyOptions();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            CoalitionKey k = key.load(spec.commandLine());
            int rc = Main.OK;
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    err.println("error: cannot read " + f + ": no such file");
                    return Main.USAGE_OR_IO;
                }
                try {
                    Watchlist w = FindingsFile.load(f, k);
                    out.printf(Locale.ROOT, "%s: list %s from %s, created %s: %d distinct tokens, %.1f MB in memory%n", f,
                            w.name(), w.header().source(), w.header().created(), w.size(), w.bytes() / 1e6);
                } catch (WatchlistException e) {
                    err.println("error: invalid findings list " + f + ":");
                    e.errors().forEach(v -> err.println("  " + v));
                    rc = Main.FINDINGS;
                }
            }
            return rc;
        }
    }
}
