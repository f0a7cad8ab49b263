package org.osecscreener.io;

import java.time.OffsetDateTime;
import java.util.Arrays;

import org.osecscreener.model.Label;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;

/**
 * Encodes a transaction as one JSON line, byte for byte what {@link TransactionCodec#write}
 * writes through Jackson's generator, straight into a byte buffer. It handles the usual case,
 * where every text is printable ASCII with no quote or backslash (nothing to escape); for any
 * other transaction {@link #encode} returns {@code false} and the caller uses the Jackson path,
 * so escaping and UTF-8 are Jackson's alone. Why: writing must keep up with parsing, a million
 * lines a second on one thread, and the generator's per-field work measured about 0.8 million.
 * {@code LineEncoderTest} checks the equality on random transactions.
 *
 * <p>Not thread-safe: one per writer.
 */
final class LineEncoder {
    private byte[] buf = new byte[1024];
    private final char[] time = new char[40];
    private int n;

    /** The encoded line (valid up to {@link #length()}). */
    byte[] buffer() {
        return buf;
    }

    /** The length of the encoded line, its {@code '\n'} included. */
    int length() {
        return n;
    }

    /**
     * Encodes {@code tx} followed by {@code '\n'}.
     *
     * @return {@code false}, with nothing usable in the buffer, if a text needs escaping or
     *         non-ASCII bytes, or the time is outside years 0000–9999
     */
    boolean encode(Transaction tx) {
        n = 0;
        raw("{\"id\":");
        if (!string(tx.id())) {
            return false;
        }
        raw(",\"timestamp\":\"");
        if (!timestamp(tx.timestamp())) {
            return false;
        }
        raw("\",\"amount\":");
        string(tx.amount().toPlainString());
        raw(",\"currency\":");
        string(tx.amount().currency().getCurrencyCode());
        if (tx.channel() != null) {
            raw(",\"channel\":");
            string(tx.channel().name());
        }
        if (!optional(",\"purpose\":", tx.purpose())) {
            return false;
        }
        raw(",\"sender\":");
        if (!party(tx.sender())) {
            return false;
        }
        raw(",\"beneficiary\":");
        if (!party(tx.beneficiary())) {
            return false;
        }
        Label label = tx.label();
        if (label != null) {
            raw(label.osec() ? ",\"label\":{\"osec\":true" : ",\"label\":{\"osec\":false");
            if (!optional(",\"scenario\":", label.scenario())) {
                return false;
            }
            raw("}");
        }
        raw("}\n");
        return true;
    }

    private boolean party(Party p) {
        raw("{\"id\":");
        if (!string(p.id())) {
            return false;
        }
        raw(",\"type\":");
        string(p.type().name());
        if (!optional(",\"name\":", p.name())) {
            return false;
        }
        raw(",\"country\":");
        string(p.country());
        boolean ok = optional(",\"account\":", p.account()) && optional(",\"phone\":", p.phone())
                && optional(",\"wallet\":", p.wallet()) && optional(",\"email\":", p.email())
                && optional(",\"address\":", p.address()) && optional(",\"pickupLocation\":", p.pickupLocation())
                && optional(",\"device\":", p.device()) && optional(",\"ip\":", p.ip());
        raw("}");
        return ok;
    }

    private boolean optional(String key, String value) {
        if (value == null) {
            return true;
        }
        raw(key);
        return string(value);
    }

    /** A quoted string; {@code false} if a character would need escaping or is not ASCII. */
    private boolean string(String s) {
        int len = s.length();
        ensure(len + 2);
        byte[] b = buf;
        int i = n;
        b[i++] = '"';
        for (int k = 0; k < len; k++) {
            char c = s.charAt(k);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                return false;
            }
            b[i++] = (byte) c;
        }
        b[i++] = '"';
        n = i;
        return true;
    }

    private boolean timestamp(OffsetDateTime t) {
        ensure(48);
        int len = Timestamps.formatTimestamp(t, time);
        if (len < 0) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            buf[n++] = (byte) time[k];
        }
        return true;
    }

    private void raw(String ascii) {
        int len = ascii.length();
        ensure(len);
        byte[] b = buf;
        int i = n;
        for (int k = 0; k < len; k++) {
            b[i++] = (byte) ascii.charAt(k);
        }
        n = i;
    }

    private void ensure(int more) {
        if (n + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }
    }
}
