package org.osecscreener.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.concurrent.ConcurrentHashMap;

import org.osecscreener.model.Channel;
import org.osecscreener.model.Limits;
import org.osecscreener.model.Money;
import org.osecscreener.model.PartyType;
import org.osecscreener.model.Transaction;

/**
 * Reads and writes one transaction per JSON line, on Jackson's streaming API.
 *
 * <p>The format is the public contract of {@code docs/transaction-format.md}. Parsing never
 * throws on bad input: every line becomes a {@link ParseOutcome}, and a bad line becomes a
 * {@link Rejection} naming the field and the reason. Unknown fields are ignored (forward
 * compatibility); duplicate keys, wrong types, bad codes, over-precise or non-positive amounts,
 * timestamps without an offset (unless a {@linkplain #withDefaultZone default zone} is set) and
 * over-long strings are rejected.
 *
 * <p>Instances are immutable and thread-safe; one per application is enough ({@link #standard()},
 * or one {@link #withDefaultZone} per zone).
 *
 * <p>This class is the entry point and holds what the two parsers share (the line checks, the
 * currency cache, the rejection wording); the byte-level fast path is {@link FastLineParser}, the
 * Jackson path {@link TransactionJsonReader}, writing {@link TransactionJsonWriter}, and the
 * format's amounts and timestamps {@link AmountText} and {@link Timestamps}.
 */
public final class TransactionCodec {
    private static final TransactionCodec STANDARD = new TransactionCodec(null);

    private final JsonFactory factory;
    private final ConcurrentHashMap<String, Currency> currencies = new ConcurrentHashMap<>();
    private final java.time.ZoneId defaultZone;

    private TransactionCodec(java.time.ZoneId defaultZone) {
        this.defaultZone = defaultZone;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(16)
                        .maxStringLength(Limits.LINE_BYTES)
                        .maxNumberLength(Limits.AMOUNT_TEXT)
                        .build())
                .build();
    }

    /** The shared codec: a timestamp without an offset is rejected. */
    public static TransactionCodec standard() {
        return STANDARD;
    }

    /**
     * A codec that reads a timestamp without an offset ({@code 2026-03-01T22:15:00}) as a local
     * time in {@code zone} (docs/time-and-order.md); a local time the zone skips or repeats (a
     * daylight-saving change) is still rejected. Writing is unchanged: timestamps are written with
     * their offset.
     *
     * @param zone the zone of local times, or {@code null} to reject them ({@link #standard()})
     */
    public static TransactionCodec withDefaultZone(java.time.ZoneId zone) {
        return zone == null ? STANDARD : new TransactionCodec(zone);
    }

    /** The zone timestamps without an offset are read in, or {@code null} when they are rejected. */
    public java.time.ZoneId defaultZone() {
        return defaultZone;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Parses one line given as a string.
     *
     * @param line       the line without its terminator
     * @param lineNumber its 1-based number, reported in a rejection
     * @return the outcome, never {@code null}
     */
    public ParseOutcome parse(String line, long lineNumber) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length, lineNumber);
    }

    /**
     * Parses one line of UTF-8 bytes.
     *
     * @param buf        the buffer
     * @param off        where the line starts
     * @param len        its length in bytes, without the line terminator
     * @param lineNumber its 1-based number, reported in a rejection
     * @return the outcome, never {@code null}
     */
    public ParseOutcome parse(byte[] buf, int off, int len, long lineNumber) {
        if (isBlank(buf, off, len)) {
            return new ParseOutcome.Skipped(lineNumber);
        }
        if (len > Limits.LINE_BYTES) {
            return reject(buf, off, len, lineNumber, null,
                    "line is " + len + " bytes long; at most " + Limits.LINE_BYTES + " bytes are accepted");
        }
        Transaction fast = FastLineParser.parse(this, buf, off, len);
        if (fast != null) {
            return new ParseOutcome.Parsed(lineNumber, fast);
        }
        return parseWithJackson(buf, off, len, lineNumber);
    }

    /** The Jackson path alone: every rejection is worded here. Package-private for the equivalence test. */
    ParseOutcome parseWithJackson(byte[] buf, int off, int len, long lineNumber) {
        try (JsonParser p = factory.createParser(buf, off, len)) {
            return new ParseOutcome.Parsed(lineNumber, TransactionJsonReader.readTransaction(p, this));
        } catch (Bad bad) {
            return reject(buf, off, len, lineNumber, bad.field, bad.getMessage());
        } catch (JsonProcessingException e) {
            return reject(buf, off, len, lineNumber, null, "malformed JSON: " + shortMessage(e));
        } catch (IOException e) {
            // Parsing from a byte array does no I/O: any IOException is a format problem.
            return reject(buf, off, len, lineNumber, null, "malformed JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            // Safety net: a model constructor refused a value the checks above let through.
            // The reader must never throw on a bad record.
            return reject(buf, off, len, lineNumber, null, "invalid record: " + e.getMessage());
        }
    }

    private static ParseOutcome reject(byte[] buf, int off, int len, long lineNumber, String field, String reason) {
        int keep = Math.min(len, Rejection.MAX_RAW_CHARS * 4);
        String raw = new String(buf, off, keep, StandardCharsets.UTF_8);
        if (keep < len && raw.length() <= Rejection.MAX_RAW_CHARS) {
            raw = raw + "…";
        }
        return new ParseOutcome.Rejected(new Rejection(lineNumber, raw, field, reason));
    }

    private static boolean isBlank(byte[] buf, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String shortMessage(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        if (e.getLocation() != null && e.getLocation().getColumnNr() > 0) {
            msg = msg + " (at byte " + e.getLocation().getColumnNr() + ")";
        }
        return msg;
    }

    /** A validation failure; carries no stack trace, it is control flow for bad records. */
    static final class Bad extends Exception {
        final String field;

        Bad(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    /** The channel written {@code s} in the format, or {@code null} if none is (shared with the fast path). */
    static Channel channelNamed(String s) {
        return switch (s) {
            case "ONLINE" -> Channel.ONLINE;
            case "AGENT" -> Channel.AGENT;
            case "MOBILE_WALLET" -> Channel.MOBILE_WALLET;
            case "BANK" -> Channel.BANK;
            case "CARD" -> Channel.CARD;
            case "CRYPTO" -> Channel.CRYPTO;
            case "OTHER" -> Channel.OTHER;
            default -> null;
        };
    }

    /** The party type written {@code s} in the format, or {@code null} if none is (shared with the fast path). */
    static PartyType partyTypeNamed(String s) {
        return switch (s) {
            case "PERSON" -> PartyType.PERSON;
            case "BUSINESS" -> PartyType.BUSINESS;
            case "ORGANIZATION" -> PartyType.ORGANIZATION;
            default -> null;
        };
    }

    /** The currency {@code code} names, from this codec's cache (shared with the fast path). */
    Currency currencyOrBad(String code) throws Bad {
        Currency c = currencies.get(code);
        if (c != null) {
            return c;
        }
        if (code.length() != 3 || !isUpper(code)) {
            throw new Bad("currency", "'" + code + "' is not an ISO 4217 currency code (three upper-case letters, such as USD)");
        }
        try {
            c = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new Bad("currency", "'" + code + "' is not an ISO 4217 currency code");
        }
        if (c.getDefaultFractionDigits() < 0) {
            throw new Bad("currency", "'" + code + "' has no minor unit (a metal or testing code) and cannot carry a payment");
        }
        currencies.putIfAbsent(code, c);
        return c;
    }

    private static boolean isUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 'A' || ch > 'Z') {
                return false;
            }
        }
        return true;
    }

    // ---- shared with FastLineParser and the readers (the code is in AmountText and Timestamps)

    /** Powers of ten up to the largest minor-unit exponent a currency may have (also read by {@link FastLineParser}). */
    static final long[] POW10 = AmountText.POW10;

    /** {@link AmountText#amount}: the amount written {@code text} in {@code currency}. */
    static Money amount(String text, Currency currency) throws Bad {
        return AmountText.amount(text, currency);
    }

    /** {@link Timestamps#timestamp(String)}: a timestamp with an offset. */
    static OffsetDateTime timestamp(String s) throws Bad {
        return Timestamps.timestamp(s);
    }

    /** {@link Timestamps#timestamp(String, java.time.ZoneId)}: a timestamp, without an offset read in {@code zone}. */
    static OffsetDateTime timestamp(String s, java.time.ZoneId zone) throws Bad {
        return Timestamps.timestamp(s, zone);
    }

    // ------------------------------------------------------------------ writing

    /**
     * Opens a generator over {@code out} for {@link #write(Transaction, JsonGenerator)}.
     * The caller closes it (which flushes; it does not close {@code out}).
     */
    public JsonGenerator newGenerator(OutputStream out) {
        try {
            JsonGenerator g = factory.createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null); // lines are separated by '\n' alone, no space before the next object
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one transaction as one JSON object followed by {@code '\n'}. Absent optional fields
     * are omitted; the amount is written as a decimal string with the currency's exponent.
     *
     * @throws IOException if the generator's target fails
     */
    public void write(Transaction tx, JsonGenerator g) throws IOException {
        TransactionJsonWriter.write(tx, g);
    }

    /** One transaction as a JSON line, without the trailing newline. */
    public String toJson(Transaction tx) {
        try (ByteArrayBuilder bb = new ByteArrayBuilder(1024)) {
            try (JsonGenerator g = factory.createGenerator(bb)) {
                write(tx, g);
            }
            byte[] bytes = bb.toByteArray();
            return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
    }

    /**
     * Formats a timestamp as the format writes it: ISO-8601 with seconds always, the fraction only
     * when non-zero, and the offset ({@code Z} for UTC).
     */
    public static String formatTimestamp(OffsetDateTime t) {
        return Timestamps.formatTimestamp(t);
    }
}
