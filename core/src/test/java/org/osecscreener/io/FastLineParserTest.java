package org.osecscreener.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.osecscreener.model.Transaction;

/**
 * The byte-level fast path must give exactly what the Jackson path gives, or step aside: for
 * every line, either the fast path returns {@code null}, or the Jackson path parses the same
 * line into an equal transaction. Mutated lines (fixed seed) probe the edges.
 */
class FastLineParserTest {
    private static final TransactionCodec CODEC = TransactionCodec.standard();

    static final String TYPICAL = "{\"id\":\"T-0000042\",\"timestamp\":\"2026-03-05T22:15:00+10:00\",\"amount\":\"45.50\","
            + "\"currency\":\"AUD\",\"channel\":\"ONLINE\",\"purpose\":\"school fees\","
            + "\"sender\":{\"id\":\"S-1\",\"type\":\"PERSON\",\"name\":\"John Smith\",\"country\":\"AU\","
            + "\"account\":\"062-000 1234 5678\",\"phone\":\"+61 412 345 678\",\"email\":\"j.smith@example.com\","
            + "\"address\":\"1 George St, Sydney\",\"device\":\"d-77\",\"ip\":\"203.0.113.9\"},"
            + "\"beneficiary\":{\"id\":\"B-7\",\"type\":\"PERSON\",\"name\":\"Maria Cruz Santos\",\"country\":\"PH\","
            + "\"account\":\"PH-1234567890\",\"phone\":\"0917 123 4567\",\"wallet\":\"09171234567\",\"email\":null,"
            + "\"address\":\"Blk 4 Lot 2, Brgy. San Isidro, Cebu City\",\"pickupLocation\":\"Agent 2231 Cebu Colon\"},"
            + "\"label\":{\"osec\":false,\"scenario\":\"family_support\"}}";

    static final String MINIMAL = "{\"id\":\"T-1\",\"timestamp\":\"2026-03-01T12:15:00Z\",\"amount\":45,\"currency\":\"USD\","
            + "\"sender\":{\"id\":\"S-1\",\"country\":\"US\"},\"beneficiary\":{\"id\":\"B-1\",\"country\":\"PH\"}}";

    @Test
    void typicalLinesTakeTheFastPathAndEqualJackson() {
        for (String line : List.of(TYPICAL, MINIMAL, TYPICAL.replace("Maria Cruz Santos", "María Dela Peña 山田 \uD83D\uDE00"),
                " { \"id\" : \"T-2\" , \"timestamp\" : \"2026-03-01T12:15:00.250-05:00\" , \"amount\" : 0.5 , "
                        + "\"currency\" : \"USD\" , \"label\" : null , \"purpose\" : null , "
                        + "\"sender\" : { \"id\" : \"S-1\" , \"country\" : \"US\" , \"type\" : \"BUSINESS\" } , "
                        + "\"beneficiary\" : {\"country\":\"PH\",\"id\":\"B-1\",\"type\":\"ORGANIZATION\"} }\t")) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            Transaction fast = FastLineParser.parse(CODEC, b, 0, b.length);
            assertThat(fast).as("fast path engages on %s", line).isNotNull();
            assertThat(fast).isEqualTo(jackson(b));
        }
    }

    @Test
    void linesOutsideTheFastShapeFallBackToJackson() {
        List<String> lines = List.of(
                TYPICAL.replace("John Smith", "Jos\\u00e9 Smith"),              // escape
                TYPICAL.replace("\"John Smith\"", "\"Jos\u00e9\\u0020Smith\""),         // non-ASCII and an escape
                TYPICAL.replace("\"purpose\":", "\"extra\":1,\"purpose\":"),     // unknown field
                TYPICAL.replace("\"45.50\"", "4.55e1"),                          // exponent
                TYPICAL.replace("\"AUD\"", "\"aud\""));                          // bad code: a rejection
        for (String line : lines) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            assertThat(FastLineParser.parse(CODEC, b, 0, b.length)).as(line).isNull();
        }
        byte[] accepted = lines.get(0).getBytes(StandardCharsets.UTF_8);
        assertThat(CODEC.parse(accepted, 0, accepted.length, 1)).isInstanceOf(ParseOutcome.Parsed.class);
        byte[] rejected = lines.get(4).getBytes(StandardCharsets.UTF_8);
        assertThat(CODEC.parse(rejected, 0, rejected.length, 1)).isInstanceOf(ParseOutcome.Rejected.class);
    }

    @Test
    void everyRejectionFixtureIsLeftToJackson() throws IOException {
        List<String> fixtures = Files.readAllLines(Path.of("src/test/resources/io/rejections.jsonl"), StandardCharsets.UTF_8);
        assertThat(fixtures).hasSizeGreaterThan(30);
        for (String line : fixtures) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            ParseOutcome slow = CODEC.parseWithJackson(b, 0, b.length, 1);
            Transaction fast = FastLineParser.parse(CODEC, b, 0, b.length);
            if (slow instanceof ParseOutcome.Rejected) {
                assertThat(fast).as("fast path accepted a line Jackson rejects: %s", line).isNull();
            }
        }
    }

    @Test
    void mutatedLinesGiveTheSameOutcomeOnBothPaths() {
        SplittableRandom rnd = new SplittableRandom(20261129L);
        byte[][] seeds = {TYPICAL.getBytes(StandardCharsets.UTF_8), MINIMAL.getBytes(StandardCharsets.UTF_8),
                TYPICAL.replace("Maria Cruz Santos", "María Peña 山田 \uD83D\uDE00").getBytes(StandardCharsets.UTF_8)};
        byte[] alphabet = "{}[]:,\"\\ \t0123456789.-+eEnulltruefalseZTABz\u007f".getBytes(StandardCharsets.ISO_8859_1);
        int fastAccepted = 0;
        int cases = 30_000;
        for (int i = 0; i < cases; i++) {
            byte[] line = mutate(seeds[rnd.nextInt(seeds.length)], rnd, alphabet);
            Transaction fast = FastLineParser.parse(CODEC, line, 0, line.length);
            if (fast != null) {
                fastAccepted++;
                ParseOutcome slow = CODEC.parseWithJackson(line, 0, line.length, 1);
                assertThat(slow).as("case %d: %s", i, new String(line, StandardCharsets.ISO_8859_1))
                        .isInstanceOf(ParseOutcome.Parsed.class);
                assertThat(fast).as("case %d: %s", i, new String(line, StandardCharsets.ISO_8859_1))
                        .isEqualTo(((ParseOutcome.Parsed) slow).transaction());
            }
        }
        // Some mutations keep the line valid (a changed digit or letter): the comparison must have run.
        assertThat(fastAccepted).isBetween(cases / 50, cases - 1);
    }

    /** Lead and continuation bytes at the edges of well-formed UTF-8. */
    private static final byte[] UTF8_EDGES = {(byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF,
            (byte) 0xE0, (byte) 0x9F, (byte) 0xA0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0x8F, (byte) 0x90,
            (byte) 0xF4, (byte) 0xF5, (byte) 0xFF};

    private static byte[] mutate(byte[] seed, SplittableRandom rnd, byte[] alphabet) {
        List<Byte> b = new ArrayList<>(seed.length + 8);
        for (byte x : seed) {
            b.add(x);
        }
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits && !b.isEmpty(); e++) {
            int at = rnd.nextInt(b.size());
            switch (rnd.nextInt(6)) {
                case 0 -> b.set(at, alphabet[rnd.nextInt(alphabet.length)]);
                case 1 -> b.remove(at);
                case 2 -> b.add(at, alphabet[rnd.nextInt(alphabet.length)]);
                case 3 -> b.set(at, rnd.nextBoolean() ? (byte) rnd.nextInt(256) : UTF8_EDGES[rnd.nextInt(UTF8_EDGES.length)]);
                case 4 -> { // a digit or letter changed to another of its kind: often still valid
                    byte x = b.get(at);
                    if (x >= '0' && x <= '9') {
                        b.set(at, (byte) ('0' + rnd.nextInt(10)));
                    } else if (x >= 'a' && x <= 'z') {
                        b.set(at, (byte) ('a' + rnd.nextInt(26)));
                    } else if (x >= 'A' && x <= 'Z') {
                        b.set(at, (byte) ('A' + rnd.nextInt(26)));
                    }
                }
                default -> { // whitespace somewhere: valid only between tokens
                    b.add(at, (byte) ' ');
                }
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    @Test
    void wellFormedUtf8MatchesTheJdkDecoderOnEveryTwoAndThreeByteSequence() {
        java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(8);
        byte[] b = new byte[4];
        for (int x = 0; x < 256; x++) {
            for (int y = 0; y < 256; y++) {
                for (int z : new int[] {0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0}) {
                    b[0] = (byte) x;
                    b[1] = (byte) y;
                    b[2] = (byte) z;
                    b[3] = (byte) 0x80;
                    for (int len = 1; len <= 4; len++) {
                        strict.reset();
                        chars.clear();
                        boolean jdk = !strict.decode(java.nio.ByteBuffer.wrap(b, 0, len), chars, true).isError()
                                && !strict.flush(chars).isError();
                        if (FastLineParser.wellFormedUtf8(b, 0, len) != jdk) {
                            org.junit.jupiter.api.Assertions.fail(String.format("%02x %02x %02x 80, %d bytes: the JDK says %s",
                                    x, y, z, len, jdk ? "well-formed" : "malformed"));
                        }
                    }
                }
            }
        }
    }

    private static Transaction jackson(byte[] b) {
        ParseOutcome o = CODEC.parseWithJackson(b, 0, b.length, 1);
        assertThat(o).isInstanceOf(ParseOutcome.Parsed.class);
        return ((ParseOutcome.Parsed) o).transaction();
    }
}
