package org.osecscreener.findings;

/**
 * What the identifier values a screener hands to the watchlist matcher are.
 */
public enum IdentifierForm {
    /**
     * Normalised values ({@code +639171234567}), as {@code IdentifierNormaliser} writes them: the
     * matcher hashes each with the coalition key once per distinct party.
     */
    NORMALISED,
    /**
     * Pseudonyms already ({@code phone:} + 22 base64url characters), made at ingest with
     * {@code Pseudonymiser.pseudonym(type.tag(), normalisedValue)} under the <b>coalition key</b>:
     * the matcher decodes them and never hashes. A value that is not a pseudonym is skipped.
     */
    PSEUDONYMISED
}
