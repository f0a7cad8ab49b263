package org.osecscreener.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds personal names for comparison and extracts surnames, coping with Filipino names.
 *
 * <p>Folding: case, diacritics and punctuation are folded ({@code "Peña-Santos, Ma. Luisa"}
 * becomes the tokens {@code pena santos ma luisa}), and the comparison {@linkplain FoldedName#key()
 * key} sorts the tokens, so token order does not matter.
 *
 * <p>Surname extraction, in order:
 * <ol>
 *   <li>a comma not followed only by suffixes means "surname, given names": the surname is
 *       what comes before it ({@code "Dela Cruz, Juan"});</li>
 *   <li>otherwise trailing generational suffixes are dropped ({@code jr, sr, ii, iii, iv}) and
 *       the surname is the last token together with any particles just before it:
 *       {@value #PARTICLE_LIST}; {@code sta} and {@code sto} count as {@code santa} and
 *       {@code santo}. At least one given name is left;</li>
 *   <li>the surname's tokens are joined without spaces, so {@code "de la Cruz"},
 *       {@code "Dela Cruz"} and {@code "DELACRUZ"} give {@code delacruz}.</li>
 * </ol>
 * "Maria Clara Reyes Santos" (two given names, maternal middle name, surname) gives surname
 * {@code santos} and middle name {@code reyes}.
 *
 * <p>Stateless and thread-safe.
 */
public final class NameNormaliser {
    static final String PARTICLE_LIST = "de, del, dela, della, delos, delas, la, las, los, san, santa, santo, "
            + "sta, sto, da, das, do, dos, di, van, von, der, den, mac, mc";
    private static final Set<String> PARTICLES = Set.of(PARTICLE_LIST.split(", "));
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");
    private static final Map<String, String> PARTICLE_SPELLING = Map.of("sta", "santa", "sto", "santo");

    private NameNormaliser() {
    }

    /**
     * Folds a full name.
     *
     * @param fullName the name as given, may be {@code null}
     * @return the folded name; {@linkplain FoldedName#isEmpty() empty} if nothing was left
     */
    public static FoldedName fold(String fullName) {
        if (fullName == null) {
            return new FoldedName(List.of(), "", "", "");
        }
        int comma = fullName.indexOf(',');
        if (comma >= 0) {
            List<String> before = Fold.tokens(fullName.substring(0, comma));
            List<String> after = Fold.tokens(fullName.substring(comma + 1));
            if (!before.isEmpty() && !after.isEmpty() && !SUFFIXES.containsAll(after)) {
                List<String> all = new ArrayList<>(before);
                all.addAll(after);
                List<String> given = withoutSuffixes(after);
                String middle = given.size() >= 2 ? middle(given.get(given.size() - 1)) : "";
                return new FoldedName(all, key(all), join(before), middle);
            }
        }
        List<String> tokens = Fold.tokens(fullName);
        List<String> core = withoutSuffixes(tokens);
        if (core.isEmpty()) {
            return new FoldedName(tokens, key(tokens), "", "");
        }
        int start = core.size() - 1;
        while (start > 1 && PARTICLES.contains(core.get(start - 1))) {
            start--;
        }
        String surname = join(core.subList(start, core.size()));
        String middle = start >= 2 ? middle(core.get(start - 1)) : "";
        return new FoldedName(tokens, key(tokens), surname, middle);
    }

    /**
     * The folded surname of a full name, as {@link FoldedName#surname()}.
     *
     * @param fullName the name as given, may be {@code null}
     * @return the surname, {@code ""} if none
     */
    public static String surname(String fullName) {
        return fold(fullName).surname();
    }

    /**
     * The order-insensitive comparison key of a full name, as {@link FoldedName#key()}.
     *
     * @param fullName the name as given, may be {@code null}
     * @return the key, {@code ""} if nothing was left after folding
     */
    public static String key(String fullName) {
        return fold(fullName).key();
    }

    private static List<String> withoutSuffixes(List<String> tokens) {
        int end = tokens.size();
        while (end > 1 && SUFFIXES.contains(tokens.get(end - 1))) {
            end--;
        }
        return tokens.subList(0, end);
    }

    private static String middle(String token) {
        // "Ma." abbreviates the given name Maria, never a middle name
        return token.length() <= 1 || token.equals("ma") || PARTICLES.contains(token) ? "" : token;
    }

    private static String join(List<String> tokens) {
        StringBuilder sb = new StringBuilder(24);
        for (String t : tokens) {
            sb.append(PARTICLE_SPELLING.getOrDefault(t, t));
        }
        return sb.toString();
    }

    private static String key(List<String> tokens) {
        List<String> sorted = new ArrayList<>(tokens);
        sorted.sort(null);
        return String.join(" ", sorted);
    }
}
