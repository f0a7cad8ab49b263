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
