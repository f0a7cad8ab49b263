package org.osecscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClustersCommandTest {
    private static final String TX = "{\"id\":\"%s\",\"timestamp\":\"2026-03-01T22:15:00+10:00\",\"amount\":\"45.00\","
            + "\"currency\":\"AUD\",\"sender\":{\"id\":\"S-1\",\"country\":\"AU\"},"
            + "\"beneficiary\":{\"id\":\"%s\",\"country\":\"PH\",%s}}";

    @TempDir
    Path dir;

    private static String tx(String id, String beneficiary, String fields) {
        return String.format(TX, id, beneficiary, fields);
    }

    private static MainTest.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new MainTest.Result(code, out.toString(), err.toString());
    }

    @Test
    void clusters_writesJsonLinesToOutput_andExplainsInWords() throws IOException {
        Path in = dir.resolve("tx.jsonl");
        Path out = dir.resolve("clusters.jsonl");
        Files.write(in, List.of(
                tx("T-1", "B-1", "\"phone\":\"0917 123 4567\""),
                tx("T-2", "B-2", "\"wallet\":\"09171234567\"")));
        MainTest.Result r = run("clusters", "--input", in.toString(), "--output", out.toString(), "--explain", "B-2");
        assertThat(r.code()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly(
                "{\"record\":\"beneficiary\",\"beneficiary_id\":\"B-1\",\"cluster_id\":\"C-1\",\"cluster_size\":2,\"flags\":[]}",
                "{\"record\":\"beneficiary\",\"beneficiary_id\":\"B-2\",\"cluster_id\":\"C-1\",\"cluster_size\":2,\"flags\":[\"wallet_is_phone\"]}");
        assertThat(r.out()).contains("B-2 is in cluster C-1 with 2 members: B-1, B-2")
                .contains("B-2 shares phone +63917•••4567 with B-1").doesNotContain("1234567");
        assertThat(r.err()).contains("2 beneficiaries in 1 clusters, 0 hubs");
    }

    @Test
    void clusters_rejectedLinesOrUnknownExplainId_exitOne() throws IOException {
        Path in = dir.resolve("tx.jsonl");
        Files.write(in, List.of(tx("T-1", "B-1", "\"phone\":\"0917 123 4567\""), "not json"));
        assertThat(run("clusters", "--input", in.toString()).code()).isEqualTo(Main.FINDINGS);
        Files.write(in, List.of(tx("T-1", "B-1", "\"phone\":\"0917 123 4567\"")));
        assertThat(run("clusters", "--input", in.toString(), "--explain", "B-9").code()).isEqualTo(Main.FINDINGS);
    }

    @Test
    void clusters_badSettingsOrMissingFile_exitTwo() {
        assertThat(run("clusters", "--input", dir.resolve("none.jsonl").toString()).code()).isEqualTo(Main.USAGE_OR_IO);
        MainTest.Result r = run("clusters", "--input", "x", "--hub-threshold", "0");
        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("hubThreshold was 0");
        assertThat(run("clusters", "--input", "x", "--links", "phone,bogus").err()).contains("unknown identifier type 'bogus'");
        assertThat(run("clusters").code()).isEqualTo(Main.USAGE_OR_IO);
    }
}
