package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code reporting} section: what case reports built from this bundle's alerts carry for
 * the suspicious transaction report (see {@code docs/cases.md}). Versioned with the bundle, so a
 * case names the bundle its key terms came from.
 *
 * @param keyTerms the key terms per financial intelligence unit, at most 20; default none
 */
public record Reporting(List<KeyTerms> keyTerms) {
    /** Most key-term entries. */
    public static final int MAX_KEY_TERMS = 20;
    /** No key terms. */
    public static final Reporting NONE = new Reporting(List.of());

    /** @throws IllegalArgumentException if there are too many entries or one authority and reference repeats */
    public Reporting {
        keyTerms = Check.list("reporting.keyTerms", keyTerms);
        if (keyTerms.size() > MAX_KEY_TERMS) {
            throw new IllegalArgumentException("reporting.keyTerms has " + keyTerms.size() + " entries; at most "
                    + MAX_KEY_TERMS + " are accepted");
        }
        Set<String> seen = new HashSet<>();
        for (KeyTerms k : keyTerms) {
            if (!seen.add(k.authority() + " " + k.reference())) {
                throw new IllegalArgumentException("reporting.keyTerms lists " + k.authority() + " " + k.reference()
                        + " more than once");
            }
        }
    }

    @JsonCreator
    static Reporting fromJson(@JsonProperty("keyTerms") List<KeyTerms> keyTerms) {
        return new Reporting(keyTerms == null ? List.of() : keyTerms);
    }
}
