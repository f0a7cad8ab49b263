package org.osecscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenCommandTest {
    @TempDir
    Path dir;

    @Test
    void screen_sample_writesAlertsAndSummary_exitZero() throws IOException {
        Path out = dir.resolve("alerts.jsonl");
        MainTest.Result r = MainTest.run("screen", "--input", "../samples/transactions.jsonl", "--output", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("with osec-default@").contains("read 940 lines: 940 screened, 0 rejected, 0 blank; REVIEW ");
        List<String> alerts = Files.readAllLines(out);
        assertThat(alerts).isNotEmpty().allSatisfy(l -> assertThat(l).contains("\"bundle\":\"osec-default@").contains("\"alertId\":\"A-"));
        assertThat(alerts).anySatisfy(l -> assertThat(l).contains("\"level\":\"ALERT\"").contains("\"senderId\":\"S-O"));
        assertThat(alerts).noneSatisfy(l -> assertThat(l).contains("\"level\":\"ALERT\"").contains("\"senderId\":\"S-F"));
        assertThat(Files.readAllLines(dir.resolve("alerts.rejected.jsonl"))).isEmpty();
    }

    @Test
    void screen_outputInADirectoryThatDoesNotExistYet_isCreated_andAMissingInputIsNamed() throws IOException {
        Path out = dir.resolve("new/sub/alerts.jsonl");
        MainTest.Result r = MainTest.run("screen", "--input", "../samples/transactions.jsonl", "--output", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(Files.readAllLines(out)).isNotEmpty();
        assertThat(dir.resolve("new/sub/alerts.rejected.jsonl")).exists();
        MainTest.Result missing = MainTest.run("screen", "--input", dir.resolve("nope.jsonl").toString(), "--output",
                dir.resolve("b.jsonl").toString());
        assertThat(missing.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(missing.err()).contains("nope.jsonl");
    }

    @Test
    void screen_badLinesAndUnknownCurrency_goToDeadLetter_exitOne() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.write(in, List.of(MainTest.GOOD, "{broken", MainTest.GOOD.replace("T-1", "T-2").replace("AUD", "BRL")));
        Path out = dir.resolve("a.jsonl");
        Path dead = dir.resolve("dead.jsonl");
        MainTest.Result r = MainTest.run("screen", "--input", in.toString(), "--output", out.toString(),
                "--dead-letter", dead.toString(), "--min-level", "NONE");
        assertThat(r.code()).isEqualTo(Main.FINDINGS);
        assertThat(r.out()).contains("read 3 lines: 1 screened, 2 rejected, 0 blank");
        List<String> rejected = Files.readAllLines(dead);
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0)).contains("\"line\":2").contains("malformed JSON");
        assertThat(rejected.get(1)).contains("\"line\":3").contains("\"field\":\"currency\"").contains("no FX rate for BRL");
        assertThat(Files.readAllLines(out)).hasSize(1).first().asString().contains("\"level\":\"NONE\"");
    }

    @Test
    void screen_invalidRules_listsEveryError_exitOne() throws IOException {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "id: x\nversion: 0\n");
        MainTest.Result r = MainTest.run("screen", "--input", "../samples/transactions.jsonl", "--rules", rules.toString(),
                "--output", dir.resolve("a.jsonl").toString());
        assertThat(r.code()).isEqualTo(Main.FINDINGS);
        assertThat(r.err()).contains("invalid rule bundle").contains("rules.yaml:2:");
    }

    @Test
    void screen_pacs008Format_readsIsoMessages_andRejectsBadTransactionsWithTheirPath() throws IOException {
        Path out = dir.resolve("iso-alerts.jsonl");
        Path dead = dir.resolve("iso-dead.jsonl");
        MainTest.Result r = MainTest.run("screen", "--format", "pacs008", "--input",
                "../core/src/test/resources/iso20022/nonconforming.xml", "--output", out.toString(),
                "--dead-letter", dead.toString(), "--min-level", "NONE");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.FINDINGS);
        assertThat(r.out()).contains("read 10 records: 1 screened, 9 rejected");
        assertThat(Files.readAllLines(out)).singleElement().asString().contains("\"transactionId\":\"NC-8-valid\"");
        assertThat(Files.readAllLines(dead)).hasSize(9)
                .anySatisfy(l -> assertThat(l).contains("\"field\":\"/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[2]/IntrBkSttlmAmt/@Ccy\""));
    }

    @Test
    void screen_pacs008Format_validMessages_exitZero() {
        MainTest.Result r = MainTest.run("screen", "--format", "PACS008", "--input",
                "../core/src/test/resources/iso20022/pacs008-v13-envelopes.xml", "--output", dir.resolve("a.jsonl").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("read 3 records: 3 screened, 0 rejected");
    }

    @Test
    void screen_pacs008_localAcceptanceTime_isRejected_untilADefaultZoneIsNamed() throws IOException {
        Path out = dir.resolve("zoned.jsonl");
        MainTest.Result without = MainTest.run("screen", "--format", "pacs008", "--input",
                "../core/src/test/resources/iso20022/nonconforming.xml", "--output", out.toString(), "--min-level", "NONE");
        assertThat(without.out()).contains("read 10 records: 1 screened, 9 rejected");
        assertThat(Files.readString(dir.resolve("zoned.rejected.jsonl"))).contains("has no offset, so its instant is unknown:"
                + " set the zone of date-times without an offset with --default-zone");
        MainTest.Result with = MainTest.run("screen", "--format", "pacs008", "--default-zone", "Asia/Manila", "--input",
                "../core/src/test/resources/iso20022/nonconforming.xml", "--output", out.toString(), "--min-level", "NONE");
        assertThat(with.out()).contains("read 10 records: 2 screened, 8 rejected");
        assertThat(Files.readAllLines(out)).hasSize(2);
    }

    @Test
    void screen_unknownZone_isAUsageError_namingWhatIsAccepted() {
        MainTest.Result r = MainTest.run("screen", "--default-zone", "Asia/Manilla", "--input", "x", "--output",
                dir.resolve("a.jsonl").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("'Asia/Manilla' is not a time zone: give an IANA time zone such as Asia/Manila");
    }

    @Test
    void screen_unknownFormat_isAUsageError() {
        MainTest.Result r = MainTest.run("screen", "--format", "csv", "--input", "x", "--output", dir.resolve("a.jsonl").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("'csv' is not an input format; accepted: jsonl or pacs008");
    }

    @Test
    void screen_exactReplayIsMarkedDuplicate_reusedIdAndUneffectiveDayAreDeadLettered_nothingIsLost() throws IOException {
        String replayFormattedDifferently = MainTest.GOOD.replace("\"amount\":\"45.00\"", "\"amount\":45");
        String reused = MainTest.GOOD.replace("\"45.00\"", "\"95.00\"");
        String beforeThePack = MainTest.GOOD.replace("T-1", "T-OLD").replace("2026-03-01T22:15:00+10:00", "2019-12-31T09:00:00+10:00");
        Path in = dir.resolve("in.jsonl");
        Files.write(in, List.of(MainTest.GOOD, replayFormattedDifferently, reused, beforeThePack, MainTest.GOOD.replace("T-1", "T-2")));
        Path out = dir.resolve("a.jsonl");
        Path dead = dir.resolve("dead.jsonl");
        MainTest.Result r = MainTest.run("screen", "--input", in.toString(), "--output", out.toString(),
                "--dead-letter", dead.toString(), "--min-level", "NONE");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.FINDINGS);
        assertThat(r.out()).contains("read 5 lines: 3 screened, 2 rejected, 0 blank");
        List<String> rejected = Files.readAllLines(dead);
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0)).contains("\"line\":3").contains("\"field\":\"id\"")
                .contains("\"reason\":\"duplicate id with different content").contains("95.00");
        assertThat(rejected.get(1)).contains("\"line\":4").contains("\"field\":\"timestamp\"")
                .contains("no rule bundle in effect on 2019-12-30").contains("osec-default@1 is effective from 2020-01-01");
        // the transactions' own assessments (other kinds, such as victim-side alerts, may follow them)
        List<String> assessed = Files.readAllLines(out).stream().filter(l -> l.contains("\"kind\":\"transaction\"")).toList();
        assertThat(assessed).hasSize(3);
        assertThat(assessed.get(1)).contains("\"transactionId\":\"T-1\"").contains("\"duplicate\":true");
        assertThat(assessed.get(0)).doesNotContain("\"duplicate\":true");
        // every valid line is assessed (the replay as a duplicate) or dead-lettered
        assertThat(assessed.size() + rejected.size()).isEqualTo(5);
    }
}
