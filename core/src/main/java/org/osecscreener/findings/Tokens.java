package org.osecscreener.findings;

import java.util.Base64;

import org.osecscreener.cluster.IdentifierType;
import org.osecscreener.privacy.Pseudonymiser;

/**
 * Converts between keyed-hash pseudonyms ({@code tag:} + 22 base64url characters, as
 * {@link Pseudonymiser#pseudonym} writes them) and their 128 bits as two longs, the form the
 * {@link TokenTable} stores.
 *
 * <p>The 128 bits are the HMAC-SHA256 of {@code tag:value}, cut; the tag is inside the hashed
 * input, so equal bits mean equal type and value. The textual prefix is only a label.
 */
final class Tokens {
    private static final int CHARS = 22;

    private Tokens() {
    }

    /** Whether {@code s} has the shape of a pseudonym of a known identifier type. */
    static boolean isPseudonym(String s) {
        return s != null && typeOf(s) != null && bits(s, new long[2]);
    }

    /**
     * The identifier type named by a pseudonym's prefix, or {@code null} if the prefix is missing
     * or unknown.
     */
    static IdentifierType typeOf(String pseudonym) {
        int colon = pseudonym.indexOf(':');
        if (colon <= 0 || pseudonym.length() - colon - 1 != CHARS) {
            return null;
        }
        try {
            return IdentifierType.ofTag(pseudonym.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Decodes the 22 characters after the prefix into {@code out[0]} (high) and {@code out[1]} (low).
     *
     * @return {@code false} if they are not 22 base64url characters encoding exactly 128 bits
     */
    static boolean bits(String pseudonym, long[] out) {
        int colon = pseudonym.indexOf(':');
        if (colon < 0 || pseudonym.length() - colon - 1 != CHARS) {
            return false;
        }
        long hi = 0;
        long lo = 0;
        int bitsRead = 0;
        for (int i = colon + 1; i < pseudonym.length(); i++) {
            int v = value(pseudonym.charAt(i));
            if (v < 0) {
                return false;
            }
            // 22 characters carry 132 bits: 128 of the token and 4 zero bits at the end
            for (int b = 5; b >= 0; b--) {
                int bit = (v >>> b) & 1;
                if (bitsRead < 64) {
                    hi = (hi << 1) | bit;
                } else if (bitsRead < 128) {
                    lo = (lo << 1) | bit;
                } else if (bit != 0) {
                    return false;
                }
                bitsRead++;
            }
        }
        out[0] = hi;
        out[1] = lo;
        return true;
    }

    /** The pseudonym text of 128 bits under a tag, as {@link Pseudonymiser#pseudonym} writes it. */
    static String text(String tag, long hi, long lo) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return tag + ':' + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        return c == '_' ? 63 : -1;
    }
}
