package org.osecscreener.cluster;

/**
 * Something noteworthy that happened while normalising a party's identifiers. Flags are
 * reported with the resolution; none of them stops resolution.
 */
public enum NormalisationFlag {
    /** The phone number could not be parsed; it was kept in raw-folded form (it still links to an identical raw value). */
    UNPARSEABLE_PHONE("unparseable_phone"),
    /** The e-wallet id is a phone number and was linked as that phone number. */
    WALLET_IS_PHONE("wallet_is_phone"),
    /** At least one field held a placeholder ("N/A", "none", zeros, ...) and was ignored. */
    PLACEHOLDER_IGNORED("placeholder_ignored");

    private final String tag;

    NormalisationFlag(String tag) {
        this.tag = tag;
    }

    /** The lower-case name used in JSON output, for example {@code unparseable_phone}. */
    public String tag() {
        return tag;
    }
}
