package org.osecscreener.tools.synth;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import org.osecscreener.io.TransactionCodec;
import org.osecscreener.model.Label;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;

/**
 * The generator's fast path to JSON lines: byte for byte what {@link TransactionCodec} writes
 * (a test asserts it; the only difference is that {@code TransactionWriter}'s Jackson generator
 * also puts its root-value separator, one space, before every line after the first), but each party's JSON is rendered once by the codec and then copied, since
 * the generator repeats the same few hundred thousand party objects millions of times.
 *
 * <p>Why: parties are most of a line's bytes, and rendering them field by field through the
 * streaming generator dominated the cost of writing. Parties are cached by identity (the
 * generator never rebuilds a party), so memory is bounded by the population. Not thread-safe.
 */
final class LineWriter implements Closeable {
    private final OutputStream out;
    private final TransactionCodec codec = TransactionCodec.standard();
    private final Map<Party, byte[]> parties = new IdentityHashMap<>();
    private final Map<Label, byte[]> labels = new HashMap<>();
    private final JsonStringEncoder encoder = JsonStringEncoder.getInstance();
    private byte[] buf = new byte[1 << 16];
    private int pos;

    LineWriter(OutputStream out) {
        this.out = out;
    }

    void write(Transaction tx) throws IOException {
        ensure(4096);
        raw("{\"id\":");
        string(tx.id());
        raw(",\"timestamp\":\"");
        raw(TransactionCodec.formatTimestamp(tx.timestamp()));
        raw("\",\"amount\":\"");
        raw(tx.amount().toPlainString());
        raw("\",\"currency\":\"");
        raw(tx.amount().currency().getCurrencyCode());
        raw("\"");
        if (tx.channel() != null) {
            raw(",\"channel\":\"");
            raw(tx.channel().name());
            raw("\"");
        }
        if (tx.purpose() != null) {
            raw(",\"purpose\":");
            string(tx.purpose());
        }
        raw(",\"sender\":");
        bytes(party(tx.sender()));
        raw(",\"beneficiary\":");
        bytes(party(tx.beneficiary()));
        if (tx.label() != null) {
            raw(",\"label\":");
            bytes(labels.computeIfAbsent(tx.label(), this::label));
        }
        raw("}\n");
        if (pos > buf.length - 4096) {
            flush();
        }
    }

    private byte[] party(Party p) {
        byte[] b = parties.get(p);
        if (b == null) {
            b = render(p, "\"sender\":", ",\"beneficiary\":");
            parties.put(p, b);
        }
        return b;
    }

    private byte[] label(Label l) {
        return render(l, ",\"label\":", null);
    }

    /** Renders a part through the codec itself, so that the bytes are exactly the codec's. */
    private byte[] render(Object part, String before, String after) {
        Party p = part instanceof Party q ? q : Party.of("x", "PH");
        Label l = part instanceof Label q ? q : null;
        String json = codec.toJson(new Transaction("x", java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"),
                new org.osecscreener.model.Money(1, java.util.Currency.getInstance("USD")), null, null, p, p, l));
        int from = json.indexOf(before) + before.length();
        int to = after == null ? json.length() - 1 : json.indexOf(after, from);
        return json.substring(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    private void raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[pos + i] = (byte) ascii.charAt(i);   // ASCII only: field names, digits, codes, checked strings
        }
        pos += n;
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void string(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                plain = false;
                break;
            }
        }
        ensure(s.length() * 6 + 2);
        buf[pos++] = '"';
        if (plain) {
            raw(s);
        } else {
            bytes(encoder.quoteAsUTF8(s));
        }
        buf[pos++] = '"';
    }

    void flush() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
