package org.osecscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.rules.RuleBundleLoader;

class ValidateRulesCommandTest {
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

    private Path defaultBundleFile() throws IOException {
        Path f = dir.resolve("default-bundle.yaml");
        try (InputStream in = RuleBundleLoader.class.getResourceAsStream(RuleBundleLoader.DEFAULT_BUNDLE_RESOURCE)) {
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    void validBundle_exitsZero_withSummary() throws IOException {
        Result r = run("validate-rules", defaultBundleFile().toString());

        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).startsWith("rule bundle osec-default version 1 is valid")
                .contains("effective from: 2020-01-01")
                .contains("thresholds:     review at 0.55, alert at 0.75 with at least 2 indicators");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void invalidBundle_exitsOne_listingEveryError() throws IOException {
        Path f = dir.resolve("rules.yaml");
        Files.writeString(f, Files.readString(defaultBundleFile())
                .replace("lists: [cover_words]", "lists: [cover_wrods]")
                .replace("  review: 0.55", "  review: 0.9"));

        Result r = run("validate-rules", f.toString());

        assertThat(r.code()).isEqualTo(Main.FINDINGS);
        assertThat(r.out()).startsWith("2 errors in rules.yaml")
                .containsPattern("rules\\.yaml:\\d+:\\d+ \\[cover_keywords\\] detectors\\.cover_keywords\\.lists\\[0\\]: "
                        + "keyword list 'cover_wrods' is not defined; defined lists: cover_words")
                .contains("scoring.review: review (0.9) must be below alert (0.75)");
    }

    @Test
    void missingFile_exitsTwo() {
        Result r = run("validate-rules", dir.resolve("nope.yaml").toString());

        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("cannot read").contains("no such file");
    }

    @Test
    void directory_exitsTwo() {
        assertThat(run("validate-rules", dir.toString()).code()).isEqualTo(Main.USAGE_OR_IO);
    }

    @Test
    void noFileArgument_isAUsageError() {
        Result r = run("validate-rules");

        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("Missing required parameter");
    }

    @Test
    void mainHelp_listsValidateRules() {
        assertThat(run("--help").out()).contains("validate-rules");
    }
}
