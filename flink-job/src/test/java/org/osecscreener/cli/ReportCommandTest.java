package org.osecscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    static final String SAMPLE = "../samples/transactions.jsonl";

    @TempDir
    Path dir;

    Path alerts;

    @BeforeEach
    void screenTheSample() {
        alerts = dir.resolve("alerts.jsonl");
        MainTest.Result r = MainTest.run("screen", "--input", SAMPLE, "--output", alerts.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void report_sample_writesCasesJsonIndexAndCasePages_masked_exitZero() throws IOException {
        Path out = dir.resolve("cases");
        MainTest.Result r = MainTest.run("report", "--alerts", alerts.toString(), "--input", SAMPLE, "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("transactions (0 rejected)").contains("identifiers masked").contains("index.html");
        assertThat(out.resolve("cases.json")).exists();
        assertThat(out.resolve("index.html")).exists();
        List<Path> pages;
        try (Stream<Path> files = Files.list(out)) {
            pages = files.filter(p -> p.getFileName().toString().startsWith("CASE-")).toList();
        }
        assertThat(pages).isNotEmpty();
        String all = Files.readString(out.resolve("cases.json")) + Files.readString(pages.get(0));
        assertThat(all).contains("OCSE-FIN-2021-NTC3").contains("<svg").contains("•••");
        // sample identifiers: no raw account numbers or phone numbers of the sample's parties
        assertThat(all).doesNotContainPattern("ACC-\\d{6}").doesNotContainPattern("09\\d\\d \\d{3} \\d{4}")
                .doesNotContain("Blk 4 Lot 2").doesNotContain("Mike Smith");
    }

    @Test
    void report_rawIdentifiers_showsRawValues_andWarns() throws IOException {
        Path out = dir.resolve("raw");
        MainTest.Result r = MainTest.run("report", "--alerts", alerts.toString(), "--input", SAMPLE, "--out", out.toString(),
                "--raw-identifiers");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("hold raw identifiers");
        assertThat(Files.readString(out.resolve("cases.json"))).containsPattern("09\\d\\d \\d{3} \\d{4}")
                .contains("Blk 4 Lot 2").contains("\"rawIdentifiers\" : true");
    }

    @Test
    void report_pacs008Input_andBadAlertLines_exitOne_butStillWriteCases() throws IOException {
        Path bad = dir.resolve("bad-alerts.jsonl");
        Files.write(bad, List.of(Files.readAllLines(alerts).get(0), "{not json"));
        Path out = dir.resolve("mixed");
        MainTest.Result r = MainTest.run("report", "--alerts", bad.toString(), "--input",
                "../core/src/test/resources/iso20022/pacs008-v08-full.xml", "--format", "pacs008", "--out", out.toString());
        assertThat(r.code()).isEqualTo(Main.FINDINGS);
        assertThat(r.err()).contains("line 2: malformed JSON");
        assertThat(r.out()).contains("read 1 alerts (1 rejected) and 2 transactions (0 rejected)");
        assertThat(out.resolve("index.html")).exists();
    }

    @Test
    void report_missingFile_orBadPeriod_exitTwo() {
        MainTest.Result missing = MainTest.run("report", "--alerts", dir.resolve("nope.jsonl").toString(), "--input", SAMPLE,
                "--out", dir.resolve("o").toString());
        assertThat(missing.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(missing.err()).contains("no such file");
        MainTest.Result period = MainTest.run("report", "--alerts", alerts.toString(), "--input", SAMPLE,
                "--out", dir.resolve("o").toString(), "--period-days", "0");
        assertThat(period.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(period.err()).contains("--period-days: period must be more than zero");
    }
}
