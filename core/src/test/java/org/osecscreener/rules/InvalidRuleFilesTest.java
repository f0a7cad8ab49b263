package org.osecscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture per validation error under {@code src/test/resources/rules/invalid/}. Each file
 * says in its header what it expects ({@code # expect-rule:}, {@code # expect-field:},
 * {@code # expect-message:}, {@code # expect-count:}; {@code -} means none, {@code *} any
 * count) and marks the offending line with {@code # <- error} (or gives
 * {@code # expect-line:}). The first error in file order must match.
 */
class InvalidRuleFilesTest {
    private static final RuleBundleLoader LOADER = new RuleBundleLoader();

    static Stream<Path> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(InvalidRuleFilesTest.class.getResource("/rules/invalid").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void invalidFixture_isRejected_withTheErrorItDeclares(Path fixture) throws IOException {
        // lenient: a fixture may hold bytes that are not UTF-8 on purpose; its headers are ASCII
        List<String> lines = new String(Files.readAllBytes(fixture), StandardCharsets.UTF_8).lines().toList();
        String rule = header(lines, "expect-rule");
        String field = header(lines, "expect-field");
        String message = header(lines, "expect-message");
        String count = header(lines, "expect-count");
        int line = expectedLine(lines);

        RuleBundleException e = catchThrowableOfType(RuleBundleException.class, () -> LOADER.load(fixture));

        assertThat(e).as("%s must be rejected", fixture.getFileName()).isNotNull();
        List<ValidationError> errors = e.errors();
        if (!"*".equals(count)) {
            assertThat(errors).as("errors of %s", fixture.getFileName()).hasSize(Integer.parseInt(count));
        }
        ValidationError first = errors.get(0);
        assertThat(first.file()).isEqualTo(fixture.getFileName().toString());
        assertThat(first.line()).as("line of %s", first).isEqualTo(line);
        assertThat(first.ruleId()).as("rule id of %s", first).isEqualTo("-".equals(rule) ? null : rule);
        if ("-".equals(field)) {
            assertThat(first.field()).as("field of %s", first).isNullOrEmpty();
        } else {
            assertThat(first.field()).as("field of %s", first).isEqualTo(field);
        }
        assertThat(first.message()).as("message of %s", first).contains(message);
        assertThat(first.toString()).as("rendering").contains(message)
                .startsWith(fixture.getFileName() + (line > 0 ? ":" + line + ":" : ""));
        if (!"-".equals(rule)) {
            assertThat(first.toString()).contains("[" + rule + "] ");
        }
    }

    private static String header(List<String> lines, String key) {
        String prefix = "# " + key + ":";
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim())
                .findFirst().orElseThrow(() -> new AssertionError("fixture lacks " + prefix));
    }

    private static int expectedLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("# <- error")) {
                return i + 1;
            }
        }
        return Integer.parseInt(header(lines, "expect-line"));
    }
}
