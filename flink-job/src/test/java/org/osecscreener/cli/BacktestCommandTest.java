package org.osecscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {
    @TempDir
    Path dir;

    @Test
    void backtest_withCompare_writesReport_andPrintsTable() throws IOException {
        Path data = dir.resolve("l.jsonl");
        assertThat(MainTest.run("generate", "--seed", "3", "--transactions", "4000", "--output", data.toString()).code()).isZero();
        Path b = dir.resolve("b.yaml");
        String bundle = new String(Files.readAllBytes(Path.of("../core/src/main/resources/org/osecscreener/rules/default-bundle.yaml")));
        Files.writeString(b, bundle.replaceFirst("(?m)^  alert: [0-9.]+", "  alert: 0.9").replaceFirst("(?m)^version: 1", "version: 2"));
        Path report = dir.resolve("report");
        MainTest.Result r = MainTest.run("backtest", "--input", data.toString(), "--compare", b.toString(), "--report",
                report.toString(), "--no-ablation");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("backtest of osec-default@1").contains("sender recall").contains("alerts per 10k transactions")
                .contains("alerts only in A:").contains("family_support").contains("report: ");
        assertThat(r.err()).isEmpty();
        assertThat(report.resolve("report.html")).exists();
        assertThat(Files.readString(report.resolve("summary.json"))).contains("\"senderRecall\"").contains("\"comparison\"");
    }

    @Test
    void backtest_withSecondOpinion_reportsBothSetsSideBySide_withTheGap() throws IOException {
        Path main = dir.resolve("main.jsonl");
        Path so = dir.resolve("so.jsonl");
        assertThat(MainTest.run("generate", "--seed", "3", "--transactions", "6000", "--output", main.toString()).code()).isZero();
        assertThat(MainTest.run("generate", "--set", "second-opinion", "--seed", "3", "--transactions", "6000", "--output",
                so.toString()).code()).isZero();
        Path report = dir.resolve("report");
        MainTest.Result r = MainTest.run("backtest", "--input", main.toString(), "--second-opinion", so.toString(), "--report",
                report.toString(), "--no-ablation");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(report.resolve("second-opinion").resolve("summary.json")).exists();
        String md = Files.readString(report.resolve("side-by-side.md"));
        assertThat(md).contains("| osec-default@1 | main set | second opinion | gap |")
                .contains("| OSEC senders with at least one ALERT |").contains("| legitimate senders at REVIEW or above |")
                .contains("| queue items (distinct alert ids) per 10,000 transactions |").contains(" pp |");
        assertThat(r.out()).contains(md.lines().findFirst().orElseThrow());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(report.resolve("side-by-side.json").toFile());
        com.fasterxml.jackson.databind.JsonNode first = json.get("rows").get(0);
        assertThat(first.get("gap").asDouble()).isCloseTo(first.get("secondOpinion").asDouble() - first.get("main").asDouble(),
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void backtest_invalidRules_exitOne() throws IOException {
        Path data = dir.resolve("l.jsonl");
        Files.writeString(data, MainTest.GOOD + "\n");
        Path rules = dir.resolve("r.yaml");
        Files.writeString(rules, "id: x\nversion: 0\n");
        MainTest.Result r = MainTest.run("backtest", "--input", data.toString(), "--rules", rules.toString(), "--report",
                dir.resolve("rep").toString());
        assertThat(r.code()).isEqualTo(Main.FINDINGS);
        assertThat(r.err()).contains("invalid rule bundle");
    }

    @Test
    void backtest_missingInput_exitTwo() {
        MainTest.Result r = MainTest.run("backtest", "--input", dir.resolve("none.jsonl").toString(), "--report",
                dir.resolve("rep").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
    }
}
