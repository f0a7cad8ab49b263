package org.osecscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.io.TransactionReader;
import org.osecscreener.model.Party;

/** The findings commands end to end on the bundled sample; pacs.008 backtests; key terms from the bundle in reports. */
class FindingsCommandTest {
    static final Path SAMPLE = Path.of("../samples/transactions.jsonl");

    @TempDir
    Path dir;

    Path key(String name, long seed) throws IOException {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        Path f = dir.resolve(name);
        Files.writeString(f, Base64.getEncoder().encodeToString(k) + "\n");
        return f;
    }

    @Test
    void export_fromOneScreening_firesOnAnother_withTheSameKey_andIsRefusedWithAnother() throws IOException {
        Path alerts = dir.resolve("alerts.jsonl");
        assertThat(MainTest.run("screen", "--input", SAMPLE.toString(), "--output", alerts.toString()).code()).isZero();
        MainTest.Result rep = MainTest.run("report", "--alerts", alerts.toString(), "--input", SAMPLE.toString(), "--out",
                dir.resolve("cases").toString());
        assertThat(rep.code()).as(rep.err()).isZero();
        JsonNode cases = new ObjectMapper().readTree(dir.resolve("cases/cases.json").toFile());
        String ring = null;
        for (JsonNode c : cases.path("cases")) {
            if (c.path("level").asText().equals("ALERT") && c.path("payees").size() > 1) {
                ring = c.path("caseId").asText();
                break;
            }
        }
        assertThat(ring).as("an ALERT case on a multi-payee cluster in the sample").isNotNull();
        Path key = key("coalition.key", 1);
        Path list = dir.resolve("coalition.jsonl");
        MainTest.Result ex = MainTest.run("findings", "export", "--alerts", alerts.toString(), "--input", SAMPLE.toString(),
                "--case", ring, "--senders", "--list", "coalition_ph", "--source", "Remitter A", "--date", "2026-04-01",
                "--out", list.toString(), "--key-file", key.toString());
        assertThat(ex.code()).as(ex.err()).isZero();
        assertThat(ex.out()).contains("findings to " + list).contains("list coalition_ph");

        // no raw identifier of any sample party, as given or without spaces, is in the exported file
        String text = Files.readString(list);
        List<String> raw = new ArrayList<>();
        try (InputStream in = Files.newInputStream(SAMPLE); TransactionReader r = new TransactionReader(in)) {
            r.forEach(t -> {
                for (Party p : List.of(t.sender(), t.beneficiary())) {
                    for (String v : new String[] {p.name(), p.phone(), p.account(), p.email(), p.address(), p.wallet(), p.device()}) {
                        if (v != null && v.length() >= 6) {
                            raw.add(v);
                            raw.add(v.replace(" ", ""));
                        }
                    }
                }
            }, x -> { });
        }
        assertThat(raw).hasSizeGreaterThan(100);
        assertThat(raw).noneMatch(text::contains);

        MainTest.Result check = MainTest.run("findings", "check", list.toString(), "--key-file", key.toString());
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("list coalition_ph from Remitter A, created 2026-04-01");

        Path b = dir.resolve("b.jsonl");
        MainTest.Result same = MainTest.run("screen", "--input", SAMPLE.toString(), "--output", b.toString(),
                "--watchlist", list.toString(), "--key-file", key.toString());
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(Files.readString(b)).contains("\"watchlist_match\"").contains("on list coalition_ph (source Remitter A");

        Path other = key("other.key", 2);
        MainTest.Result wrong = MainTest.run("screen", "--input", SAMPLE.toString(), "--output", b.toString(),
                "--watchlist", list.toString(), "--key-file", other.toString());
        assertThat(wrong.code()).isEqualTo(Main.FINDINGS);
        assertThat(wrong.err()).contains("coalition.jsonl:1: keyCheck: the list was made with a different coalition key");

        MainTest.Result noKey = MainTest.run("screen", "--input", SAMPLE.toString(), "--output", b.toString(),
                "--watchlist", list.toString());
        assertThat(noKey.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(noKey.err()).contains("the coalition key is required: --key-file FILE or --key-env VAR");
    }

    @Test
    void tipImport_hashesTheList_andReportsBadRowsWithLines() throws IOException {
        Path key = key("k", 1);
        Path tips = dir.resolve("tips.csv");
        Files.writeString(tips, "type,value,country,date\nphone,0917 123 4567,PH,2026-03-01\nemail,Someone@Example.com,,2026-03-02\n");
        Path list = dir.resolve("tips.jsonl");
        MainTest.Result r = MainTest.run("findings", "import", "--tips", tips.toString(), "--list", "hotline_tips", "--source",
                "Hotline PH", "--out", list.toString(), "--key-env", "OSEC_TEST_UNSET_VARIABLE");
        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("is not set or empty");
        r = MainTest.run("findings", "import", "--tips", tips.toString(), "--list", "hotline_tips", "--source", "Hotline PH",
                "--out", list.toString(), "--key-file", key.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("read 2 tips: 2 distinct identifiers");
        String text = Files.readString(list);
        assertThat(text).doesNotContain("0917").doesNotContain("123 4567").doesNotContain("xample").contains("\"seenAs\":\"tip\"");

        Files.writeString(tips, "type,value\nphone,0917 123 4567\n");
        r = MainTest.run("findings", "import", "--tips", tips.toString(), "--list", "hotline_tips", "--source", "Hotline PH",
                "--out", dir.resolve("none.jsonl").toString(), "--key-file", key.toString());
        assertThat(r.code()).isEqualTo(Main.FINDINGS);
        assertThat(r.err()).contains("tips.csv:2: country: phone values are read with a country");
        assertThat(dir.resolve("none.jsonl")).doesNotExist();
    }

    @Test
    void backtest_overPacs008WithLabels_equalsBacktestOverJsonLines_forTheSameSeed() throws IOException {
        Path jsonl = dir.resolve("l.jsonl");
        Path xml = dir.resolve("l.xml");
        assertThat(MainTest.run("generate", "--seed", "11", "--transactions", "3000", "--output", jsonl.toString()).code()).isZero();
        MainTest.Result g = MainTest.run("generate", "--seed", "11", "--transactions", "3000", "--format", "pacs008",
                "--output", xml.toString());
        assertThat(g.code()).as(g.err()).isZero();
        Path labels = dir.resolve("l.labels.jsonl");
        assertThat(g.out()).contains("labels: " + labels);
        assertThat(Files.readString(xml)).contains("urn:iso:std:iso:20022:tech:xsd:pacs.008.001.13").doesNotContain("osec");

        MainTest.Result a = MainTest.run("backtest", "--input", jsonl.toString(), "--report", dir.resolve("ra").toString(),
                "--no-ablation");
        MainTest.Result p = MainTest.run("backtest", "--input", xml.toString(), "--format", "pacs008", "--labels",
                labels.toString(), "--report", dir.resolve("rp").toString(), "--no-ablation");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(p.code()).as(p.err()).isZero();
        JsonNode ja = new ObjectMapper().readTree(dir.resolve("ra/summary.json").toFile());
        JsonNode jp = new ObjectMapper().readTree(dir.resolve("rp/summary.json").toFile());
        assertThat(ja.path("metrics").path("osecSenders").asInt()).isPositive();
        for (String field : new String[] {"metrics", "sweep", "scenarios", "firstAlert"}) {
            assertThat(jp.path(field)).as(field).isEqualTo(ja.path(field));
        }
        MainTest.Result noLabels = MainTest.run("backtest", "--input", xml.toString(), "--format", "pacs008", "--report",
                dir.resolve("rx").toString());
        assertThat(noLabels.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(noLabels.err()).contains("--format pacs008 needs --labels FILE");
    }

    @Test
    void report_takesKeyTermsFromTheBundle_andNamesIt() throws IOException {
        Path alerts = dir.resolve("alerts.jsonl");
        assertThat(MainTest.run("screen", "--input", SAMPLE.toString(), "--output", alerts.toString()).code()).isZero();
        String bundle = Files.readString(Path.of("../core/src/main/resources/org/osecscreener/rules/default-bundle.yaml"))
                .replaceFirst("(?m)^version: 1", "version: 7")
                .replace("  keyTerms:\n", "  keyTerms:\n    - jurisdiction: AU\n      authority: AUSTRAC\n"
                        + "      reference: Fintel Alliance OSEC indicators\n      placements:\n"
                        + "        - {field: \"SMR grounds for suspicion\", value: OSEC-AU-TEST}\n      narrativeKeyTerm: OSEC-AU-TEST\n");
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, bundle);
        MainTest.Result r = MainTest.run("report", "--alerts", alerts.toString(), "--input", SAMPLE.toString(), "--out",
                dir.resolve("cases").toString(), "--rules", rules.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String json = Files.readString(dir.resolve("cases/cases.json"));
        assertThat(json).contains("\"keyTermsFrom\" : \"rule bundle osec-default@7\"").contains("OSEC-AU-TEST")
                .contains("OCSE-FIN-2021-NTC3").contains("\"narrative\" : \"OSEC-AU-TEST. ");
        MainTest.Result d = MainTest.run("report", "--alerts", alerts.toString(), "--input", SAMPLE.toString(), "--out",
                dir.resolve("cases2").toString());
        assertThat(Files.readString(dir.resolve("cases2/cases.json"))).contains("\"keyTermsFrom\" : \"rule bundle osec-default@1\"")
                .contains("child exploitation").doesNotContain("OSEC-AU-TEST");
        Files.writeString(rules, bundle.replace("jurisdiction: AU", "jurisdiction: XX"));
        MainTest.Result bad = MainTest.run("report", "--alerts", alerts.toString(), "--input", SAMPLE.toString(), "--out",
                dir.resolve("cases3").toString(), "--rules", rules.toString());
        assertThat(bad.code()).isEqualTo(Main.FINDINGS);
        assertThat(bad.err()).containsPattern("rules.yaml:\\d+:\\d+ .*reporting.keyTerms\\[0\\].jurisdiction: 'XX' is not an ISO 3166-1 alpha-2");
    }
}
