package org.osecscreener.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Currency;

import org.osecscreener.model.Channel;
import org.osecscreener.model.Label;
import org.osecscreener.model.Limits;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.model.Transaction;

/**
 * The fast path of {@link TransactionCodec#parse(byte[], int, int, long)}: a byte-level scanner
 * for the common shape of a line, which either returns exactly the {@link Transaction} that the
 * Jackson path returns for the same bytes, or {@code null} to say "not sure, ask Jackson".
 *
 * <p>It accepts only what it fully understands: the documented fields and no others, string
 * values without escapes (ASCII, or strictly well-formed UTF-8 such as {@code Peña}),
 * {@code null} for optional fields, plain decimal amounts, a label object, and whitespace between
 * tokens. Anything else (an escape, a malformed UTF-8 sequence, an unknown or duplicate field, a value over its limit, a bad code or date, malformed
 * JSON) returns {@code null}, so every rejection, with its message, still comes from the
 * Jackson path. Why hand-written: the codec must parse a million typical lines per second on
 * one thread, and Jackson's tokenizer alone measured about 0.8 million such lines per second
 * here. {@code FastLineParserTest} checks the equivalence on mutated and random lines.
 *
 * <p>Stateless and thread-safe.
 */
final class FastLineParser {
    private static final byte[] K_ID = ascii("id");
    private static final byte[] K_TIMESTAMP = ascii("timestamp");
    private static final byte[] K_AMOUNT = ascii("amount");
    private static final byte[] K_CURRENCY = ascii("currency");
    private static final byte[] K_CHANNEL = ascii("channel");
    private static final byte[] K_PURPOSE = ascii("purpose");
    private static final byte[] K_SENDER = ascii("sender");
    private static final byte[] K_BENEFICIARY = ascii("beneficiary");
    private static final byte[] K_LABEL = ascii("label");
    private static final byte[] K_TYPE = ascii("type");
    private static final byte[] K_NAME = ascii("name");
    private static final byte[] K_COUNTRY = ascii("country");
    private static final byte[] K_ACCOUNT = ascii("account");
    private static final byte[] K_PHONE = ascii("phone");
    private static final byte[] K_WALLET = ascii("wallet");
    private static final byte[] K_EMAIL = ascii("email");
    private static final byte[] K_ADDRESS = ascii("address");
    private static final byte[] K_PICKUP = ascii("pickupLocation");
    private static final byte[] K_DEVICE = ascii("device");
    private static final byte[] K_IP = ascii("ip");
    private static final byte[] K_OSEC = ascii("osec");
    private static final byte[] K_SCENARIO = ascii("scenario");

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Country codes as shared strings: {@code COUNTRIES[(a - 'A') * 26 + (b - 'A')]}. */
    private static final String[] COUNTRIES = new String[26 * 26];

    static {
        for (int a = 0; a < 26; a++) {
            for (int b = 0; b < 26; b++) {
                COUNTRIES[a * 26 + b] = new String(new char[] {(char) ('A' + a), (char) ('A' + b)});
            }
        }
    }

    private final TransactionCodec codec;
    private final byte[] buf;
    private final int end;
    private int pos;
    /** Start and length of the last string scanned by {@link #rawString}. */
    private int strStart;
    private int strLen;
    /** Whether the last string scanned was all ASCII. */
    private boolean strAscii;

    private FastLineParser(TransactionCodec codec, byte[] buf, int off, int len) {
        this.codec = codec;
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    /**
     * The transaction in {@code buf[off, off+len)}, or {@code null} when the line is not in the
     * shape this scanner handles or is invalid.
     */
    static Transaction parse(TransactionCodec codec, byte[] buf, int off, int len) {
        try {
            return new FastLineParser(codec, buf, off, len).transaction();
        } catch (RuntimeException e) {
            // A model constructor refused a value: let the Jackson path word the rejection.
            return null;
        }
    }

    private static final class Bail extends Exception {
        static final Bail INSTANCE = new Bail();

        private Bail() {
            super(null, null, false, false);
        }
    }

    private Transaction transaction() {
        try {
            return readTransaction();
        } catch (Bail b) {
            return null;
        }
    }

    private Transaction readTransaction() throws Bail {
        expect('{');
        String id = null;
        String timestamp = null;
        String amount = null;
        String currency = null;
        String channel = null;
        String purpose = null;
        Party sender = null;
        Party beneficiary = null;
        Label label = null;
        int seen = 0;
        if (!peekIs('}')) {
            do {
                int klen = key();
                int ks = strStart;
                int bit;
                if (is(ks, klen, K_ID)) {
                    bit = 1;
                    id = string(Limits.ID);
                } else if (is(ks, klen, K_TIMESTAMP)) {
                    bit = 1 << 1;
                    timestamp = string(Limits.TIMESTAMP_TEXT);
                } else if (is(ks, klen, K_AMOUNT)) {
                    bit = 1 << 2;
                    amount = amount();
                } else if (is(ks, klen, K_CURRENCY)) {
                    bit = 1 << 3;
                    currency = string(3);
                } else if (is(ks, klen, K_CHANNEL)) {
                    bit = 1 << 4;
                    channel = string(32);
                } else if (is(ks, klen, K_PURPOSE)) {
                    bit = 1 << 5;
                    purpose = string(Limits.PURPOSE);
                } else if (is(ks, klen, K_SENDER)) {
                    bit = 1 << 6;
                    sender = party();
                } else if (is(ks, klen, K_BENEFICIARY)) {
                    bit = 1 << 7;
                    beneficiary = party();
                } else if (is(ks, klen, K_LABEL)) {
                    bit = 1 << 8;
                    label = label();
                } else {
                    throw Bail.INSTANCE;
                }
                if ((seen & bit) != 0) {
                    throw Bail.INSTANCE;
                }
                seen |= bit;
            } while (comma());
        }
        expect('}');
        skipWhitespace();
        if (pos != end) {
            throw Bail.INSTANCE;
        }
        if (id == null || id.isBlank() || timestamp == null || amount == null || currency == null
                || sender == null || beneficiary == null) {
            throw Bail.INSTANCE;
        }
        try {
            Currency c = codec.currencyOrBad(currency);
            Money money = TransactionCodec.amount(amount, c);
            OffsetDateTime at = TransactionCodec.timestamp(timestamp);
            return new Transaction(id, at, money, channel(channel), purpose, sender, beneficiary, label);
        } catch (Exception bad) {
            throw Bail.INSTANCE;
        }
    }

    private Party party() throws Bail {
        skipWhitespace();
        expect('{');
        String id = null;
        String type = null;
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
        int seen = 0;
        if (!peekIs('}')) {
            do {
                int klen = key();
                int ks = strStart;
                int bit;
                if (is(ks, klen, K_ID)) {
                    bit = 1;
                    id = string(Limits.ID);
                } else if (is(ks, klen, K_TYPE)) {
                    bit = 1 << 1;
                    type = string(32);
                } else if (is(ks, klen, K_NAME)) {
                    bit = 1 << 2;
                    name = string(Limits.NAME);
                } else if (is(ks, klen, K_COUNTRY)) {
                    bit = 1 << 3;
                    country = country();
                } else if (is(ks, klen, K_ACCOUNT)) {
                    bit = 1 << 4;
                    account = string(Limits.ACCOUNT);
                } else if (is(ks, klen, K_PHONE)) {
                    bit = 1 << 5;
                    phone = string(Limits.PHONE);
                } else if (is(ks, klen, K_WALLET)) {
                    bit = 1 << 6;
                    wallet = string(Limits.WALLET);
                } else if (is(ks, klen, K_EMAIL)) {
                    bit = 1 << 7;
                    email = string(Limits.EMAIL);
                } else if (is(ks, klen, K_ADDRESS)) {
                    bit = 1 << 8;
                    address = string(Limits.ADDRESS);
                } else if (is(ks, klen, K_PICKUP)) {
                    bit = 1 << 9;
                    pickup = string(Limits.PICKUP_LOCATION);
                } else if (is(ks, klen, K_DEVICE)) {
                    bit = 1 << 10;
                    device = string(Limits.DEVICE);
                } else if (is(ks, klen, K_IP)) {
                    bit = 1 << 11;
                    ip = string(Limits.IP);
                } else {
                    throw Bail.INSTANCE;
                }
                if ((seen & bit) != 0) {
                    throw Bail.INSTANCE;
                }
                seen |= bit;
            } while (comma());
        }
        expect('}');
        if (id == null || id.isBlank() || country == null) {
            throw Bail.INSTANCE;
        }
        return new Party(id, partyType(type), name, country, account, phone, wallet, email, address, pickup, device, ip);
    }

    private Label label() throws Bail {
        skipWhitespace();
        if (literal("null")) {
            return null;
        }
        expect('{');
        Boolean osec = null;
        String scenario = null;
        int seen = 0;
        if (!peekIs('}')) {
            do {
                int klen = key();
                int ks = strStart;
                int bit;
                if (is(ks, klen, K_OSEC)) {
                    bit = 1;
                    skipWhitespace();
                    if (literal("true")) {
                        osec = Boolean.TRUE;
                    } else if (literal("false")) {
                        osec = Boolean.FALSE;
                    } else {
                        throw Bail.INSTANCE;
                    }
                } else if (is(ks, klen, K_SCENARIO)) {
                    bit = 2;
                    scenario = string(Limits.SCENARIO);
                } else {
                    throw Bail.INSTANCE;
                }
                if ((seen & bit) != 0) {
                    throw Bail.INSTANCE;
                }
                seen |= bit;
            } while (comma());
        }
        expect('}');
        if (osec == null) {
            throw Bail.INSTANCE;
        }
        return new Label(osec, scenario);
    }

    private static Channel channel(String s) throws Bail {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "ONLINE" -> Channel.ONLINE;
            case "AGENT" -> Channel.AGENT;
            case "MOBILE_WALLET" -> Channel.MOBILE_WALLET;
            case "BANK" -> Channel.BANK;
            case "CARD" -> Channel.CARD;
            case "CRYPTO" -> Channel.CRYPTO;
            case "OTHER" -> Channel.OTHER;
            default -> throw Bail.INSTANCE;
        };
    }

    private static PartyType partyType(String s) throws Bail {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "PERSON" -> PartyType.PERSON;
            case "BUSINESS" -> PartyType.BUSINESS;
            case "ORGANIZATION" -> PartyType.ORGANIZATION;
            default -> throw Bail.INSTANCE;
        };
    }

    // ------------------------------------------------------------------ tokens

    /** Reads {@code "name"} and the colon after it; returns the name's length (start in {@link #strStart}). */
    private int key() throws Bail {
        skipWhitespace();
        rawString();
        skipWhitespace();
        expect(':');
        return strLen;
    }

    /** After a value: {@code true} on a comma (another member follows), {@code false} before the closing brace. */
    private boolean comma() throws Bail {
        skipWhitespace();
        if (pos < end && buf[pos] == ',') {
            pos++;
            return true;
        }
        return false;
    }

    /** A string value of at most {@code max} characters, or {@code null} for a JSON null. */
    private String string(int max) throws Bail {
        skipWhitespace();
        if (pos < end && buf[pos] == 'n') {
            if (literal("null")) {
                return null;
            }
            throw Bail.INSTANCE;
        }
        rawString();
        return decoded(max);
    }

    /** A two-letter country code as a shared string; anything else bails. */
    private String country() throws Bail {
        skipWhitespace();
        rawString();
        if (strLen != 2) {
            throw Bail.INSTANCE;
        }
        int a = buf[strStart] - 'A';
        int b = buf[strStart + 1] - 'A';
        if (a < 0 || a >= 26 || b < 0 || b >= 26) {
            throw Bail.INSTANCE;
        }
        return COUNTRIES[a * 26 + b];
    }

    /** An amount as a string or a plain JSON number ({@code 12} or {@code 12.5}); its text. */
    private String amount() throws Bail {
        skipWhitespace();
        if (pos < end && buf[pos] == '"') {
            rawString();
            return decoded(Limits.AMOUNT_TEXT);
        }
        int start = pos;
        int intDigits = 0;
        while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
            pos++;
            intDigits++;
        }
        if (intDigits == 0 || (intDigits > 1 && buf[start] == '0')) {
            throw Bail.INSTANCE;
        }
        if (pos < end && buf[pos] == '.') {
            pos++;
            int fracDigits = 0;
            while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
                pos++;
                fracDigits++;
            }
            if (fracDigits == 0) {
                throw Bail.INSTANCE;
            }
        }
        if (pos < end) {
            byte b = buf[pos];
            if (b != ',' && b != '}' && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                throw Bail.INSTANCE;
            }
        }
        int len = pos - start;
        if (len > Limits.AMOUNT_TEXT) {
            throw Bail.INSTANCE;
        }
        return new String(buf, start, len, StandardCharsets.ISO_8859_1);
    }

    /**
     * Scans a string of printable ASCII without escapes starting at {@link #pos} (which must be
     * its opening quote) into {@link #strStart}/{@link #strLen}.
     */
    private void rawString() throws Bail {
        final byte[] b = buf;
        final int e = end;
        int i = pos;
        if (i >= e || b[i] != '"') {
            throw Bail.INSTANCE;
        }
        final int start = ++i;
        // Eight bytes at a time while none of them is special (a quote, a backslash, a control
        // character or a non-ASCII byte); then byte by byte.
        while (i + 8 <= e) {
            long x = (long) LONGS.get(b, i);
            long special = hasZeroByte(x ^ 0x2222222222222222L) | hasZeroByte(x ^ 0x5C5C5C5C5C5C5C5CL)
                    | ((x - 0x2020202020202020L) & ~x) | x;
            if ((special & 0x8080808080808080L) != 0) {
                break;
            }
            i += 8;
        }
        boolean ascii = true;
        while (i < e) {
            byte c = b[i];
            if (c == '"') {
                strStart = start;
                strLen = i - start;
                strAscii = ascii;
                pos = i + 1;
                return;
            }
            if (c < 0) { // a UTF-8 sequence: checked strictly where the value is decoded
                ascii = false;
            } else if (c < 0x20 || c == '\\') {
                throw Bail.INSTANCE;
            }
            i++;
        }
        throw Bail.INSTANCE;
    }

    /**
     * The last scanned string as a {@code String} of at most {@code max} UTF-16 units (the
     * Jackson path's measure). Non-ASCII bytes must be well-formed UTF-8 (RFC 3629: no overlong
     * forms, no surrogates, nothing above U+10FFFF); anything else bails.
     */
    private String decoded(int max) throws Bail {
        if (strAscii) {
            if (strLen > max) {
                throw Bail.INSTANCE;
            }
            return new String(buf, strStart, strLen, StandardCharsets.ISO_8859_1);
        }
        if (!wellFormedUtf8(buf, strStart, strStart + strLen)) {
            throw Bail.INSTANCE;
        }
        String s = new String(buf, strStart, strLen, StandardCharsets.UTF_8);
        if (s.length() > max) {
            throw Bail.INSTANCE;
        }
        return s;
    }

    static boolean wellFormedUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) {
                    lo = 0xA0;
                } else if (c == 0xED) {
                    hi = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                return false;
            }
            if (i + need >= to) { // the sequence is cut off
                return false;
            }
            int second = b[i + 1] & 0xFF;
            if (second < lo || second > hi) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                int cont = b[i + k] & 0xFF;
                if (cont < 0x80 || cont > 0xBF) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }

    /** High bit set in each byte of the result where {@code x} has a zero byte (and maybe above it). */
    private static long hasZeroByte(long x) {
        return (x - 0x0101010101010101L) & ~x;
    }

    private boolean literal(String word) {
        int n = word.length();
        if (end - pos < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buf[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        int after = pos + n;
        if (after < end) {
            byte b = buf[after];
            if (b != ',' && b != '}' && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        pos = after;
        return true;
    }

    private boolean peekIs(char c) {
        skipWhitespace();
        return pos < end && buf[pos] == c;
    }

    private void expect(char c) throws Bail {
        skipWhitespace();
        if (pos >= end || buf[pos] != c) {
            throw Bail.INSTANCE;
        }
        pos++;
    }

    private void skipWhitespace() {
        final byte[] b = buf;
        int i = pos;
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                break;
            }
            i++;
        }
        pos = i;
    }

    private boolean is(int start, int len, byte[] k) {
        if (len != k.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf[start + i] != k[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
