package org.osecscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osecscreener.fuzz.Guard;

/**
 * The loader's size limits on inputs too big for a fixture file: each is refused with a located
 * error, at a cost bounded independently of what the parser would have spent.
 */
class RuleFileLimitsTest {
    private static final RuleBundleLoader LOADER = new RuleBundleLoader();

    @Test
    void moreValuesThanTheBound_stopTheRead_atTheFirstValueTooMany() throws IOException {
        String minimal = minimal();
        String yaml = minimal.replace("cover_words: [gift, \"school fees\"]",
                "cover_words: [" + "g, ".repeat(RuleBundleLoader.MAX_VALUES) + "g]");
        RuleBundleException e = catchThrowableOfType(RuleBundleException.class,
                () -> LOADER.load("many.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        ValidationError first = e.errors().get(0);
        assertThat(first.message()).isEqualTo("more than 100000 values in the file; a rule bundle needs far fewer"
                + " (checking stopped here)");
        assertThat(first.field()).startsWith("keywords.cover_words[");
        assertThat(first.line()).isEqualTo(15);
        assertThat(first.column()).isGreaterThan(3 * (RuleBundleLoader.MAX_VALUES - 100));
    }

    @Test
    void aOneMegabyteWord_isRefusedBeforeTheYamlParser_withinAFewMegabytes() throws IOException {
        // fuzz regression: SnakeYAML's cost grows with the square of a run without whitespace
        // (this file cost it about 1.9 GB of allocation and half a second)
        String yaml = minimal().replace("\"A small valid bundle the invalid fixtures derive from.\"",
                "x".repeat(RuleBundleLoader.MAX_BYTES - 2_000));
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        try (Guard guard = new Guard(20_000)) {
            guard.run("warm-up", () -> error("word.yaml", bytes));
            Guard.Measured<ValidationError> m = guard.run("a 1 MB word", () -> error("word.yaml", bytes));
            assertThat(m.value().toString()).startsWith("word.yaml:4:14 more than 8192 characters without a space");
            assertThat(m.allocatedBytes()).isLessThan(8L * 1024 * 1024);
        }
    }

    @Test
    void jsonNestedDeeperThanTheBound_isRefusedWithItsPosition() {
        String json = "{\"id\": \"x\", \"description\": " + "[".repeat(40) + "]".repeat(40) + "}";
        ValidationError first = error("deep.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(first.toString()).isEqualTo("deep.json:1:37 description[0][0][0][0][0][0][0][0][0]: nesting deeper"
                + " than 10 levels; a rule bundle needs at most 5 (checking stopped here)");
    }

    @Test
    void jsonStringLongerThanTheParserBound_isASyntaxErrorWithItsPosition() {
        String json = "{\"id\": \"x\",\n \"description\": \"" + "w ".repeat(40_000) + "\"}";
        ValidationError first = error("long.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(first.line()).isEqualTo(2);
        // the length Jackson reports is where it stopped reading (buffer-dependent), not the whole string
        assertThat(first.message()).matches("syntax error: String value length \\(\\d+\\) exceeds the maximum allowed \\(65536\\).*");
    }

    private static ValidationError error(String name, byte[] content) {
        RuleBundleException e = catchThrowableOfType(RuleBundleException.class, () -> LOADER.load(name, content));
        assertThat(e).as("%s must be refused", name).isNotNull();
        List<ValidationError> errors = e.errors();
        return errors.get(0);
    }

    private static String minimal() throws IOException {
        try (InputStream in = RuleFileLimitsTest.class.getResourceAsStream("/rules/valid-minimal.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
