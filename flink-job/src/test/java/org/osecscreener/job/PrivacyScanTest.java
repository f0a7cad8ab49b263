package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;


import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.cli.Main;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.privacy.KeySource;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;
import org.osecscreener.tools.synth.Generator;
import org.osecscreener.tools.synth.GeneratorConfig;

/**
 * Runs the pipeline in pseudonymisation mode, the embedded Screener through the CLI ({@code screen},
 * then {@code report}) and the Flink job on a mini-cluster, captures every log line at INFO, and
 * scans logs and every output file for every raw identifier of the input: none may appear, except
 * in the opt-in raw dead letters.
 */
class PrivacyScanTest {
    @RegisterExtension
    static final MiniClusterExtension MINI = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /** Bad records carrying raw identifiers of their own (added to the scan). */
    static final String BAD_NAME = "Zelda Quintero-Abad";
    static final String BAD_PHONE = "+639170009911";
    static final String BAD_ACCOUNT = "PH55-9911-0000-77";

    @TempDir
    Path dir;
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start("privacy-scan");
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    @Test
    void pseudonymisedRuns_embeddedAndFlink_writeAndLogNoRawIdentifier_andDecideAsRawScreening() throws Exception {
        List<Transaction> txs = new ArrayList<>();
        // generated data starts 2026-09-01; moved three years back so that no record is in the future of
        // any plausible wall clock (the far-future check is on, as in a live run)
        // 5% offenders instead of the default 1%: 1,500 transactions of the default mix hold about
        // one offender, most likely a ring customer paying two or three times.
        GeneratorConfig d = GeneratorConfig.defaults();
        GeneratorConfig moreOffenders = new GeneratorConfig(d.start(), d.days(), d.transactions(), 0.05, d.victimSenderShare(),
                d.legitimate(), d.osec(), d.victims(), d.offenders(), d.patterns(), d.households(), d.countries());
        Generator.of(moreOffenders, 42).generate(1_500, t -> txs.add(at(t, t.timestamp().minusYears(3), t.id())),
                x -> { });
        Path input = dir.resolve("in.jsonl");
        List<String> lines = new ArrayList<>();
        for (Transaction t : txs) {
            lines.add(JobTestSupport.json(t));
        }
        Transaction first = txs.get(0);
        String badParty = "{\"id\":\"P-bad-1\",\"name\":\"" + BAD_NAME + "\",\"country\":\"PH\",\"phone\":\"" + BAD_PHONE
                + "\",\"account\":\"" + BAD_ACCOUNT + "\"}";
        lines.add(5, "{\"id\":\"T-bad-json\",\"sender\":" + badParty + ", " + BAD_NAME.replace(' ', '_') + " }");
        lines.add(6, "{\"id\":\"T-bad-country\",\"timestamp\":\"2026-09-01T10:00:00Z\",\"amount\":\"10.00\",\"currency\":\"USD\","
                + "\"sender\":" + badParty.replace("\"PH\"", "\"XX\"") + ",\"beneficiary\":" + badParty + "}");
        lines.add(7, JobTestSupport.json(withCurrency(first, "BRL", "T-bad-currency")));
        lines.add(8, JobTestSupport.json(at(first, first.timestamp().plusYears(900), "T-bad-future")));
        lines.add(JobTestSupport.json(at(first, first.timestamp().minusDays(200), "T-bad-old")));
        Files.write(input, lines, StandardCharsets.UTF_8);
        Path key = Files.writeString(dir.resolve("key"), "privacy-scan-test-key-0123456789\n");
        // the shipped pack, effective from a day before the data (rules screen only days they are effective on)
        RuleBundle pack = JobTestSupport.defaultPack(1, "2023-01-01");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), JobTestSupport.defaultText(1, "2023-01-01"));
        Set<String> raw = rawValues(txs);
        raw.addAll(List.of(BAD_NAME, BAD_PHONE, BAD_ACCOUNT, "P-bad-1"));

        // embedded Screener through the CLI: screen, then report (masked, the default)
        Path cli = Files.createDirectories(dir.resolve("cli"));
        String[] screenOut = main("screen", "--input", input.toString(), "--output", cli.resolve("alerts.jsonl").toString(),
                "--dead-letter", cli.resolve("dead.jsonl").toString(), "--min-level", "NONE", "--rules", rules.toString(),
                "--pseudonymise-key-file", key.toString(), "--max-future", "P1D");
        String[] reportOut = main("report", "--alerts", cli.resolve("alerts.jsonl").toString(), "--input", input.toString(),
                "--out", cli.resolve("report").toString(), "--rules", rules.toString(), "--pseudonymise-key-file", key.toString());

        // the Flink job on the mini-cluster
        Path flink = dir.resolve("flink");
        JobRunner.Options base = JobTestSupport.fileRun(input, flink, "hashmap", 2, pack, null, Level.NONE);
        PipelineTest.execute(new JobRunner.Options(base.source(), base.input(), base.format(), null, null, null, null, false,
                "file", base.output(), null, null, null, base.baseline(), null, null, "hashmap", base.checkpointInterval(),
                base.checkpointDir(), 2, base.lateness(), Level.NONE, false, 0,
                new IngestSettings(KeySource.file(key), false, Duration.ofDays(1))));

        // every output and every log line, scanned for every raw identifier
        List<String> scanned = new ArrayList<>(List.of(screenOut[0], screenOut[1], reportOut[0], reportOut[1]));
        for (Path root : List.of(cli, flink)) {
            for (Path f : outputFiles(root)) {
                scanned.add(f + "\n" + Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        List<String> logLines = logs.lines();
        assertThat(logLines).as("log lines captured at INFO").hasSizeGreaterThan(20);
        scanned.addAll(logLines);
        assertThat(leaks(scanned, raw)).as("raw identifiers in outputs or logs").isEmpty();

        // the runs did the work: alerts, redacted dead letters with reasons, cases
        List<String> cliDead = Files.readAllLines(cli.resolve("dead.jsonl"));
        List<String> flinkDead = JobRunner.lines(flink.resolve("dead-letter"));
        for (List<String> dead : List.of(cliDead, flinkDead)) {
            // parse-stage rejections lose the record; the Flink job's screening-stage ones hold the pseudonymised record
            assertThat(dead).hasSize(5).allSatisfy(l -> assertThat(l).contains("\"reason\"")
                    .matches(x -> x.contains("\"raw\":\"\"") || x.contains("\\\"id\\\":\\\"id:"), "raw dropped or pseudonymised"));
            assertThat(String.join("\n", dead)).contains("malformed JSON").contains("\"field\":\"sender.country\"")
                    .contains("no FX rate for BRL").contains("after the current time").contains("before the latest event day");
        }
        assertThat(screenOut[0]).contains("pseudonymised at ingest");
        assertThat(reportOut[0]).containsPattern("[1-9]\\d* cases");

        // same decisions as raw screening of the same data; parties named by pseudonyms
        Map<String, Assessment> expected = JobTestSupport.embedded(txs, pack);
        assertThat(expected.values()).anySatisfy(a -> assertThat(a.level()).isEqualTo(Level.ALERT));
        for (List<String> alerts : List.of(Files.readAllLines(cli.resolve("alerts.jsonl")), JobRunner.lines(flink.resolve("alerts")))) {
            Map<String, JsonNode> actual = JobTestSupport.byTransaction(alerts);
            assertThat(actual).hasSize(txs.size());
            for (Transaction t : txs) {
                JsonNode a = actual.get(t.id());
                Assessment x = expected.get(t.id());
                assertThat(a.get("level").asText()).as("level of %s", t.id()).isEqualTo(x == null ? "NONE" : x.level().name());
                if (x != null) {
                    assertThat(a.get("score").asDouble()).as("score of %s", t.id()).isCloseTo(x.score(), within(1e-9));
                }
                assertThat(a.get("senderId").asText()).startsWith("id:").hasSize(25);
            }
        }

        // the opt-in raw export does hold the raw records (and the scan finds them)
        Path badOnly = Files.write(dir.resolve("bad.jsonl"), List.of(lines.get(5), lines.get(6)), StandardCharsets.UTF_8);
        main("screen", "--input", badOnly.toString(), "--output", dir.resolve("raw-alerts.jsonl").toString(),
                "--dead-letter", dir.resolve("raw-dead.jsonl").toString(), "--pseudonymise-key-file", key.toString(),
                "--raw-dead-letters");
        assertThat(leaks(List.of(Files.readString(dir.resolve("raw-dead.jsonl"))), raw)).contains(BAD_NAME, BAD_PHONE);
    }

    private String[] main(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("exit code of %s; stderr: %s", args[0], err).isIn(Main.OK, Main.FINDINGS);
        return new String[] {out.toString(), err.toString()};
    }

    /** The raw values found, each delimited (not inside a longer token, such as a pseudonym that happens to contain it). */
    static List<String> leaks(List<String> texts, Set<String> raw) {
        String all = String.join("\n", texts);
        List<String> found = new ArrayList<>();
        for (String v : raw) {
            if (all.contains(v) && Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(v) + "(?![A-Za-z0-9_-])").matcher(all).find()) {
                found.add(v);
            }
        }
        return found;
    }

    static Set<String> rawValues(List<Transaction> txs) {
        Set<String> out = new LinkedHashSet<>();
        for (Transaction t : txs) {
            for (Party p : List.of(t.sender(), t.beneficiary())) {
                for (String v : new String[] {p.id(), p.name(), p.account(), p.phone(), p.wallet(), p.email(), p.address(),
                        p.pickupLocation(), p.device()}) {
                    if (v != null && v.length() >= 3) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    private static Transaction withCurrency(Transaction t, String currency, String id) {
        return new Transaction(id, t.timestamp(), org.osecscreener.model.Money.of("10.00", java.util.Currency.getInstance(currency)),
                t.channel(), t.purpose(), t.sender(), t.beneficiary(), null);
    }

    static Transaction at(Transaction t, java.time.OffsetDateTime when, String id) {
        return new Transaction(id, when, t.amount(), t.channel(), t.purpose(), t.sender(), t.beneficiary(), t.label());
    }

    /**
     * Every regular file under {@code root} except checkpoints (binary state, which Flink may still
     * be deleting after the job ended: walking into it raced with that clean-up).
     */
    private static List<Path> outputFiles(Path root) throws java.io.IOException {
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a) {
                return dir.getFileName() != null && dir.getFileName().toString().equals("checkpoints")
                        ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                if (a.isRegularFile()) {
                    out.add(file);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return out;
    }
}
