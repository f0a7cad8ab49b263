package org.osecscreener.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.osecscreener.fuzz.Guard;
import org.osecscreener.fuzz.Mutator;
import org.osecscreener.model.Limits;

/**
 * Fuzzes the JSON-lines codec and reader: random and mutated lines only ever become a
 * transaction (that round-trips), a documented rejection or a skip; never another exception,
 * never a hang, never an allocation out of proportion to the line.
 *
 * <p>Deterministic: every input comes from a {@link SplittableRandom} with a fixed seed, and a
 * failure names the seed, the case index and the input.
 */
class TransactionCodecFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    private static final int CASES = Integer.getInteger("fuzz.codec.cases", 6_000);
    /** A case may take this long before it counts as a hang (a line takes microseconds). */
    private static final long TIMEOUT_MILLIS = 10_000;
    /**
     * Allocation bound per line: a fixed allowance (parser buffers, the rejection, class loading
     * on a first rare path) plus this many heap bytes per input byte. Measured: see
     * docs/transaction-format.md, "Bad input".
     */
    static final long ALLOC_BASE = 64 * 1024;
    static final long ALLOC_PER_BYTE = 8;

    static final Set<String> FIELDS = fields();

    private static final TransactionCodec CODEC = TransactionCodec.standard();

    static final List<String> SEEDS = List.of(
            "{\"id\":\"T-000001\",\"timestamp\":\"2026-03-01T22:15:00+10:00\",\"amount\":\"45.00\",\"currency\":\"AUD\","
                    + "\"channel\":\"ONLINE\",\"purpose\":\"school fees\","
                    + "\"sender\":{\"id\":\"S-1\",\"type\":\"PERSON\",\"name\":\"John Smith\",\"country\":\"AU\",\"account\":\"062-000 1234 5678\","
                    + "\"phone\":\"+61 412 345 678\",\"email\":\"j.smith@example.com\",\"address\":\"1 George St, Sydney\",\"device\":\"d-77\",\"ip\":\"203.0.113.9\"},"
                    + "\"beneficiary\":{\"id\":\"B-1\",\"type\":\"PERSON\",\"name\":\"Maria Cruz Santos\",\"country\":\"PH\",\"account\":\"PH-1234567890\","
                    + "\"phone\":\"0917 123 4567\",\"wallet\":\"09171234567\",\"email\":null,\"address\":\"Blk 4 Lot 2, Brgy. San Isidro, Cebu City\","
                    + "\"pickupLocation\":\"Agent 2231 Cebu Colon\"},"
                    + "\"label\":{\"osec\":true,\"scenario\":\"facilitator_ring\"}}",
            "{\"id\":\"T-2\",\"timestamp\":\"2026-03-01T22:15:00.123456789-05:00\",\"amount\":19.9,\"currency\":\"USD\","
                    + "\"sender\":{\"id\":\"S\",\"country\":\"US\"},\"beneficiary\":{\"id\":\"B\",\"country\":\"PH\"}}",
            "{\"id\":\"T-3\",\"timestamp\":\"2026-03-01T22:15:00Z\",\"amount\":1500,\"currency\":\"JPY\",\"channel\":\"AGENT\","
                    + "\"sender\":{\"id\":\"S-3\",\"type\":\"BUSINESS\",\"country\":\"JP\"},\"beneficiary\":{\"id\":\"B-3\",\"country\":\"TH\",\"wallet\":\"w-1\"},"
                    + "\"label\":null,\"future\":{\"nested\":[1,2,{\"x\":null}]}}",
            "{\"id\":\"T-4\",\"timestamp\":\"2026-12-31T23:59:59.5+05:45\",\"amount\":\"1.250\",\"currency\":\"KWD\","
                    + "\"purpose\":\"\u0645\u0635\u0627\u0631\u064a\u0641 \u00e9\u00e8 \uD83D\uDE00\","
                    + "\"sender\":{\"id\":\"S-4\",\"country\":\"KW\"},\"beneficiary\":{\"id\":\"B-4\",\"country\":\"PH\"},\"label\":{\"osec\":false}}");

    private static final Mutator MUTATOR = new Mutator(List.of(
            Mutator.utf8("{"), Mutator.utf8("}"), Mutator.utf8("["), Mutator.utf8("]"), Mutator.utf8("\""),
            Mutator.utf8("\\"), Mutator.utf8("\\u"), Mutator.utf8("\\uD800"), Mutator.utf8("\\uDC00\\uD800"),
            Mutator.utf8(":"), Mutator.utf8(","), Mutator.utf8("null"), Mutator.utf8("true"), Mutator.utf8("{}"),
            Mutator.utf8("[]"), Mutator.utf8("\"id\":\"X\","), Mutator.utf8("\"amount\":1,"),
            Mutator.utf8("\"sender\":{\"id\":\"S\",\"country\":\"US\"},"), Mutator.utf8("\"label\":{},"),
            Mutator.utf8("/*"), Mutator.utf8("'"), Mutator.utf8("+"), Mutator.utf8(".e")));

    @Test
    void mutatedLines_becomeATransactionOrADocumentedRejection() {
        SplittableRandom r = new SplittableRandom(SEED);
        long maxAllocated = 0;
        try (Guard guard = new Guard(TIMEOUT_MILLIS)) {
            warmUp(guard);
            for (int i = 0; i < CASES; i++) {
                byte[] line = i % 2 == 0
                        ? MUTATOR.mutate(Mutator.utf8(SEEDS.get(r.nextInt(SEEDS.size()))), r, 2 * Limits.LINE_BYTES)
                        : Mutator.utf8(StructuredLines.next(r));
                long lineNumber = 1 + r.nextInt(1_000_000);
                String what = "case " + i + " (seed " + SEED + ") " + Mutator.show(line);
                Guard.Measured<ParseOutcome> m = guard.run(what, () -> CODEC.parse(line, 0, line.length, lineNumber));
                check(m.value(), lineNumber, line.length, what);
                long allocated = steadyAllocation(guard, m, what, () -> CODEC.parse(line, 0, line.length, lineNumber));
                if (Boolean.getBoolean("fuzz.calibrate")) {
                    System.out.println("ALLOC " + allocated + " " + line.length + " " + what.substring(0, Math.min(200, what.length())));
                } else {
                    assertThat(allocated).as("bytes allocated by %s", what)
                            .isLessThanOrEqualTo(ALLOC_BASE + ALLOC_PER_BYTE * line.length);
                }
                maxAllocated = Math.max(maxAllocated, allocated - ALLOC_PER_BYTE * line.length);
            }
        }
        report("codec", maxAllocated);
    }

    @Test
    void mutatedStreams_giveOneOutcomePerLine_andTheCountsAddUp() throws IOException {
        SplittableRandom r = new SplittableRandom(SEED + 1);
        try (Guard guard = new Guard(TIMEOUT_MILLIS)) {
            for (int i = 0; i < CASES / 20; i++) {
                ByteArrayOutputStream file = new ByteArrayOutputStream();
                if (r.nextInt(4) == 0) {
                    file.writeBytes(Mutator.bytes(0xEF, 0xBB, 0xBF));
                }
                int lines = 1 + r.nextInt(20);
                for (int k = 0; k < lines; k++) {
                    byte[] line = r.nextBoolean() ? Mutator.utf8(StructuredLines.next(r))
                            : MUTATOR.mutate(Mutator.utf8(SEEDS.get(r.nextInt(SEEDS.size()))), r, 3 * Limits.LINE_BYTES);
                    file.writeBytes(line);
                    file.writeBytes(r.nextInt(5) == 0 ? Mutator.utf8("\r\n") : Mutator.utf8("\n"));
                }
                if (r.nextBoolean()) {
                    file.writeBytes(MUTATOR.mutate(Mutator.utf8(SEEDS.get(0)), r, 3 * Limits.LINE_BYTES));
                }
                byte[] bytes = file.toByteArray();
                int expectedLines = countLines(bytes);
                String what = "stream " + i + " (seed " + (SEED + 1) + ") of " + bytes.length + " bytes";
                List<ParseOutcome> out = guard.run(what, () -> readAll(bytes)).value();
                assertThat(out).as("outcomes of %s", what).hasSize(expectedLines);
                for (int k = 0; k < out.size(); k++) {
                    check(out.get(k), k + 1, -1, what + ", line " + (k + 1));
                }
            }
        }
    }

    private static List<ParseOutcome> readAll(byte[] bytes) throws IOException {
        List<ParseOutcome> out = new ArrayList<>();
        try (TransactionReader reader = new TransactionReader(new ByteArrayInputStream(bytes))) {
            ParseOutcome o;
            while ((o = reader.next()) != null) {
                out.add(o);
            }
            assertThat(reader.valid() + reader.rejected() + reader.skipped()).isEqualTo(reader.linesRead())
                    .isEqualTo(out.size());
        }
        return out;
    }

    /** Lines as the reader splits them: '\n' ends a line, a last line without one counts. */
    private static int countLines(byte[] b) {
        int n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return b.length > 0 && b[b.length - 1] != '\n' ? n + 1 : n;
    }

    /**
     * What every outcome must be: documented, located, and a parsed transaction must round-trip.
     * {@code length} is the line's length in bytes, or -1 when not known.
     */
    static void check(ParseOutcome o, long lineNumber, int length, String what) {
        assertThat(o).as("outcome of %s", what).isNotNull();
        assertThat(o.lineNumber()).as("line number of %s", what).isEqualTo(lineNumber);
        if (o instanceof ParseOutcome.Rejected rej) {
            Rejection x = rej.rejection();
            assertThat(x.reason()).as("reason of %s", what).isNotBlank()
                    .as("%s hit the codec's safety net (a model constructor refused what the codec let through): %s", what, x.reason())
                    .doesNotStartWith("invalid record:");
            if (x.field() != null) {
                assertThat(FIELDS).as("field of %s", what).contains(x.field());
            }
            assertThat(x.raw().length()).as("raw of %s", what).isLessThanOrEqualTo(Rejection.MAX_RAW_CHARS + 1);
        } else if (o instanceof ParseOutcome.Parsed p) {
            if (length >= 0) {
                assertThat(length).as("accepted line length of %s", what).isLessThanOrEqualTo(Limits.LINE_BYTES);
            }
            String json = CODEC.toJson(p.transaction());
            ParseOutcome again = CODEC.parse(json, lineNumber);
            assertThat(again).as("re-reading what %s became: %s", what, json).isInstanceOf(ParseOutcome.Parsed.class);
            assertThat(((ParseOutcome.Parsed) again).transaction()).as("round trip of %s", what).isEqualTo(p.transaction());
        } else {
            assertThat(o).isInstanceOf(ParseOutcome.Skipped.class);
        }
    }

    /**
     * The allocation of a case once its code paths are linked: the first run through a rare
     * branch also pays one-time costs (class loading, string-concatenation call sites bootstrapped
     * by the JVM, hundreds of KiB), so a case over the bound is measured a second time and judged
     * on that.
     */
    static <T> long steadyAllocation(Guard guard, Guard.Measured<T> first, String what, java.util.concurrent.Callable<T> task) {
        if (first.allocatedBytes() <= ALLOC_BASE && !Boolean.getBoolean("fuzz.calibrate")) {
            return first.allocatedBytes();
        }
        return Math.min(first.allocatedBytes(), guard.run(what + " (again)", task).allocatedBytes());
    }

    private static void warmUp(Guard guard) {
        for (String s : SEEDS) {
            guard.run("warm-up", () -> CODEC.parse(s, 1));
        }
        guard.run("warm-up", () -> CODEC.parse("{\"x\":[}", 1));
    }

    static void report(String what, long maxFixed) {
        if (Boolean.getBoolean("fuzz.report")) {
            System.out.println("fuzz " + what + ": largest allocation beyond the per-byte share: " + maxFixed + " bytes");
        }
    }

    private static Set<String> fields() {
        Set<String> s = new java.util.HashSet<>(Set.of("id", "timestamp", "amount", "currency", "channel", "purpose",
                "sender", "beneficiary", "label", "label.osec", "label.scenario"));
        for (String role : List.of("sender", "beneficiary")) {
            for (String f : List.of("id", "type", "name", "country", "account", "phone", "wallet", "email", "address",
                    "pickupLocation", "device", "ip")) {
                s.add(role + "." + f);
            }
        }
        return Set.copyOf(s);
    }
}
