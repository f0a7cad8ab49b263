package org.osecscreener.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * One fixture line per rejection reason (src/test/resources/io/rejections.jsonl): each must be
 * rejected at its own line number, naming the field and saying what was wrong.
 */
class TransactionCodecRejectionTest {
    private static final List<ParseOutcome> OUTCOMES = new ArrayList<>();

    @BeforeAll
    static void readFixture() throws IOException {
        try (InputStream in = TransactionCodecRejectionTest.class.getResourceAsStream("/io/rejections.jsonl");
             TransactionReader reader = new TransactionReader(in)) {
            ParseOutcome o;
            while ((o = reader.next()) != null) {
                OUTCOMES.add(o);
            }
            assertThat(reader.rejected()).isEqualTo(reader.linesRead());
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(1, null, "malformed JSON"),
                Arguments.of(2, null, "must hold one JSON object, found an array"),
                Arguments.of(3, null, "unexpected content after the JSON object"),
                Arguments.of(4, "id", "required field 'id' is missing"),
                Arguments.of(5, "timestamp", "required field 'timestamp' is missing"),
                Arguments.of(6, "amount", "required field 'amount' is missing"),
                Arguments.of(7, "currency", "required field 'currency' is missing"),
                Arguments.of(8, "sender", "required field 'sender' is missing"),
                Arguments.of(9, "beneficiary", "required field 'beneficiary' is missing"),
                Arguments.of(10, "sender.id", "required field 'sender.id' is missing"),
                Arguments.of(11, "sender.country", "required field 'sender.country' is missing"),
                Arguments.of(12, "beneficiary.country", "required field 'beneficiary.country' is missing"),
                Arguments.of(13, "id", "expected a string, found a number"),
                Arguments.of(14, "amount", "expected a decimal string such as \"45.00\" or a JSON number, found a boolean"),
                Arguments.of(15, "currency", "'XYZ' is not an ISO 4217 currency code"),
                Arguments.of(16, "currency", "'aud' is not an ISO 4217 currency code (three upper-case letters"),
                Arguments.of(17, "currency", "'XAU' has no minor unit"),
                Arguments.of(18, "beneficiary.country", "'XX' is not an ISO 3166-1 alpha-2 country code"),
                Arguments.of(19, "sender.country", "'au' is not an ISO 3166-1 alpha-2 country code"),
                Arguments.of(20, "amount", "must be more than zero, was 0.00"),
                Arguments.of(21, "amount", "must be more than zero, was -5.00"),
                Arguments.of(22, "amount", "45.001 has more than 2 fraction digits, the most AUD allows"),
                Arguments.of(23, "amount", "100.5 has more than 0 fraction digits, the most JPY allows"),
                Arguments.of(24, "amount", "'forty' is not a decimal number"),
                Arguments.of(25, "amount", "exceeds the largest accepted amount"),
                Arguments.of(26, "timestamp", "'yesterday' is not an ISO-8601 date-time with an offset"),
                Arguments.of(27, "timestamp", "has no offset"),
                Arguments.of(28, "timestamp", "'2026-02-30T10:00:00Z' is not a valid date and time"),
                Arguments.of(29, "beneficiary.name", "is 201 characters long; at most 200 are accepted"),
                Arguments.of(30, "amount", "duplicate key 'amount'"),
                Arguments.of(31, "sender.id", "duplicate key 'id' in sender"),
                Arguments.of(32, "channel", "'PIGEON' is not a channel; accepted: ONLINE, AGENT"),
                Arguments.of(33, "sender.type", "'ROBOT' is not a party type; accepted: PERSON, BUSINESS, ORGANIZATION"),
                Arguments.of(34, "label.osec", "required field 'label.osec' is missing"),
                Arguments.of(35, "sender", "required field 'sender' is null"),
                Arguments.of(36, "sender.id", "'sender.id' must not be blank"),
                Arguments.of(37, "purpose", "expected a string, found an array"),
                Arguments.of(38, "amount", "45.123 has more than 2 fraction digits"));
    }

    @ParameterizedTest(name = "line {0}: {1} {2}")
    @MethodSource("cases")
    void fixtureLine_isRejected_withFieldAndReason(int line, String field, String reasonFragment) {
        assertThat(OUTCOMES).hasSizeGreaterThanOrEqualTo(line);
        ParseOutcome o = OUTCOMES.get(line - 1);
        assertThat(o).isInstanceOf(ParseOutcome.Rejected.class);
        Rejection r = ((ParseOutcome.Rejected) o).rejection();
        assertThat(r.lineNumber()).isEqualTo(line);
        assertThat(r.field()).isEqualTo(field);
        assertThat(r.reason()).contains(reasonFragment);
        assertThat(r.raw()).isNotEmpty();
    }

    @Test
    void everyFixtureLine_hasAnExpectation() {
        assertThat(OUTCOMES).hasSize((int) cases().count());
    }

    @Test
    void overlongLine_isRejectedWithoutBeingParsed_andTheNextLineStillReads() throws IOException {
        String good = "{\"id\":\"T-1\",\"timestamp\":\"2026-03-01T22:15:00Z\",\"amount\":\"1.00\",\"currency\":\"USD\","
                + "\"sender\":{\"id\":\"S\",\"country\":\"US\"},\"beneficiary\":{\"id\":\"B\",\"country\":\"PH\"}}";
        String huge = "{\"id\":\"" + "x".repeat(200_000) + "\"}";
        byte[] input = (huge + "\n" + good + "\n").getBytes(StandardCharsets.UTF_8);
        try (TransactionReader reader = new TransactionReader(new ByteArrayInputStream(input))) {
            ParseOutcome first = reader.next();
            assertThat(first).isInstanceOf(ParseOutcome.Rejected.class);
            Rejection r = ((ParseOutcome.Rejected) first).rejection();
            assertThat(r.lineNumber()).isEqualTo(1);
            assertThat(r.reason()).contains("at most 16384 bytes are accepted");
            assertThat(r.raw().length()).isLessThanOrEqualTo(Rejection.MAX_RAW_CHARS + 1);
            ParseOutcome second = reader.next();
            assertThat(second).isInstanceOf(ParseOutcome.Parsed.class);
            assertThat(second.lineNumber()).isEqualTo(2);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void invalidUtf8_isRejectedAsMalformed() {
        byte[] line = "{\"id\":\"T-\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        line[8] = (byte) 0xC3;
        line[9] = (byte) 0x28; // an invalid continuation byte
        ParseOutcome o = TransactionCodec.standard().parse(line, 0, line.length, 5);
        assertThat(o).isInstanceOf(ParseOutcome.Rejected.class);
        assertThat(((ParseOutcome.Rejected) o).rejection().reason()).startsWith("malformed JSON");
        assertThat(o.lineNumber()).isEqualTo(5);
    }

    @Test
    void blankAndWhitespaceLines_areSkipped_andCounted() throws IOException {
        String good = "{\"id\":\"T-1\",\"timestamp\":\"2026-03-01T22:15:00Z\",\"amount\":\"1\",\"currency\":\"JPY\","
                + "\"sender\":{\"id\":\"S\",\"country\":\"JP\"},\"beneficiary\":{\"id\":\"B\",\"country\":\"PH\"}}";
        String input = "\n  \t \r\n" + good + "\r\n\n{bad\n" + good; // no final newline
        try (TransactionReader reader = new TransactionReader(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)))) {
            List<ParseOutcome> all = new ArrayList<>();
            ParseOutcome o;
            while ((o = reader.next()) != null) {
                all.add(o);
            }
            assertThat(all).extracting(ParseOutcome::lineNumber).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(all.get(0)).isInstanceOf(ParseOutcome.Skipped.class);
            assertThat(all.get(2)).isInstanceOf(ParseOutcome.Parsed.class);
            assertThat(all.get(4)).isInstanceOf(ParseOutcome.Rejected.class);
            assertThat(all.get(5)).isInstanceOf(ParseOutcome.Parsed.class);
            assertThat(reader.valid()).isEqualTo(2);
            assertThat(reader.rejected()).isEqualTo(1);
            assertThat(reader.skipped()).isEqualTo(3);
            assertThat(reader.valid() + reader.rejected() + reader.skipped()).isEqualTo(reader.linesRead());
        }
    }

    @Test
    void byteOrderMark_atStart_isSkipped() throws IOException {
        String good = "{\"id\":\"T-1\",\"timestamp\":\"2026-03-01T22:15:00Z\",\"amount\":\"1.50\",\"currency\":\"USD\","
                + "\"sender\":{\"id\":\"S\",\"country\":\"US\"},\"beneficiary\":{\"id\":\"B\",\"country\":\"PH\"}}";
        byte[] body = good.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[body.length + 3];
        input[0] = (byte) 0xEF;
        input[1] = (byte) 0xBB;
        input[2] = (byte) 0xBF;
        System.arraycopy(body, 0, input, 3, body.length);
        try (TransactionReader reader = new TransactionReader(new ByteArrayInputStream(input))) {
            assertThat(reader.next()).isInstanceOf(ParseOutcome.Parsed.class);
        }
    }
}
