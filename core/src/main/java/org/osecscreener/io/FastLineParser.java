package org.osecscreener.io;

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

    // Transaction fields, in the order of their slots.
    private static final int T_ID = 0;
    private static final int T_TIMESTAMP = 1;
    private static final int T_AMOUNT = 2;
    private static final int T_CURRENCY = 3;
    private static final int T_CHANNEL = 4;
    private static final int T_PURPOSE = 5;
    private static final int T_SENDER = 6;
    private static final int T_BENEFICIARY = 7;
    private static final int T_LABEL = 8;
    private static final int[] TX_MAX = {Limits.ID, Limits.TIMESTAMP_TEXT, 0, 3, 32, Limits.PURPOSE, 0, 0, 0};

    // Party fields, in the order of the Party record's components.
    private static final int P_ID = 0;
    private static final int P_TYPE = 1;
    private static final int P_COUNTRY = 3;
    private static final int[] PARTY_MAX = {Limits.ID, 32, Limits.NAME, 2, Limits.ACCOUNT, Limits.PHONE, Limits.WALLET,
            Limits.EMAIL, Limits.ADDRESS, Limits.PICKUP_LOCATION, Limits.DEVICE, Limits.IP};

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
    private final byte[] b;
    private final int end;
    /** Where a nested reader ({@link #party}, {@link #label}, {@link #amount}) starts and ends. */
    private int pos;
    /** Whether the last string scanned by {@link #quote} held a byte above 0x7F. */
    private boolean nonAscii;

    private FastLineParser(TransactionCodec codec, byte[] buf, int off, int len) {
        this.codec = codec;
        this.b = buf;
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
        } catch (Bail bail) {
            return null;
        } catch (RuntimeException e) {
            // A model constructor refused a value: let the Jackson path word the rejection.
            return null;
        }
    }

    /** Not this scanner's business: the Jackson path decides. Carries no stack trace. */
    private static final class Bail extends Exception {
        static final Bail INSTANCE = new Bail();

        private Bail() {
            super(null, null, false, false);
        }
    }

    private Transaction transaction() throws Bail {
        String[] v = new String[T_LABEL + 1];
        Party sender = null;
        Party beneficiary = null;
        Label label = null;
        int seen = 0;
        int p = ws(pos);
        if (at(p) != '{') {
            throw Bail.INSTANCE;
        }
        p = ws(p + 1);
        if (at(p) != '}') {
            for (;;) {
                int ks = p + 1;
                if (at(p) != '"') {
                    throw Bail.INSTANCE;
                }
                int ke = quote(ks);
                p = ws(ke + 1);
                if (at(p) != ':') {
                    throw Bail.INSTANCE;
                }
                p = ws(p + 1);
                int k = transactionKey(ks, ke - ks);
                if (k < 0 || (seen & (1 << k)) != 0) {
                    throw Bail.INSTANCE;
                }
                seen |= 1 << k;
                switch (k) {
                    case T_AMOUNT -> {
                        pos = p;
                        v[k] = amount();
                        p = pos;
                    }
                    case T_SENDER -> {
                        pos = p;
                        sender = party();
                        p = pos;
                    }
                    case T_BENEFICIARY -> {
                        pos = p;
                        beneficiary = party();
                        p = pos;
                    }
                    case T_LABEL -> {
                        pos = p;
                        label = label();
                        p = pos;
                    }
                    default -> p = value(p, v, k, TX_MAX[k]);
                }
                p = ws(p);
                byte c = at(p);
                if (c == ',') {
                    p = ws(p + 1);
                } else if (c == '}') {
                    break;
                } else {
                    throw Bail.INSTANCE;
                }
            }
        }
        if (ws(p + 1) != end) {
            throw Bail.INSTANCE;
        }
        String id = v[T_ID];
        if (id == null || id.isBlank() || v[T_TIMESTAMP] == null || v[T_AMOUNT] == null || v[T_CURRENCY] == null
                || sender == null || beneficiary == null) {
            throw Bail.INSTANCE;
        }
        try {
            Currency c = codec.currencyOrBad(v[T_CURRENCY]);
            Money money = TransactionCodec.amount(v[T_AMOUNT], c);
            OffsetDateTime at = TransactionCodec.timestamp(v[T_TIMESTAMP]);
            return new Transaction(id, at, money, channel(v[T_CHANNEL]), v[T_PURPOSE], sender, beneficiary, label);
        } catch (TransactionCodec.Bad bad) {
            throw Bail.INSTANCE;
        }
    }

    /** A party object starting at {@link #pos}; leaves {@link #pos} after its closing brace. */
    private Party party() throws Bail {
        String[] v = new String[PARTY_MAX.length];
        int seen = 0;
        int p = pos;
        if (at(p) != '{') {
            throw Bail.INSTANCE;
        }
        p = ws(p + 1);
        if (at(p) != '}') {
            for (;;) {
                int ks = p + 1;
                if (at(p) != '"') {
                    throw Bail.INSTANCE;
                }
                int ke = quote(ks);
                p = ws(ke + 1);
                if (at(p) != ':') {
                    throw Bail.INSTANCE;
                }
                p = ws(p + 1);
                int k = partyKey(ks, ke - ks);
                if (k < 0 || (seen & (1 << k)) != 0) {
                    throw Bail.INSTANCE;
                }
                seen |= 1 << k;
                p = k == P_COUNTRY ? country(p, v) : value(p, v, k, PARTY_MAX[k]);
                p = ws(p);
                byte c = at(p);
                if (c == ',') {
                    p = ws(p + 1);
                } else if (c == '}') {
                    break;
                } else {
                    throw Bail.INSTANCE;
                }
            }
        }
        pos = p + 1;
        String id = v[P_ID];
        if (id == null || id.isBlank() || v[P_COUNTRY] == null) {
            throw Bail.INSTANCE;
        }
        return new Party(id, partyType(v[P_TYPE]), v[2], v[P_COUNTRY], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    }

    /** {@code null} or a label object starting at {@link #pos}; leaves {@link #pos} after it. */
    private Label label() throws Bail {
        int p = pos;
        if (isLiteral(p, 'n', "null")) {
            pos = p + 4;
            return null;
        }
        if (at(p) != '{') {
            throw Bail.INSTANCE;
        }
        Boolean osec = null;
        String[] scenario = new String[1];
        int seen = 0;
        p = ws(p + 1);
        if (at(p) != '}') {
            for (;;) {
                int ks = p + 1;
                if (at(p) != '"') {
                    throw Bail.INSTANCE;
                }
                int ke = quote(ks);
                p = ws(ke + 1);
                if (at(p) != ':') {
                    throw Bail.INSTANCE;
                }
                p = ws(p + 1);
                int k = is(ks, ke - ks, K_OSEC) ? 0 : is(ks, ke - ks, K_SCENARIO) ? 1 : -1;
                if (k < 0 || (seen & (1 << k)) != 0) {
                    throw Bail.INSTANCE;
                }
                seen |= 1 << k;
                if (k == 0) {
                    if (isLiteral(p, 't', "true")) {
                        osec = Boolean.TRUE;
                        p += 4;
                    } else if (isLiteral(p, 'f', "false")) {
                        osec = Boolean.FALSE;
                        p += 5;
                    } else {
                        throw Bail.INSTANCE;
                    }
                } else {
                    p = value(p, scenario, 0, Limits.SCENARIO);
                }
                p = ws(p);
                byte c = at(p);
                if (c == ',') {
                    p = ws(p + 1);
                } else if (c == '}') {
                    break;
                } else {
                    throw Bail.INSTANCE;
                }
            }
        }
        pos = p + 1;
        if (osec == null) {
            throw Bail.INSTANCE;
        }
        return new Label(osec, scenario[0]);
    }

    private static Channel channel(String s) throws Bail {
        if (s == null) {
            return null;
        }
        Channel c = TransactionCodec.channelNamed(s);
        if (c == null) {
            throw Bail.INSTANCE;
        }
        return c;
    }

    private static PartyType partyType(String s) throws Bail {
        if (s == null) {
            return null;
        }
        PartyType t = TransactionCodec.partyTypeNamed(s);
        if (t == null) {
            throw Bail.INSTANCE;
        }
        return t;
    }

    // ------------------------------------------------------------------ keys

    /** The slot of a transaction field name at {@code b[s, s+n)}, or -1. */
    private int transactionKey(int s, int n) {
        return switch (n) {
            case 2 -> is(s, n, K_ID) ? T_ID : -1;
            case 5 -> is(s, n, K_LABEL) ? T_LABEL : -1;
            case 6 -> b[s] == 'a' ? (is(s, n, K_AMOUNT) ? T_AMOUNT : -1) : is(s, n, K_SENDER) ? T_SENDER : -1;
            case 7 -> b[s] == 'c' ? (is(s, n, K_CHANNEL) ? T_CHANNEL : -1) : is(s, n, K_PURPOSE) ? T_PURPOSE : -1;
            case 8 -> is(s, n, K_CURRENCY) ? T_CURRENCY : -1;
            case 9 -> is(s, n, K_TIMESTAMP) ? T_TIMESTAMP : -1;
            case 11 -> is(s, n, K_BENEFICIARY) ? T_BENEFICIARY : -1;
            default -> -1;
        };
    }

    /** The slot (the Party component's position) of a party field name at {@code b[s, s+n)}, or -1. */
    private int partyKey(int s, int n) {
        return switch (n) {
            case 2 -> b[s + 1] == 'd' ? (is(s, n, K_ID) ? 0 : -1) : is(s, n, K_IP) ? 11 : -1;
            case 4 -> b[s] == 't' ? (is(s, n, K_TYPE) ? 1 : -1) : is(s, n, K_NAME) ? 2 : -1;
            case 5 -> b[s] == 'p' ? (is(s, n, K_PHONE) ? 5 : -1) : is(s, n, K_EMAIL) ? 7 : -1;
            case 6 -> b[s] == 'w' ? (is(s, n, K_WALLET) ? 6 : -1) : is(s, n, K_DEVICE) ? 10 : -1;
            case 7 -> b[s] == 'c' ? (is(s, n, K_COUNTRY) ? 3 : -1)
                    : b[s + 2] == 'c' ? (is(s, n, K_ACCOUNT) ? 4 : -1) : is(s, n, K_ADDRESS) ? 8 : -1;
            case 14 -> is(s, n, K_PICKUP) ? 9 : -1;
            default -> -1;
        };
    }

    private boolean is(int start, int len, byte[] k) {
        if (len != k.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (b[start + i] != k[i]) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ values

    /**
     * A string value or {@code null} at {@code p}, stored in {@code v[k]} (at most {@code max}
     * UTF-16 units); returns the position after it.
     */
    private int value(int p, String[] v, int k, int max) throws Bail {
        if (at(p) == '"') {
            int e = quote(p + 1);
            v[k] = decode(p + 1, e, max);
            return e + 1;
        }
        if (isLiteral(p, 'n', "null")) {
            return p + 4; // the slot stays null
        }
        throw Bail.INSTANCE;
    }

    /** A two-letter country code at {@code p} as a shared string in {@code v[P_COUNTRY]}; returns the position after it. */
    private int country(int p, String[] v) throws Bail {
        if (at(p) != '"' || p + 3 >= end || b[p + 3] != '"') {
            throw Bail.INSTANCE;
        }
        int x = b[p + 1] - 'A';
        int y = b[p + 2] - 'A';
        if (x < 0 || x >= 26 || y < 0 || y >= 26) {
            throw Bail.INSTANCE;
        }
        v[P_COUNTRY] = COUNTRIES[x * 26 + y];
        return p + 4;
    }

    /** An amount at {@link #pos} as a string or a plain JSON number ({@code 12} or {@code 12.5}); its text. */
    private String amount() throws Bail {
        int p = pos;
        if (at(p) == '"') {
            int e = quote(p + 1);
            pos = e + 1;
            return decode(p + 1, e, Limits.AMOUNT_TEXT);
        }
        int start = p;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        int intDigits = p - start;
        if (intDigits == 0 || (intDigits > 1 && b[start] == '0')) {
            throw Bail.INSTANCE;
        }
        if (at(p) == '.') {
            int f = ++p;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
            if (p == f) {
                throw Bail.INSTANCE;
            }
        }
        if (!delimiter(p) || p - start > Limits.AMOUNT_TEXT) {
            throw Bail.INSTANCE;
        }
        pos = p;
        return new String(b, start, p - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * The index of the closing quote of a string whose first byte is at {@code i}; bails on an
     * escape or a control character. Notes in {@link #nonAscii} whether a byte above 0x7F was seen.
     */
    private int quote(int i) throws Bail {
        final byte[] a = b;
        final int e = end;
        int high = 0;
        while (i < e) {
            byte c = a[i];
            if (c == '"') {
                nonAscii = high < 0;
                return i;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                throw Bail.INSTANCE;
            }
            high |= c;
            i++;
        }
        throw Bail.INSTANCE;
    }

    /**
     * The string {@code b[s, e)} of at most {@code max} UTF-16 units (the Jackson path's
     * measure). Non-ASCII bytes must be well-formed UTF-8 (RFC 3629: no overlong forms, no
     * surrogates, nothing above U+10FFFF); anything else bails.
     */
    private String decode(int s, int e, int max) throws Bail {
        int n = e - s;
        if (!nonAscii) {
            if (n > max) {
                throw Bail.INSTANCE;
            }
            return new String(b, s, n, StandardCharsets.ISO_8859_1);
        }
        if (!wellFormedUtf8(b, s, e)) {
            throw Bail.INSTANCE;
        }
        String str = new String(b, s, n, StandardCharsets.UTF_8);
        if (str.length() > max) {
            throw Bail.INSTANCE;
        }
        return str;
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

    // ------------------------------------------------------------------ tokens

    /** The byte at {@code p}, or 0 past the end (0 matches nothing the scanner looks for). */
    private byte at(int p) {
        return p < end ? b[p] : 0;
    }

    /** The first position at or after {@code p} that is not JSON whitespace. */
    private int ws(int p) {
        while (p < end) {
            byte c = b[p];
            if (c > ' ' || (c != ' ' && c != '\t' && c != '\r' && c != '\n')) {
                return p;
            }
            p++;
        }
        return p;
    }

    /** Whether the literal {@code word} (starting with {@code first}) stands at {@code p}, followed by a delimiter. */
    private boolean isLiteral(int p, char first, String word) {
        int n = word.length();
        if (at(p) != first || end - p < n) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            if (b[p + i] != word.charAt(i)) {
                return false;
            }
        }
        return delimiter(p + n);
    }

    /** Whether a value may end before {@code p}: the end, a comma, a closing brace or whitespace. */
    private boolean delimiter(int p) {
        if (p >= end) {
            return true;
        }
        byte c = b[p];
        return c == ',' || c == '}' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
