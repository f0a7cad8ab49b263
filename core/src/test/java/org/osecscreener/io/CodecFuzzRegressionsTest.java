package org.osecscreener.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osecscreener.fuzz.Guard;

/**
 * Inputs the fuzzers found that broke a guarantee, one line each in
 * {@code src/test/resources/io/fuzz-regressions.jsonl}: each must now be a documented rejection
 * within the allocation bound.
 */
class CodecFuzzRegressionsTest {
    private static final List<String> LINES = lines();

    @ParameterizedTest(name = "line {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        // an exponent of -999999999 was rendered in full (a billion characters) in the error message
        "1 | amount | amount 1E-999999999 has more than 2 fraction digits, the most AUD allows",
        "2 | amount | amount 1E-999999999 has more than 2 fraction digits, the most AUD allows",
        "3 | amount | amount 1E+999999999 exceeds 1000000000000 AUD",
        "4 | amount | amount 1E+999999999 exceeds 1000000000000 AUD",
    })
    void fuzzFinding_isADocumentedRejection_withinTheAllocationBound(int line, String field, String reason) {
        String text = LINES.get(line - 1);
        try (Guard guard = new Guard(10_000)) {
            guard.run("warm-up", () -> TransactionCodec.standard().parse(text, line));
            Guard.Measured<ParseOutcome> m = guard.run("line " + line, () -> TransactionCodec.standard().parse(text, line));
            assertThat(m.value()).isInstanceOf(ParseOutcome.Rejected.class);
            Rejection r = ((ParseOutcome.Rejected) m.value()).rejection();
            assertThat(r.field()).isEqualTo(field);
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(m.allocatedBytes()).isLessThanOrEqualTo(
                    TransactionCodecFuzzTest.ALLOC_BASE + TransactionCodecFuzzTest.ALLOC_PER_BYTE * text.length());
        }
    }

    private static List<String> lines() {
        try (InputStream in = CodecFuzzRegressionsTest.class.getResourceAsStream("/io/fuzz-regressions.jsonl")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
