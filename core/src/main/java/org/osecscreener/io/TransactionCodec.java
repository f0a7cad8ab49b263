package org.osecscreener.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.concurrent.ConcurrentHashMap;

import org.osecscreener.model.Channel;
import org.osecscreener.model.Countries;
import org.osecscreener.model.Label;
import org.osecscreener.model.Limits;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
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
            return new ParseOutcome.Parsed(lineNumber, readTransaction(p));
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

    private static final int F_ID = 1;
    private static final int F_TIMESTAMP = 1 << 1;
    private static final int F_AMOUNT = 1 << 2;
    private static final int F_CURRENCY = 1 << 3;
    private static final int F_CHANNEL = 1 << 4;
    private static final int F_PURPOSE = 1 << 5;
    private static final int F_SENDER = 1 << 6;
    private static final int F_BENEFICIARY = 1 << 7;
    private static final int F_LABEL = 1 << 8;

    private Transaction readTransaction(JsonParser p) throws IOException, Bad {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new Bad(null, "a line must hold one JSON object, found " + describe(p.currentToken()));
        }
        int seen = 0;
        String id = null;
        String timestampText = null;
        String amountText = null;
        String currencyCode = null;
        Channel channel = null;
        String purpose = null;
        Party sender = null;
        Party beneficiary = null;
        Label label = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            int bit;
            switch (name) {
                case "id" -> { bit = F_ID; id = string(p, "id", Limits.ID); }
                case "timestamp" -> { bit = F_TIMESTAMP; timestampText = string(p, "timestamp", Limits.TIMESTAMP_TEXT); }
                case "amount" -> { bit = F_AMOUNT; amountText = amountText(p); }
                case "currency" -> { bit = F_CURRENCY; currencyCode = string(p, "currency", 3); }
                case "channel" -> { bit = F_CHANNEL; channel = channel(p); }
                case "purpose" -> { bit = F_PURPOSE; purpose = string(p, "purpose", Limits.PURPOSE); }
                case "sender" -> { bit = F_SENDER; sender = party(p, "sender"); }
                case "beneficiary" -> { bit = F_BENEFICIARY; beneficiary = party(p, "beneficiary"); }
                case "label" -> { bit = F_LABEL; label = label(p); }
                default -> {
                    bit = 0;
                    p.nextToken();
                    p.skipChildren();
                }
            }
            if ((seen & bit) != 0) {
                throw new Bad(name, "duplicate key '" + name + "': each field may appear once");
            }
            seen |= bit;
        }
        if (p.nextToken() != null) {
            throw new Bad(null, "unexpected content after the JSON object: a line holds exactly one object");
        }
        require(id, "id");
        if (id.isBlank()) {
            throw new Bad("id", "'id' must not be blank");
        }
        require(timestampText, "timestamp");
        require(amountText, "amount");
        require(currencyCode, "currency");
        require(sender, "sender");
        require(beneficiary, "beneficiary");
        Currency currency = currencyOrBad(currencyCode);
        Money amount = amount(amountText, currency);
        OffsetDateTime timestamp = defaultZone == null ? timestamp(timestampText) : timestamp(timestampText, defaultZone);
        return new Transaction(id, timestamp, amount, channel, purpose, sender, beneficiary, label);
    }

    private static final int P_ID = 1;
    private static final int P_TYPE = 1 << 1;
    private static final int P_NAME = 1 << 2;
    private static final int P_COUNTRY = 1 << 3;
    private static final int P_ACCOUNT = 1 << 4;
    private static final int P_PHONE = 1 << 5;
    private static final int P_WALLET = 1 << 6;
    private static final int P_EMAIL = 1 << 7;
    private static final int P_ADDRESS = 1 << 8;
    private static final int P_PICKUP = 1 << 9;
    private static final int P_DEVICE = 1 << 10;
    private static final int P_IP = 1 << 11;

    private Party party(JsonParser p, String role) throws IOException, Bad {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            throw new Bad(role, "required field '" + role + "' is null; expected an object with at least id and country");
        }
        if (t != JsonToken.START_OBJECT) {
            throw new Bad(role, "expected an object, found " + describe(t));
        }
        int seen = 0;
        String id = null;
        PartyType type = null;
        String name = null;
        String country = null;
        String account = null;
        String phone = null;
        String wallet = null;
        String email = null;
        String address = null;
        String pickup = null;
        String device = null;
        String ip = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            int bit;
            switch (field) {
                case "id" -> { bit = P_ID; id = string(p, role, "id", Limits.ID); }
                case "type" -> { bit = P_TYPE; type = partyType(p, role); }
                case "name" -> { bit = P_NAME; name = string(p, role, "name", Limits.NAME); }
                case "country" -> { bit = P_COUNTRY; country = string(p, role, "country", 2); }
                case "account" -> { bit = P_ACCOUNT; account = string(p, role, "account", Limits.ACCOUNT); }
                case "phone" -> { bit = P_PHONE; phone = string(p, role, "phone", Limits.PHONE); }
                case "wallet" -> { bit = P_WALLET; wallet = string(p, role, "wallet", Limits.WALLET); }
                case "email" -> { bit = P_EMAIL; email = string(p, role, "email", Limits.EMAIL); }
                case "address" -> { bit = P_ADDRESS; address = string(p, role, "address", Limits.ADDRESS); }
                case "pickupLocation" -> { bit = P_PICKUP; pickup = string(p, role, "pickupLocation", Limits.PICKUP_LOCATION); }
                case "device" -> { bit = P_DEVICE; device = string(p, role, "device", Limits.DEVICE); }
                case "ip" -> { bit = P_IP; ip = string(p, role, "ip", Limits.IP); }
                default -> {
                    bit = 0;
                    p.nextToken();
                    p.skipChildren();
                }
            }
            if ((seen & bit) != 0) {
                throw new Bad(role + "." + field, "duplicate key '" + field + "' in " + role + ": each field may appear once");
            }
            seen |= bit;
        }
        if (id == null) {
            throw new Bad(role + ".id", "required field '" + role + ".id' is missing");
        }
        if (id.isBlank()) {
            throw new Bad(role + ".id", "'" + role + ".id' must not be blank");
        }
        if (country == null) {
            throw new Bad(role + ".country", "required field '" + role + ".country' is missing");
        }
        if (!Countries.isValid(country)) {
            throw new Bad(role + ".country", "'" + country + "' is not an ISO 3166-1 alpha-2 country code"
                    + " (two upper-case letters, such as PH or AU)");
        }
        return new Party(id, type, name, country, account, phone, wallet, email, address, pickup, device, ip);
    }

    private Label label(JsonParser p) throws IOException, Bad {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw new Bad("label", "expected an object {\"osec\":true|false,\"scenario\":\"...\"} or null, found " + describe(t));
        }
        Boolean osec = null;
        String scenario = null;
        int seen = 0;
        String field;
        while ((field = p.nextFieldName()) != null) {
            int bit;
            switch (field) {
                case "osec" -> {
                    bit = 1;
                    JsonToken v = p.nextToken();
                    if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                        throw new Bad("label.osec", "expected true or false, found " + describe(v));
                    }
                    osec = v == JsonToken.VALUE_TRUE;
                }
                case "scenario" -> { bit = 2; scenario = string(p, "label", "scenario", Limits.SCENARIO); }
                default -> {
                    bit = 0;
                    p.nextToken();
                    p.skipChildren();
                }
            }
            if ((seen & bit) != 0) {
                throw new Bad("label." + field, "duplicate key '" + field + "' in label: each field may appear once");
            }
            seen |= bit;
        }
        if (osec == null) {
            throw new Bad("label.osec", "required field 'label.osec' is missing (true or false)");
        }
        return new Label(osec, scenario);
    }

    private static String string(JsonParser p, String field, int max) throws IOException, Bad {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (s.length() > max) {
                throw new Bad(field, "is " + s.length() + " characters long; at most " + max + " are accepted");
            }
            return s;
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new Bad(field, "expected a string, found " + describe(t));
    }

    private static String string(JsonParser p, String role, String field, int max) throws IOException, Bad {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (s.length() > max) {
                throw new Bad(role + "." + field, "is " + s.length() + " characters long; at most " + max + " are accepted");
            }
            return s;
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new Bad(role + "." + field, "expected a string, found " + describe(t));
    }

    private static String amountText(JsonParser p) throws IOException, Bad {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            String s = p.getText();
            if (s.length() > Limits.AMOUNT_TEXT) {
                throw new Bad("amount", "is " + s.length() + " characters long; at most " + Limits.AMOUNT_TEXT + " are accepted");
            }
            return s;
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new Bad("amount", "expected a decimal string such as \"45.00\" or a JSON number, found " + describe(t));
    }

    private static Channel channel(JsonParser p) throws IOException, Bad {
        String s = string(p, "channel", 32);
        if (s == null) {
            return null;
        }
        Channel c = channelNamed(s);
        if (c == null) {
            throw new Bad("channel", "'" + s + "' is not a channel; accepted: "
                    + "ONLINE, AGENT, MOBILE_WALLET, BANK, CARD, CRYPTO, OTHER");
        }
        return c;
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

    private static PartyType partyType(JsonParser p, String role) throws IOException, Bad {
        String s = string(p, role, "type", 32);
        if (s == null) {
            return null;
        }
        PartyType t = partyTypeNamed(s);
        if (t == null) {
            throw new Bad(role + ".type", "'" + s + "' is not a party type; accepted: PERSON, BUSINESS, ORGANIZATION");
        }
        return t;
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

    private static void require(Object value, String field) throws Bad {
        if (value == null) {
            throw new Bad(field, "required field '" + field + "' is missing or null");
        }
    }

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

    /** Powers of ten up to the largest minor-unit exponent a currency may have (also read by {@link FastLineParser}). */
    static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L};

    /** Plain decimals take a fast path; exponent forms go through BigDecimal. */
    static Money amount(String text, Currency currency) throws Bad {
        int exp = currency.getDefaultFractionDigits();
        int n = text.length();
        long whole = 0;
        int i = 0;
        if (n == 0) {
            throw new Bad("amount", "is empty; expected a decimal such as \"45.00\"");
        }
        if (text.charAt(0) == '-') {
            throw new Bad("amount", "must be more than zero, was " + text);
        }
        int digitsBefore = 0;
        while (i < n && isDigit(text.charAt(i))) {
            whole = whole * 10 + (text.charAt(i) - '0');
            i++;
            if (++digitsBefore > 13) {
                throw new Bad("amount", text + " exceeds the largest accepted amount, " + Limits.MAX_MAJOR_UNITS);
            }
        }
        long frac = 0;
        int fracDigits = 0;
        boolean plain = digitsBefore > 0;
        if (plain && i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                if (fracDigits >= exp) {
                    throw new Bad("amount", text + " has more than " + exp + " fraction digits, the most "
                            + currency.getCurrencyCode() + " allows");
                }
                frac = frac * 10 + (text.charAt(i) - '0');
                fracDigits++;
                i++;
            }
            if (fracDigits == 0) {
                plain = false;
            }
        }
        if (!plain || i != n) {
            return amountSlow(text, currency);
        }
        if (whole > Limits.MAX_MAJOR_UNITS) {
            throw new Bad("amount", text + " exceeds the largest accepted amount, " + Limits.MAX_MAJOR_UNITS);
        }
        long minor = whole * POW10[exp] + frac * POW10[exp - fracDigits];
        if (minor <= 0) {
            throw new Bad("amount", "must be more than zero, was " + text);
        }
        return new Money(minor, currency);
    }

    private static Money amountSlow(String text, Currency currency) throws Bad {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new Bad("amount", "'" + text + "' is not a decimal number; expected for example \"45.00\"");
        }
        if (value.signum() <= 0) {
            throw new Bad("amount", "must be more than zero, was " + text);
        }
        try {
            return Money.of(value, currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new Bad("amount", e.getMessage());
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)} takes a fast path; anything else goes to
     * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}. A timestamp without an offset is rejected.
     */
    static OffsetDateTime timestamp(String s) throws Bad {
        int n = s.length();
        try {
            if (n >= 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && (s.charAt(10) == 'T' || s.charAt(10) == 't')
                    && s.charAt(13) == ':' && s.charAt(16) == ':') {
                int year = digits(s, 0, 4);
                int month = digits(s, 5, 2);
                int day = digits(s, 8, 2);
                int hour = digits(s, 11, 2);
                int minute = digits(s, 14, 2);
                int second = digits(s, 17, 2);
                int i = 19;
                int nano = 0;
                if (i < n && s.charAt(i) == '.') {
                    i++;
                    int start = i;
                    while (i < n && isDigit(s.charAt(i))) {
                        i++;
                    }
                    int len = i - start;
                    if (len == 0 || len > 9) {
                        return timestampSlow(s);
                    }
                    nano = digits(s, start, len);
                    for (int k = len; k < 9; k++) {
                        nano *= 10;
                    }
                }
                ZoneOffset offset;
                if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
                    offset = ZoneOffset.UTC;
                } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
                    int oh = digits(s, i + 1, 2);
                    int om = digits(s, i + 4, 2);
                    if (oh < 0 || om < 0) {
                        return timestampSlow(s);
                    }
                    int total = oh * 3600 + om * 60;
                    offset = offset(s.charAt(i) == '-' ? -total : total);
                } else {
                    return timestampSlow(s);
                }
                if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
                    return timestampSlow(s);
                }
                return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
            }
            return timestampSlow(s);
        } catch (DateTimeException e) {
            throw new Bad("timestamp", "'" + s + "' is not a valid date and time: " + e.getMessage());
        }
    }

    /** As {@link #timestamp(String)}, reading a date-time without an offset in {@code zone}. */
    static OffsetDateTime timestamp(String s, java.time.ZoneId zone) throws Bad {
        try {
            return timestamp(s);
        } catch (Bad noOffset) {
            java.time.LocalDateTime local;
            try {
                local = java.time.LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            } catch (DateTimeParseException e) {
                throw noOffset;
            }
            try {
                return LocalTimes.inZone(local, zone);
            } catch (DateTimeException e) {
                throw new Bad("timestamp", "'" + s + "' has no offset and " + e.getMessage());
            }
        }
    }

    /** Offsets on a quarter hour from -18:00 to +18:00, the ones real zones use: no lookup in ZoneOffset's shared map. */
    private static final ZoneOffset[] QUARTER_HOURS = new ZoneOffset[145];

    static {
        for (int q = 0; q < QUARTER_HOURS.length; q++) {
            QUARTER_HOURS[q] = ZoneOffset.ofTotalSeconds((q - 72) * 900);
        }
    }

    /** {@link ZoneOffset#ofTotalSeconds}, from a table for quarter hours. */
    private static ZoneOffset offset(int totalSeconds) {
        if (totalSeconds % 900 == 0 && totalSeconds >= -64_800 && totalSeconds <= 64_800) {
            return QUARTER_HOURS[totalSeconds / 900 + 72];
        }
        return ZoneOffset.ofTotalSeconds(totalSeconds);
    }

    private static OffsetDateTime timestampSlow(String s) throws Bad {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            try {
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.parse(s);
                throw new Bad("timestamp", "'" + s + "' has no offset; write it as ISO-8601 with an offset or Z,"
                        + " for example 2026-03-01T22:15:00+10:00, or name the zone of such times with --default-zone"
                        + " (docs/time-and-order.md)");
            } catch (DateTimeParseException ignored) {
                throw new Bad("timestamp", "'" + s + "' is not an ISO-8601 date-time with an offset,"
                        + " for example 2026-03-01T22:15:00+10:00 or 2026-03-01T12:15:00Z");
            }
        }
    }

    /** Decimal digits at {@code s[from, from+len)}, or -1 if any is not a digit. */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from, end = from + len; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
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
        g.writeStartObject();
        g.writeStringField("id", tx.id());
        g.writeFieldName("timestamp");
        writeTimestamp(tx.timestamp(), g);
        g.writeStringField("amount", tx.amount().toPlainString());
        g.writeStringField("currency", tx.amount().currency().getCurrencyCode());
        if (tx.channel() != null) {
            g.writeStringField("channel", tx.channel().name());
        }
        optional(g, "purpose", tx.purpose());
        g.writeFieldName("sender");
        writeParty(tx.sender(), g);
        g.writeFieldName("beneficiary");
        writeParty(tx.beneficiary(), g);
        if (tx.label() != null) {
            g.writeObjectFieldStart("label");
            g.writeBooleanField("osec", tx.label().osec());
            optional(g, "scenario", tx.label().scenario());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeRaw('\n');
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

    private static void writeParty(Party party, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", party.id());
        g.writeStringField("type", party.type().name());
        optional(g, "name", party.name());
        g.writeStringField("country", party.country());
        optional(g, "account", party.account());
        optional(g, "phone", party.phone());
        optional(g, "wallet", party.wallet());
        optional(g, "email", party.email());
        optional(g, "address", party.address());
        optional(g, "pickupLocation", party.pickupLocation());
        optional(g, "device", party.device());
        optional(g, "ip", party.ip());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    /**
     * Formats a timestamp as the format writes it: ISO-8601 with seconds always, the fraction only
     * when non-zero, and the offset ({@code Z} for UTC).
     */
    public static String formatTimestamp(OffsetDateTime t) {
        char[] buf = new char[40];
        int n = formatTimestamp(t, buf);
        return n < 0 ? t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) : new String(buf, 0, n);
    }

    static void writeTimestamp(OffsetDateTime t, JsonGenerator g) throws IOException {
        char[] buf = new char[40];
        int n = formatTimestamp(t, buf);
        if (n < 0) {
            g.writeString(t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } else {
            g.writeString(buf, 0, n);
        }
    }

    /** Writes into {@code buf}; returns the length, or -1 for years outside 0000–9999. */
    static int formatTimestamp(OffsetDateTime t, char[] buf) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return -1;
        }
        int i = 0;
        i = put(buf, i, year, 4);
        buf[i++] = '-';
        i = put(buf, i, t.getMonthValue(), 2);
        buf[i++] = '-';
        i = put(buf, i, t.getDayOfMonth(), 2);
        buf[i++] = 'T';
        i = put(buf, i, t.getHour(), 2);
        buf[i++] = ':';
        i = put(buf, i, t.getMinute(), 2);
        buf[i++] = ':';
        i = put(buf, i, t.getSecond(), 2);
        int nano = t.getNano();
        if (nano != 0) {
            buf[i++] = '.';
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            i = put(buf, i, nano, digits);
        }
        int off = t.getOffset().getTotalSeconds();
        if (off == 0) {
            buf[i++] = 'Z';
        } else {
            buf[i++] = off < 0 ? '-' : '+';
            off = Math.abs(off);
            i = put(buf, i, off / 3600, 2);
            buf[i++] = ':';
            i = put(buf, i, (off / 60) % 60, 2);
            if (off % 60 != 0) {
                buf[i++] = ':';
                i = put(buf, i, off % 60, 2);
            }
        }
        return i;
    }

    private static int put(char[] buf, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            buf[k] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
