package org.osecscreener.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic byte-level mutations of valid inputs, in the manner of coverage-free fuzzers:
 * bit flips, random bytes, deletions, insertions of random bytes or of format tokens from a
 * dictionary, duplicated ranges (a field given twice), truncation, and one token repeated many
 * times (very long strings, deep nesting). Every choice comes from the caller's seeded
 * {@link SplittableRandom}, so a run is reproducible from its seed.
 *
 * <p>Stateless apart from the dictionary; thread-safe.
 */
public final class Mutator {
    /** Byte sequences every format meets: invalid UTF-8, odd unicode, controls, huge numbers. */
    public static final List<byte[]> COMMON = List.of(
            bytes(0x80), bytes(0xC0, 0x80), bytes(0xC3), bytes(0xED, 0xA0, 0x80), bytes(0xF4, 0x90, 0x80, 0x80),
            bytes(0xFF), bytes(0xFE, 0xFF), bytes(0xEF, 0xBB, 0xBF), bytes(0xF0, 0x9F, 0x98),
            utf8("\u0000"), utf8("\u0007"), utf8("\u2028"), utf8("\u202E"), utf8("\uFEFF"), utf8("e\u0301"),
            utf8("\uD83D\uDE00"), utf8("\u0130"), utf8("\u00A0"), utf8("\r"), utf8("\n"), utf8("\r\n"), utf8("\t"),
            utf8("99999999999999999999999999999999999999"), utf8("1e999999999"), utf8("1e-999999999"),
            utf8("-0"), utf8("0.0000000000000000000001"), utf8("NaN"), utf8("-Infinity"), utf8("9223372036854775808"),
            utf8("../../etc/passwd"), utf8("file:///etc/passwd"), utf8("C:\\Windows"), utf8("${jndi:ldap://x/a}"));

    private final List<byte[]> dictionary;

    /**
     * @param formatTokens tokens of the format under test (JSON punctuation, XML markup, YAML
     *                     indicators); added to {@link #COMMON}
     */
    public Mutator(List<byte[]> formatTokens) {
        List<byte[]> all = new ArrayList<>(COMMON);
        all.addAll(formatTokens);
        this.dictionary = List.copyOf(all);
    }

    /**
     * Applies one to four mutations to a copy of {@code input}.
     *
     * @param maxLength the result is cut to at most this many bytes
     */
    public byte[] mutate(byte[] input, SplittableRandom r, int maxLength) {
        byte[] b = input;
        int rounds = 1 + r.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            b = once(b, r);
            if (b.length > maxLength) {
                b = Arrays.copyOf(b, maxLength);
            }
        }
        return b;
    }

    private byte[] once(byte[] b, SplittableRandom r) {
        int n = b.length;
        int at = n == 0 ? 0 : r.nextInt(n + 1);
        switch (r.nextInt(9)) {
            case 0 -> { // flip one bit
                if (n == 0) {
                    return b;
                }
                byte[] c = b.clone();
                int i = r.nextInt(n);
                c[i] ^= (byte) (1 << r.nextInt(8));
                return c;
            }
            case 1 -> { // one random byte
                if (n == 0) {
                    return new byte[] {(byte) r.nextInt(256)};
                }
                byte[] c = b.clone();
                c[r.nextInt(n)] = (byte) r.nextInt(256);
                return c;
            }
            case 2 -> { // delete a range
                int len = Math.min(n - Math.min(at, n), 1 + r.nextInt(16));
                return splice(b, at, len, new byte[0]);
            }
            case 3 -> { // insert random bytes
                byte[] ins = new byte[1 + r.nextInt(8)];
                for (int i = 0; i < ins.length; i++) {
                    ins[i] = (byte) r.nextInt(256);
                }
                return splice(b, at, 0, ins);
            }
            case 4, 5 -> { // insert a dictionary token
                return splice(b, at, 0, dictionary.get(r.nextInt(dictionary.size())));
            }
            case 6 -> { // duplicate a range (a field or element given twice)
                if (n == 0) {
                    return b;
                }
                int from = r.nextInt(n);
                int len = Math.min(n - from, 1 + r.nextInt(64));
                return splice(b, at, 0, Arrays.copyOfRange(b, from, from + len));
            }
            case 7 -> { // truncate
                return Arrays.copyOf(b, at);
            }
            default -> { // repeat a short piece many times: long strings, deep nesting
                byte[] piece;
                if (n > 0 && r.nextBoolean()) {
                    int from = r.nextInt(n);
                    piece = Arrays.copyOfRange(b, from, Math.min(n, from + 1 + r.nextInt(8)));
                } else {
                    piece = dictionary.get(r.nextInt(dictionary.size()));
                }
                int times = 2 + r.nextInt(r.nextBoolean() ? 50 : 5000);
                ByteArrayOutputStream out = new ByteArrayOutputStream(piece.length * times);
                for (int i = 0; i < times; i++) {
                    out.writeBytes(piece);
                }
                return splice(b, at, 0, out.toByteArray());
            }
        }
    }

    private static byte[] splice(byte[] b, int at, int removeLen, byte[] insert) {
        byte[] out = new byte[b.length - removeLen + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + removeLen, out, at + insert.length, b.length - at - removeLen);
        return out;
    }

    /** The input for a failure message: printable ASCII kept, everything else escaped, cut to 400 characters. */
    public static String show(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length && sb.length() < 400; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        return sb.length() >= 400 ? sb + "... (" + b.length + " bytes)" : sb.toString();
    }

    /** Bytes from ints (0-255). */
    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** UTF-8 bytes of a string. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
