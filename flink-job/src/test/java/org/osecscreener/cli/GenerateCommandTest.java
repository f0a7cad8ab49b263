package org.osecscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void generate_toFile_isDeterministic_andValid() throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        MainTest.Result r = MainTest.run("generate", "--seed", "5", "--transactions", "2000", "--output", a.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote 2000 transactions to").contains("(seed 5)");
        assertThat(r.err()).isEmpty();   // no progress bar unless asked or on a terminal
        MainTest.run("generate", "--seed", "5", "--transactions", "2000", "--output", b.toString());
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        List<String> lines = Files.readAllLines(a);
        assertThat(lines).hasSize(2000).allSatisfy(l -> assertThat(l).contains("\"label\":{\"osec\":"));
        MainTest.Result v = MainTest.run("validate-input", a.toString());
        assertThat(v.code()).isZero();
        assertThat(v.out()).contains("2000 valid, 0 rejected");
    }

    @Test
    void generate_toStdout_withDash() {
        PrintStream old = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        MainTest.Result r;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            r = MainTest.run("generate", "--transactions", "50", "--output", "-");
        } finally {
            System.setOut(old);
        }
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(captured.toString(StandardCharsets.UTF_8).split("\n")).hasSize(50);
    }

    @Test
    void generate_progress_whenAsked_goesToStderr() throws IOException {
        MainTest.Result r = MainTest.run("generate", "--transactions", "100", "--progress", "--output", dir.resolve("p.jsonl").toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("100.0%").contains("transactions");
    }

    @Test
    void generate_invalidConfig_namesTheField_exitOne() throws IOException {
        Path cfg = dir.resolve("g.yaml");
        Files.writeString(cfg, org.osecscreener.synth.GeneratorConfig.defaults().toYaml() + "velocity: 2\n");
        MainTest.Result r = MainTest.run("generate", "--config", cfg.toString(), "--output", dir.resolve("x.jsonl").toString());
        assertThat(r.code()).isEqualTo(Main.FINDINGS);
        assertThat(r.err()).contains("invalid generator configuration").contains("velocity");
    }

    @Test
    void generate_negativeCountOrUnwritableOutput_exitTwo() throws IOException {
        MainTest.Result negative = MainTest.run("generate", "--transactions", "-1", "--output", dir.resolve("x.jsonl").toString());
        assertThat(negative.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(negative.err()).contains("--transactions must be 0 or more");
        Path file = Files.writeString(dir.resolve("a-file"), "");
        MainTest.Result unwritable = MainTest.run("generate", "--transactions", "1", "--output", file.resolve("x.jsonl").toString());
        assertThat(unwritable.code()).isEqualTo(Main.USAGE_OR_IO);
    }
}
