package org.osecscreener.cluster;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text folding shared by the name and address normalisers.
 *
 * <p>Why: names and addresses reach the screener typed by tellers and apps in many hands:
 * "STA. CRUZ", "Sta Cruz", "sta.cruz", "Peñafrancia" and "Penafrancia" must compare equal.
 * Folding decomposes (NFD) and drops combining marks, lower-cases, deletes apostrophes
 * (so {@code O'Brien} stays one token) and turns every other character that is not a letter
 * or digit into a token break.
 */
final class Fold {
    private Fold() {
    }

    /** The folded tokens of a text, in order; empty for {@code null} or blank text. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>(8);
        if (text == null) {
            return out;
        }
        if (isAscii(text)) {
            return asciiTokens(text, out);
        }
        return tokensSlow(text, out);
    }

    /**
     * {@link #tokens} of an ASCII text, without code points, Unicode categories or
     * normalisation: in ASCII the letters and digits are {@code [A-Za-z0-9]}, there are no marks,
     * and the apostrophe and backquote are dropped, exactly as the general path does
     * ({@code FoldTest} checks the two agree).
     */
    private static List<String> asciiTokens(String s, List<String> out) {
        int n = s.length();
        char[] token = new char[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '`') {
                continue;
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                token[len++] = c;
            } else if (c >= 'A' && c <= 'Z') {
                token[len++] = (char) (c + ('a' - 'A'));
            } else if (len > 0) {
                out.add(new String(token, 0, len));
                len = 0;
            }
        }
        if (len > 0) {
            out.add(new String(token, 0, len));
        }
        return out;
    }

    /** {@link #tokens} by the general path (any text). */
    static List<String> tokensSlow(String text, List<String> out) {
        String s = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder token = new StringBuilder(16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || cp == '\'' || cp == '\u2019' || cp == '`') {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                token.appendCodePoint(cp);
            } else if (token.length() > 0) {
                out.add(token.toString().toLowerCase(Locale.ROOT));
                token.setLength(0);
            }
        }
        if (token.length() > 0) {
            out.add(token.toString().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /**
     * The key that placeholders are compared on: lower case, letters and digits only
     * ({@code "N/A"} becomes {@code "na"}).
     */
    static String placeholderKey(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** Whether the text has digits and every digit is zero, and no letters ("000-000", "0"). */
    static boolean allZeroNumber(String text) {
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '1' && c <= '9' || Character.isLetter(c)) {
                return false;
            }
            digit |= c == '0';
        }
        return digit;
    }

    /** The raw-folded form of a value that could not be normalised: trimmed, lower case, whitespace removed. */
    static String raw(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
