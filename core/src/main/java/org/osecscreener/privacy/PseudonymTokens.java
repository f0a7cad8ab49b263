package org.osecscreener.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * The form of a pseudonymised party field, as {@code privacy.ingest.IngestPseudonymiser} writes it
 * and the payee-cluster normaliser and the family keys read it back.
 *
 * <p>A pseudonymised field is one or more tokens separated by single spaces. A token is either
 * a pseudonym, {@code tag + ":" +} {@value #BODY_CHARS} base64url characters, exactly as
 * {@link Pseudonymiser#pseudonym} writes it (for example {@code phone:3q2-7wAAAAAAAAAAAAAAAA}),
 * or a flag, {@code !} and one lower-case letter (see {@code docs/privacy.md}). Tags are
 * lower-case letters and underscores. Nothing else is a pseudonymised field, so a raw value is
 * never mistaken for one unless it was written in exactly this form (and then it only ever
 * equals itself).
 *
 * <p>Stateless and thread-safe. The checks allocate nothing and stop at the first character
 * that cannot belong to the form (any upper-case letter, digit or punctuation at the start of a
 * raw name, phone or account), so they cost next to nothing on raw values.
 */
public final class PseudonymTokens {
    /** The characters of a pseudonym after its tag and colon. */
    public static final int BODY_CHARS = 22;

    private PseudonymTokens() {
    }

    /**
     * Whether a field value is in the pseudonymised form.
     *
     * @param value the field value, may be {@code null}
     * @return {@code true} if it is one or more well-formed tokens
     */
    public static boolean isPseudonymised(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        int i = 0;
        int n = value.length();
        while (true) {
            int end = tokenEnd(value, i);
            if (end < 0) {
                return false;
            }
            if (end == n) {
                return true;
            }
            if (value.charAt(end) != ' ') {
                return false;
            }
            i = end + 1;
        }
    }

    /**
     * The tokens of a pseudonymised field, in order.
     *
     * @param value a value for which {@link #isPseudonymised} holds
     * @return its tokens
     */
    public static List<String> tokens(String value) {
        List<String> out = new ArrayList<>(3);
        int i = 0;
        while (i < value.length()) {
            int sp = value.indexOf(' ', i);
            int end = sp < 0 ? value.length() : sp;
            out.add(value.substring(i, end));
            i = end + 1;
        }
        return out;
    }

    /**
     * The pseudonym with the given tag in a pseudonymised field.
     *
     * @param value a pseudonymised field, may be {@code null}
     * @param tag   for example {@code surname}
     * @return the whole token ({@code tag:…}), or {@code null} if the field has none or is not
     *         pseudonymised
     */
    public static String find(String value, String tag) {
        if (!isPseudonymised(value)) {
            return null;
        }
        for (String t : tokens(value)) {
            if (t.length() == tag.length() + 1 + BODY_CHARS && t.startsWith(tag) && t.charAt(tag.length()) == ':') {
                return t;
            }
        }
        return null;
    }

    /** The end of the token starting at {@code i}, or -1 if none starts there. */
    private static int tokenEnd(String s, int i) {
        int n = s.length();
        if (i >= n) {
            return -1;
        }
        if (s.charAt(i) == '!') {
            return i + 1 < n && isLower(s.charAt(i + 1)) && (i + 2 == n || s.charAt(i + 2) == ' ') ? i + 2 : -1;
        }
        int j = i;
        while (j < n && (isLower(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j == i || j >= n || s.charAt(j) != ':') {
            return -1;
        }
        int end = j + 1 + BODY_CHARS;
        if (end > n) {
            return -1;
        }
        for (int k = j + 1; k < end; k++) {
            char c = s.charAt(k);
            if (!(isLower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return -1;
            }
        }
        return end;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
