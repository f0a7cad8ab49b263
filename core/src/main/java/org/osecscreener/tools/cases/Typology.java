package org.osecscreener.tools.cases;

import java.util.Locale;

/**
 * What a case is about, and so which STR/SAR key terms it carries (the {@code typology} of
 * {@code reporting.keyTerms}, see {@code docs/rules.md#reporting}).
 */
public enum Typology {
    /**
     * Online sexual exploitation of children, the offender side: the alerts on one payee cluster
     * in one period (transaction and look-back assessments, and the cluster's own assessments).
     */
    OSEC,
    /**
     * Financially motivated sextortion, the victim side: the {@code sextortion_victim} alerts on
     * one customer in one period. The customer may be the victim.
     */
    SEXTORTION;

    /** The name in rule bundles and {@code cases.json}: {@code osec} or {@code sextortion}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The typology of a wire name.
     *
     * @throws IllegalArgumentException if the name is neither {@code osec} nor {@code sextortion}
     */
    public static Typology ofWireName(String name) {
        for (Typology t : values()) {
            if (t.wireName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("typology was '" + name + "'; accepted: osec, sextortion");
    }
}
