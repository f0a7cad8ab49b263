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
    void generate_beneficiaryOnlyCountryAsSender_isRejected_withTheFieldAndTheReason() throws IOException {
        Path cfg = dir.resolve("ng.yaml");
        String yaml = org.osecscreener.tools.synth.GeneratorConfig.defaults().toYaml();
        Files.writeString(cfg, yaml.replaceFirst("sextortionVictims:\n", "sextortionVictims:\n    NG: 5.0\n"));
        Path out = dir.resolve("ng.jsonl");
        MainTest.Result r = MainTest.run("generate", "--config", cfg.toString(), "--output", out.toString());
        assertThat(r.code()).isEqualTo(Main.FINDINGS);
        assertThat(r.err()).contains("invalid generator configuration").contains("countries.sextortionVictims")
                .contains("NG").contains("may only receive");
        assertThat(out).doesNotExist();
    }

    @Test
    void generate_invalidConfig_namesTheField_exitOne() throws IOException {
        Path cfg = dir.resolve("g.yaml");
        Files.writeString(cfg, org.osecscreener.tools.synth.GeneratorConfig.defaults().toYaml() + "velocity: 2\n");
        MainTest.Result r = MainTest.run("generate", "--config", cfg.toString(), "--output", dir.resolve("x.jsonl").toString());
        assertThat(r.code()).isEqualTo(Main.FINDINGS);
        assertThat(r.err()).contains("invalid generator configuration").contains("velocity");
    }

    @Test
    void generate_secondOpinionSet_isDeterministic_labelled_andValid() throws IOException {
        Path a = dir.resolve("so-a.jsonl");
        Path b = dir.resolve("so-b.jsonl");
        Path c = dir.resolve("so-c.jsonl");
        MainTest.Result r = MainTest.run("generate", "--set", "second-opinion", "--seed", "5", "--transactions", "3000", "--output", a.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote 3000 transactions to").contains("second-opinion set, seed 5");
        MainTest.run("generate", "--set", "second-opinion", "--seed", "5", "--transactions", "3000", "--output", b.toString());
        MainTest.run("generate", "--set", "second-opinion", "--seed", "6", "--transactions", "3000", "--output", c.toString());
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b)).isNotEqualTo(Files.readAllBytes(c));
        List<String> lines = Files.readAllLines(a);
        assertThat(lines).hasSize(3000).allSatisfy(l -> assertThat(l).containsPattern("\"label\":\\{\"osec\":(true|false),\"scenario\":\"(so_|sextortion)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"osec\":true"));
        MainTest.Result v = MainTest.run("validate-input", a.toString());
        assertThat(v.code()).isZero();
        assertThat(v.out()).contains("3000 valid, 0 rejected");
    }

    @Test
    void generate_secondOpinionSet_toStdout_withDash() {
        PrintStream old = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        MainTest.Result r;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            r = MainTest.run("generate", "--set", "second-opinion", "--transactions", "200", "--output", "-");
        } finally {
            System.setOut(old);
        }
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(captured.toString(StandardCharsets.UTF_8).split("\n")).hasSize(200);
    }

    @Test
    void generate_secondOpinionSet_withPacs008OrConfig_isUsageError_namingTheOption() throws IOException {
        Path cfg = dir.resolve("g.yaml");
        Files.writeString(cfg, "transactions: 10\n");
        MainTest.Result pacs = MainTest.run("generate", "--set", "second-opinion", "--format", "pacs008", "--output", dir.resolve("x.xml").toString());
        assertThat(pacs.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(pacs.err()).contains("--set second-opinion cannot be combined with --format pacs008").contains("JSON lines only");
        MainTest.Result config = MainTest.run("generate", "--set", "second-opinion", "--config", cfg.toString(), "--output", dir.resolve("y.jsonl").toString());
        assertThat(config.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(config.err()).contains("cannot be combined with --config");
        assertThat(dir.resolve("x.xml")).doesNotExist();
        assertThat(dir.resolve("y.jsonl")).doesNotExist();
    }

    @Test
    void generate_unknownSet_isUsageError() {
        MainTest.Result r = MainTest.run("generate", "--set", "third", "--output", dir.resolve("z.jsonl").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("--set must be main or second-opinion, was 'third'");
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
