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

class MainTest {
    static final String GOOD = "{\"id\":\"T-1\",\"timestamp\":\"2026-03-01T22:15:00+10:00\",\"amount\":\"45.00\",\"currency\":\"AUD\","
            + "\"sender\":{\"id\":\"S-1\",\"country\":\"AU\"},\"beneficiary\":{\"id\":\"B-1\",\"country\":\"PH\"}}";

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void validateInput_allValid_exitsZero_withCounts() throws IOException {
        Path f = dir.resolve("ok.jsonl");
        Files.write(f, List.of(GOOD, "", GOOD.replace("T-1", "T-2")));
        Result r = run("validate-input", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("3 lines read: 2 valid, 0 rejected, 1 skipped (blank)");
    }

    @Test
    void validateInput_withRejections_exitsOne_listsEachWithLineAndReason() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Path dead = dir.resolve("dead.jsonl");
        Files.write(f, List.of(GOOD, GOOD.replace("\"AU\"}", "\"Australia\"}"), "not json", GOOD.replace("45.00", "-1")));
        Result r = run("validate-input", f.toString(), "--rejections", dead.toString());
        assertThat(r.code()).isEqualTo(Main.FINDINGS);
        assertThat(r.out())
                .contains("line 2: sender.country: is 9 characters long; at most 2 are accepted")
                .contains("line 3: malformed JSON")
                .contains("line 4: amount: must be more than zero, was -1")
                .contains("4 lines read: 1 valid, 3 rejected, 0 skipped");
        List<String> deadLines = Files.readAllLines(dead);
        assertThat(deadLines).hasSize(3);
        assertThat(deadLines.get(0)).startsWith("{\"line\":2,\"field\":\"sender.country\",\"reason\":");
        assertThat(deadLines.get(1)).contains("\"raw\":\"not json\"");
    }

    @Test
    void validateInput_maxErrors_boundsThePrintedList_butNotTheTotal() throws IOException {
        Path f = dir.resolve("many.jsonl");
        Files.write(f, List.of("x", "y", "z", "w"));
        Result r = run("validate-input", "--max-errors", "2", f.toString());
        assertThat(r.code()).isEqualTo(Main.FINDINGS);
        assertThat(r.out().lines().filter(l -> l.startsWith("line "))).hasSize(2);
        assertThat(r.out()).contains("... 2 more rejections not shown").contains("4 rejected");
    }

    @Test
    void validateInput_missingFile_exitsTwo() {
        Result r = run("validate-input", dir.resolve("nope.jsonl").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("no such file");
    }

    @Test
    void usageErrors_exitTwo() {
        assertThat(run().code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(run("no-such-command").code()).isEqualTo(Main.USAGE_OR_IO);
        Result r = run("validate-input", "--bogus", "x");
        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void helpAndVersion_exitZero() {
        Result help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("validate-input").contains("Exit codes");
        Result version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("osec-screener ");
    }
}
