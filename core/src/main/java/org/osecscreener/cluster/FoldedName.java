package org.osecscreener.cluster;

import java.util.List;
import java.util.Objects;

/**
 * A person's name folded for comparison, with the family names picked out.
 *
 * <p>Made by {@link NameNormaliser#fold(String)}. Filipino names usually run
 * <em>given names, maternal middle name, surname</em> ("Maria Clara Reyes Santos"), so
 * {@link #middleName()} is the candidate maternal surname: relatives on the mother's side
 * share it as their surname.
 *
 * @param tokens     the folded tokens in the order written (surname first for "Santos, Maria")
 * @param key        the tokens sorted and joined by single spaces: equal for the same name
 *                   written in any token order ({@code "clara maria reyes santos"})
 * @param surname    the folded surname with particles joined and spaces removed
 *                   ({@code "delacruz"} for "de la Cruz" and "Dela Cruz"), or {@code ""} if
 *                   the name has no letters
 * @param middleName the folded token just before the surname when at least two tokens come
 *                   before it and it is not an initial: usually the maternal middle name,
 *                   sometimes a second given name; {@code ""} when there is none
 */
public record FoldedName(List<String> tokens, String key, String surname, String middleName) {
    /** @throws NullPointerException if a component is {@code null} */
    public FoldedName {
        tokens = List.copyOf(tokens);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(middleName, "middleName");
    }

    /** Whether the name had nothing to fold (only punctuation, or {@code null}). */
    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /**
     * Whether this name and another share a family name: equal surnames, or one's surname equal
     * to the other's maternal middle name. Empty names share nothing.
     *
     * @param other the other name
     * @return {@code true} if a family name is shared
     */
    public boolean sharesFamilyName(FoldedName other) {
        if (surname.isEmpty() || other.surname.isEmpty()) {
            return false;
        }
        return surname.equals(other.surname)
                || (!middleName.isEmpty() && middleName.equals(other.surname))
                || (!other.middleName.isEmpty() && other.middleName.equals(surname));
    }

    /** The key, masked. Names are personal data. */
    @Override
    public String toString() {
        return "FoldedName[" + org.osecscreener.privacy.Mask.text(key) + "]";
    }
}
