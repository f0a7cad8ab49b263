package org.osecscreener.detect;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds listed words and phrases in free text in one linear pass (Aho–Corasick), insensitive to
 * case and diacritics, on word boundaries.
 *
 * <p>Why Aho–Corasick: purpose texts are screened on the hot path and keyword lists grow with
 * every typology update; a DFA over all phrases matches in time linear in the text whatever the
 * number of phrases, and there is no user-supplied regular expression (nothing in a rule file can
 * make matching slow).
 *
 * <p>Text and phrases are folded the same way: lower case, diacritics removed ("matrícula" →
 * "matricula"), every run of characters that are not letters or digits becomes one space. A match
 * must start and end on a word boundary, so "gift" matches "a gift!" but not "gifted".
 *
 * <p>Immutable and thread-safe.
 */
final class KeywordMatcher {
    private static final int OTHER = 0;
    private final int[] ascii = new int[128];
    private final Map<Character, Integer> nonAscii = new HashMap<>();
    private final int symbols;
    private final int[][] next;
    private final int[] fail;
    private final String[][] outputs;

    KeywordMatcher(List<String> phrases) {
        Set<String> folded = new LinkedHashSet<>();
        for (String p : phrases) {
            String f = fold(p).trim();
            if (!f.isEmpty()) {
                folded.add(f);
            }
        }
        int sym = 1;
        for (String f : folded) {
            for (int i = 0; i < f.length(); i++) {
                char c = f.charAt(i);
                if (c < 128) {
                    if (ascii[c] == 0) {
                        ascii[c] = sym++;
                    }
                } else if (!nonAscii.containsKey(c)) {
                    nonAscii.put(c, sym++);
                }
            }
        }
        this.symbols = sym;
        List<int[]> trie = new ArrayList<>();
        List<List<String>> out = new ArrayList<>();
        trie.add(new int[symbols]);
        out.add(new ArrayList<>());
        for (String f : folded) {
            int s = 0;
            for (int i = 0; i < f.length(); i++) {
                int c = symbol(f.charAt(i));
                if (trie.get(s)[c] == 0) {
                    trie.add(new int[symbols]);
                    out.add(new ArrayList<>());
                    trie.get(s)[c] = trie.size() - 1;
                }
                s = trie.get(s)[c];
            }
            out.get(s).add(f);
        }
        int n = trie.size();
        next = trie.toArray(new int[0][]);
        fail = new int[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < symbols; c++) {
            if (next[0][c] != 0) {
                queue.add(next[0][c]);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int c = 0; c < symbols; c++) {
                int t = next[s][c];
                if (t != 0) {
                    fail[t] = next[fail[s]][c];
                    out.get(t).addAll(out.get(fail[t]));
                    queue.add(t);
                } else {
                    next[s][c] = next[fail[s]][c];
                }
            }
        }
        outputs = new String[n][];
        for (int i = 0; i < n; i++) {
            outputs[i] = out.get(i).isEmpty() ? null : out.get(i).toArray(new String[0]);
        }
    }

    private int symbol(char c) {
        if (c < 128) {
            return ascii[c];
        }
        Integer s = nonAscii.get(c);
        return s == null ? OTHER : s;
    }

    /** The distinct phrases found in {@code text}, in order of first appearance; empty if none. */
    List<String> find(String text) {
        if (text == null || text.isEmpty() || outputs.length == 1) {
            return List.of();
        }
        return findFolded(fold(text));
    }

    /** Whether this matcher has no phrase (it never finds anything). */
    boolean isEmpty() {
        return outputs.length == 1;
    }

    /**
     * {@link #find} of text already {@link #fold folded}: lets a caller fold a text once for
     * several matchers.
     */
    List<String> findFolded(String f) {
        if (f.isEmpty() || outputs.length == 1) {
            return List.of();
        }
        List<String> found = null;
        int s = 0;
        for (int i = 0, n = f.length(); i < n; i++) {
            s = next[s][symbol(f.charAt(i))];
            String[] o = outputs[s];
            if (o != null && (i + 1 == n || f.charAt(i + 1) == ' ')) {
                for (String phrase : o) {
                    int start = i + 1 - phrase.length();
                    if (start == 0 || f.charAt(start - 1) == ' ') {
                        if (found == null) {
                            found = new ArrayList<>(2);
                        }
                        if (!found.contains(phrase)) {
                            found.add(phrase);
                        }
                    }
                }
            }
        }
        return found == null ? List.of() : found;
    }

    /**
     * Folds text for matching: lower case, no diacritics, single spaces between words, and no
     * leading or trailing space... except that boundaries are kept as single spaces.
     */
    static String fold(String text) {
        boolean asciiOnly = true;
        for (int i = 0; i < text.length() && asciiOnly; i++) {
            asciiOnly = text.charAt(i) < 128;
        }
        return asciiOnly ? foldAscii(text) : foldUnicode(Normalizer.normalize(text, Normalizer.Form.NFD));
    }

    /** The folding loop over decomposed (NFD) text: marks dropped, letters and digits lower-cased, anything else one space. */
    static String foldUnicode(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        boolean space = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') {
            sb.setLength(len - 1);
        }
        return sb.toString();
    }

    /** {@link #fold} of ASCII text: the same rules without the Unicode tables (no marks to drop; letters and digits are [A-Za-z0-9]). */
    static String foldAscii(String text) {
        char[] out = new char[text.length()];
        int len = 0;
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out[len++] = (char) (c + ('a' - 'A'));
                space = false;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out[len++] = c;
                space = false;
            } else if (!space) {
                out[len++] = ' ';
                space = true;
            }
        }
        if (len > 0 && out[len - 1] == ' ') {
            len--;
        }
        return new String(out, 0, len);
    }

    @Override
    public String toString() {
        return "KeywordMatcher" + Arrays.toString(new int[] {symbols, next.length});
    }
}
