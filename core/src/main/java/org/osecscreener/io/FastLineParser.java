package org.osecscreener.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
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
    private static final Name N_ID = new Name("id");
    private static final Name N_TIMESTAMP = new Name("timestamp");
    private static final Name N_AMOUNT = new Name("amount");
    private static final Name N_CURRENCY = new Name("currency");
    private static final Name N_CHANNEL = new Name("channel");
    private static final Name N_PURPOSE = new Name("purpose");
    private static final Name N_SENDER = new Name("sender");
    private static final Name N_BENEFICIARY = new Name("beneficiary");
    private static final Name N_LABEL = new Name("label");
    private static final Name N_TYPE = new Name("type");
    private static final Name N_NAME = new Name("name");
    private static final Name N_COUNTRY = new Name("country");
    private static final Name N_ACCOUNT = new Name("account");
    private static final Name N_PHONE = new Name("phone");
    private static final Name N_WALLET = new Name("wallet");
    private static final Name N_EMAIL = new Name("email");
    private static final Name N_ADDRESS = new Name("address");
    private static final Name N_PICKUP = new Name("pickupLocation");
    private static final Name N_DEVICE = new Name("device");
    private static final Name N_IP = new Name("ip");
    private static final Name N_OSEC = new Name("osec");
    private static final Name N_SCENARIO = new Name("scenario");

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

    private static final Channel[] CHANNELS = Channel.values();
    private static final byte[][] CHANNEL_NAMES = names(CHANNELS);
    private static final PartyType[] TYPES = PartyType.values();
    private static final byte[][] TYPE_NAMES = names(TYPES);

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Currencies the codec accepted, by their three letters: {@code CURRENCIES[((x * 26) + y) * 26 + z]}. */
    private static final Currency[] CURRENCIES = new Currency[26 * 26 * 26];

    private final TransactionCodec codec;
    /** Where the amount's text and the currency's letters are, or -1 before they are seen. */
    private int amountFrom = -1;
    private int amountTo;
    private int currencyFrom = -1;
    private int currencyTo;
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
        Channel channel = null;
        Party sender = null;
        Party beneficiary = null;
        Label label = null;
        int seen = 0;
        for (int p = open(ws(pos)); p >= 0; p = next(p)) {
            int k = transactionKey(p);
            seen = mark(seen, k);
            p = colon();
            switch (k) {
                case T_AMOUNT -> {
                    pos = p;
                    amount();
                    p = pos;
                }
                case T_CURRENCY -> p = currency(p);
                case T_CHANNEL -> {
                    int c = named(p, CHANNEL_NAMES);
                    channel = c < 0 ? null : CHANNELS[c];
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
        }
        if (ws(pos) != end) {
            throw Bail.INSTANCE;
        }
        String id = v[T_ID];
        if (id == null || id.isBlank() || v[T_TIMESTAMP] == null || amountFrom < 0 || currencyFrom < 0
                || sender == null || beneficiary == null) {
            throw Bail.INSTANCE;
        }
        try {
            Currency c = currencyValue();
            Money money = money(c);
            OffsetDateTime at = TransactionCodec.timestamp(v[T_TIMESTAMP]);
            return new Transaction(id, at, money, channel, v[T_PURPOSE], sender, beneficiary, label);
        } catch (TransactionCodec.Bad bad) {
            throw Bail.INSTANCE;
        }
    }

    /** A party object starting at {@link #pos}; leaves {@link #pos} after its closing brace. */
    private Party party() throws Bail {
        String[] v = new String[PARTY_MAX.length];
        PartyType type = null;
        int seen = 0;
        for (int p = open(pos); p >= 0; p = next(p)) {
            int k = partyKey(p);
            seen = mark(seen, k);
            p = colon();
            if (k == P_COUNTRY) {
                p = country(p, v);
            } else if (k == P_TYPE) {
                int t = named(p, TYPE_NAMES);
                type = t < 0 ? null : TYPES[t];
                p = pos;
            } else {
                p = value(p, v, k, PARTY_MAX[k]);
            }
        }
        String id = v[P_ID];
        if (id == null || id.isBlank() || v[P_COUNTRY] == null) {
            throw Bail.INSTANCE;
        }
        return new Party(id, type, v[2], v[P_COUNTRY], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    }

    /** {@code null} or a label object starting at {@link #pos}; leaves {@link #pos} after it. */
    private Label label() throws Bail {
        int p = pos;
        if (isLiteral(p, 'n', "null")) {
            pos = p + 4;
            return null;
        }
        Boolean osec = null;
        String[] scenario = new String[1];
        int seen = 0;
        for (p = open(p); p >= 0; p = next(p)) {
            if (at(p) != '"') {
                throw Bail.INSTANCE;
            }
            boolean isOsec = at(p + 1) == 'o';
            pos = nameEnd(p + 1, isOsec ? N_OSEC : N_SCENARIO);
            seen = mark(seen, isOsec ? 0 : 1);
            p = colon();
            if (!isOsec) {
                p = value(p, scenario, 0, Limits.SCENARIO);
            } else if (isLiteral(p, 't', "true")) {
                osec = Boolean.TRUE;
                p += 4;
            } else if (isLiteral(p, 'f', "false")) {
                osec = Boolean.FALSE;
                p += 5;
            } else {
                throw Bail.INSTANCE;
            }
        }
        if (osec == null) {
            throw Bail.INSTANCE;
        }
        return new Label(osec, scenario[0]);
    }

    /**
     * The index in {@code names} of the string at {@code p}, or -1 for {@code null}; leaves
     * {@link #pos} after it. Bails on any other value (the Jackson path words it).
     */
    private int named(int p, byte[][] names) throws Bail {
        if (isLiteral(p, 'n', "null")) {
            pos = p + 4;
            return -1;
        }
        if (at(p) != '"') {
            throw Bail.INSTANCE;
        }
        int s = p + 1;
        byte first = at(s);
        for (int i = 0; i < names.length; i++) {
            byte[] name = names[i];
            if (name[0] == first) {
                int n = name.length;
                if (s + n < end && b[s + n] == '"' && Arrays.equals(b, s, s + n, name, 0, n)) {
                    pos = s + n + 1;
                    return i;
                }
            }
        }
        throw Bail.INSTANCE;
    }

    // ------------------------------------------------------------------ keys

    /**
     * The slot of the transaction field name whose opening quote is at {@code q};
     * leaves {@link #pos} after its closing quote. The name must be one of the documented ones,
     * byte for byte and directly followed by its closing quote (so it holds no escape); anything
     * else bails. Matching the expected names in place spares a scan of every name for its end.
     */
    private int transactionKey(int q) throws Bail {
        if (at(q) != '"') {
            throw Bail.INSTANCE;
        }
        int s = q + 1;
        byte c0 = at(s);
        int k;
        Name name;
        switch (c0) {
            case 'i' -> { k = T_ID; name = N_ID; }
            case 't' -> { k = T_TIMESTAMP; name = N_TIMESTAMP; }
            case 'a' -> { k = T_AMOUNT; name = N_AMOUNT; }
            case 'c' -> {
                boolean currency = at(s + 1) == 'u';
                k = currency ? T_CURRENCY : T_CHANNEL;
                name = currency ? N_CURRENCY : N_CHANNEL;
            }
            case 'p' -> { k = T_PURPOSE; name = N_PURPOSE; }
            case 's' -> { k = T_SENDER; name = N_SENDER; }
            case 'b' -> { k = T_BENEFICIARY; name = N_BENEFICIARY; }
            case 'l' -> { k = T_LABEL; name = N_LABEL; }
            default -> throw Bail.INSTANCE;
        }
        pos = nameEnd(s, name);
        return k;
    }

    /** The slot (the Party component's position) of the party field name whose opening quote is at {@code q}; as {@link #transactionKey}. */
    private int partyKey(int q) throws Bail {
        if (at(q) != '"') {
            throw Bail.INSTANCE;
        }
        int s = q + 1;
        int k;
        Name name;
        switch (at(s)) {
            case 'i' -> {
                boolean id = at(s + 1) == 'd';
                k = id ? 0 : 11;
                name = id ? N_ID : N_IP;
            }
            case 't' -> { k = 1; name = N_TYPE; }
            case 'n' -> { k = 2; name = N_NAME; }
            case 'c' -> { k = 3; name = N_COUNTRY; }
            case 'a' -> {
                boolean account = at(s + 1) == 'c';
                k = account ? 4 : 8;
                name = account ? N_ACCOUNT : N_ADDRESS;
            }
            case 'p' -> {
                boolean phone = at(s + 1) == 'h';
                k = phone ? 5 : 9;
                name = phone ? N_PHONE : N_PICKUP;
            }
            case 'w' -> { k = 6; name = N_WALLET; }
            case 'e' -> { k = 7; name = N_EMAIL; }
            case 'd' -> { k = 10; name = N_DEVICE; }
            default -> throw Bail.INSTANCE;
        }
        pos = nameEnd(s, name);
        return k;
    }

    /**
     * The position after the closing quote of {@code name} if it stands at {@code s} followed by a
     * quote; bails otherwise. Compares eight bytes at a time.
     */
    private int nameEnd(int s, Name name) throws Bail {
        byte[] q = name.quoted;
        int n = q.length;
        if (s + 8 <= end) {
            if (((long) LONGS.get(b, s) & name.mask) != name.first) {
                throw Bail.INSTANCE;
            }
            if (n > 8) {
                if (s + n > end) {
                    throw Bail.INSTANCE;
                }
                for (int i = 8; i < n; i++) {
                    if (b[s + i] != q[i]) {
                        throw Bail.INSTANCE;
                    }
                }
            }
            return s + n;
        }
        if (s + n > end) {
            throw Bail.INSTANCE;
        }
        for (int i = 0; i < n; i++) {
            if (b[s + i] != q[i]) {
                throw Bail.INSTANCE;
            }
        }
        return s + n;
    }

    /** A field name followed by its closing quote, with its first eight bytes as a little-endian word to compare at once. */
    private static final class Name {
        final byte[] quoted;
        final long first;
        final long mask;

        Name(String name) {
            quoted = ascii(name + '"');
            int n = Math.min(8, quoted.length);
            long f = 0;
            for (int i = n - 1; i >= 0; i--) {
                f = (f << 8) | (quoted[i] & 0xFF);
            }
            first = f;
            mask = n == 8 ? -1L : (1L << (8 * n)) - 1;
        }
    }

    // ------------------------------------------------------------------ objects

    /**
     * An object starting at {@code p}: the position of its first member's name (its opening
     * quote), or -1 if it is empty ({@link #pos} then after its closing brace).
     */
    private int open(int p) throws Bail {
        if (at(p) != '{') {
            throw Bail.INSTANCE;
        }
        p = ws(p + 1);
        if (at(p) == '}') {
            pos = p + 1;
            return -1;
        }
        return p;
    }

    /** The start of the value of the member whose name ended at {@link #pos} (after the colon). */
    private int colon() throws Bail {
        int p = ws(pos);
        if (at(p) != ':') {
            throw Bail.INSTANCE;
        }
        return ws(p + 1);
    }

    /**
     * After a member's value ending at {@code p}: the next member's name, or -1 at the object's
     * closing brace ({@link #pos} then after it).
     */
    private int next(int p) throws Bail {
        p = ws(p);
        byte c = at(p);
        if (c == ',') {
            return ws(p + 1);
        }
        if (c == '}') {
            pos = p + 1;
            return -1;
        }
        throw Bail.INSTANCE;
    }

    /** {@code seen} with slot {@code k} added; bails on a duplicate field (the Jackson path words it). */
    private static int mark(int seen, int k) throws Bail {
        if ((seen & (1 << k)) != 0) {
            throw Bail.INSTANCE;
        }
        return seen | (1 << k);
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

    /**
     * An amount at {@link #pos} as a string or a plain JSON number ({@code 12} or {@code 12.5}):
     * notes where its text is ({@link #amountFrom}, {@link #amountTo}) and leaves {@link #pos} after it.
     */
    private void amount() throws Bail {
        int p = pos;
        if (at(p) == '"') {
            int e = quote(p + 1);
            if (nonAscii || e - (p + 1) > Limits.AMOUNT_TEXT) {
                throw Bail.INSTANCE; // no valid amount holds such bytes: the Jackson path words why
            }
            amountFrom = p + 1;
            amountTo = e;
            pos = e + 1;
            return;
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
        amountFrom = start;
        amountTo = p;
    }

    /**
     * The amount noted by {@link #amount} in {@code currency}: plain decimals (digits, optionally a
     * point and digits) are read from the bytes, anything else goes through
     * {@link TransactionCodec#amount(String, Currency)}, whose rules the plain case repeats.
     */
    private Money money(Currency currency) throws TransactionCodec.Bad, Bail {
        int i = amountFrom;
        int n = amountTo;
        int exp = currency.getDefaultFractionDigits();
        long whole = 0;
        int digitsBefore = 0;
        while (i < n && b[i] >= '0' && b[i] <= '9') {
            whole = whole * 10 + (b[i] - '0');
            i++;
            if (++digitsBefore > 13) {
                throw Bail.INSTANCE;
            }
        }
        long frac = 0;
        int fracDigits = 0;
        boolean plain = digitsBefore > 0;
        if (plain && i < n && b[i] == '.') {
            i++;
            while (i < n && b[i] >= '0' && b[i] <= '9') {
                if (fracDigits >= exp) {
                    throw Bail.INSTANCE;
                }
                frac = frac * 10 + (b[i] - '0');
                fracDigits++;
                i++;
            }
            plain = fracDigits > 0;
        }
        if (!plain || i != n) {
            return TransactionCodec.amount(new String(b, amountFrom, amountTo - amountFrom, StandardCharsets.ISO_8859_1),
                    currency);
        }
        if (whole > Limits.MAX_MAJOR_UNITS) {
            throw Bail.INSTANCE;
        }
        long minor = whole * TransactionCodec.POW10[exp] + frac * TransactionCodec.POW10[exp - fracDigits];
        if (minor <= 0) {
            throw Bail.INSTANCE;
        }
        return new Money(minor, currency);
    }

    /** A currency code string at {@code p}: notes where its letters are; returns the position after it. */
    private int currency(int p) throws Bail {
        if (isLiteral(p, 'n', "null")) {
            return p + 4; // stays missing: the Jackson path words it
        }
        if (at(p) != '"') {
            throw Bail.INSTANCE;
        }
        int e = quote(p + 1);
        if (nonAscii || e - (p + 1) > 3) {
            throw Bail.INSTANCE;
        }
        currencyFrom = p + 1;
        currencyTo = e;
        return e + 1;
    }

    /** The currency noted by {@link #currency}: three upper-case letters from a shared table, anything else through the codec. */
    private Currency currencyValue() throws TransactionCodec.Bad {
        int s = currencyFrom;
        if (currencyTo - s == 3) {
            int x = b[s] - 'A';
            int y = b[s + 1] - 'A';
            int z = b[s + 2] - 'A';
            if (x >= 0 && x < 26 && y >= 0 && y < 26 && z >= 0 && z < 26) {
                int index = (x * 26 + y) * 26 + z;
                Currency c = CURRENCIES[index];
                if (c == null) {
                    c = codec.currencyOrBad(new String(b, s, 3, StandardCharsets.ISO_8859_1));
                    CURRENCIES[index] = c; // Currency is immutable and unique per code: a racy fill is harmless
                }
                return c;
            }
        }
        return codec.currencyOrBad(new String(b, s, currencyTo - s, StandardCharsets.ISO_8859_1));
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
        if (p < end && b[p] > ' ') {
            return p; // compact JSON: no whitespace between tokens
        }
        return wsLoop(p);
    }

    private int wsLoop(int p) {
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

    private static byte[][] names(Enum<?>[] values) {
        byte[][] names = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            names[i] = ascii(values[i].name());
        }
        return names;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
