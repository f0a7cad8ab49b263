package org.osecscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Test
    void report_sampleAlertsOfEveryKind_giveOsecAndSextortionCases_andCountEachKind() throws IOException {
        Path out = dir.resolve("kinds");
        MainTest.Result r = MainTest.run("report", "--alerts", alerts.toString(), "--input", SAMPLE, "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("alerts by kind: [1-9]\\d* transaction, [1-9]\\d* look-back, [1-9]\\d* sextortion-victim;"
                + " [1-9]\\d* cluster assessments").containsPattern("\\d+ cases: [1-9]\\d* OSEC .*, [1-9]\\d* sextortion-victim");
        JsonNode cases = new ObjectMapper().readTree(out.resolve("cases.json").toFile()).get("cases");
        List<JsonNode> victims = new ArrayList<>();
        boolean clusterAssessed = false;
        for (JsonNode c : cases) {
            if (c.get("typology").asText().equals("sextortion")) {
                victims.add(c);
                assertThat(c.get("alerts")).allSatisfy(a -> assertThat(a.get("kind").asText()).isEqualTo("sextortion_victim"));
                assertThat(c.get("str").get("narrative").asText()).startsWith("FIN-2025-SEXTORTION. ");
            } else {
                assertThat(c.get("alerts")).noneSatisfy(a -> assertThat(a.get("kind").asText()).isEqualTo("sextortion_victim"));
                assertThat(c.get("str").get("narrative").asText()).startsWith("OCSE-FIN-2021-NTC3. ");
                clusterAssessed |= c.get("clusterAssessments").size() > 0 && c.get("lookBackSenders").size() > 0;
            }
        }
        assertThat(victims).isNotEmpty();
        assertThat(clusterAssessed).as("an OSEC case with the cluster's assessment and look-back senders").isTrue();
        String page = Files.readString(out.resolve(victims.get(0).get("caseId").asText() + ".html"));
        assertThat(page).contains("The customer may be the victim of financially motivated sextortion")
                .contains("<code>FIN-2025-SEXTORTION</code>").doesNotContain("OCSE");
        assertThat(Files.readString(out.resolve("index.html"))).contains("sextortion: possible victim").contains("<th>Typology</th>");
    }

    @Test
    void findingsExport_allCases_leavesOutSextortionCases_andRefusesOneByName() throws IOException {
        Path out = dir.resolve("f");
        assertThat(MainTest.run("report", "--alerts", alerts.toString(), "--input", SAMPLE, "--out", out.toString()).code()).isZero();
        String victimCase = null;
        for (JsonNode c : new ObjectMapper().readTree(out.resolve("cases.json").toFile()).get("cases")) {
            if (c.get("typology").asText().equals("sextortion")) {
                victimCase = c.get("caseId").asText();
            }
        }
        assertThat(victimCase).isNotNull();
        byte[] k = new byte[32];
        new java.util.Random(3).nextBytes(k);
        Path key = dir.resolve("coalition.key");
        Files.writeString(key, java.util.Base64.getEncoder().encodeToString(k) + "\n");
        MainTest.Result all = MainTest.run("findings", "export", "--alerts", alerts.toString(), "--input", SAMPLE, "--all-cases",
                "--senders", "--list", "l", "--source", "s", "--date", "2026-04-01", "--out", dir.resolve("all.jsonl").toString(),
                "--key-file", key.toString());
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(Files.readString(dir.resolve("all.jsonl"))).doesNotContain(victimCase);
        MainTest.Result named = MainTest.run("findings", "export", "--alerts", alerts.toString(), "--input", SAMPLE, "--case",
                victimCase, "--list", "l", "--source", "s", "--date", "2026-04-01", "--out", dir.resolve("v.jsonl").toString(),
                "--key-file", key.toString());
        assertThat(named.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(named.err()).contains("case " + victimCase + " is a sextortion case: its customer may be the victim");
    }
}
