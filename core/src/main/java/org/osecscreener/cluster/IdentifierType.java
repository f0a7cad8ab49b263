package org.osecscreener.cluster;

import org.osecscreener.privacy.Mask;

/**
 * The kinds of identifier that can link two beneficiaries, each with its strength and the way
 * it is masked for display.
 *
 * <p>Strong identifiers (phone, wallet, account, e-mail, device) belong to one person or
 * household in the ordinary case; weak ones (address, name, pick-up location) are shared by
 * strangers often enough that they are off by default or limited by the hub threshold. See
 * {@code docs/clustering.md}.
 */
public enum IdentifierType {
    /** Phone number in E.164 (also an e-wallet id that is a phone number). Strong. */
    PHONE("phone", true),
    /** E-wallet id that is not a phone number. Strong. */
    WALLET("wallet", true),
    /** Bank account or IBAN, separators stripped, upper case. Strong. */
    ACCOUNT("account", true),
    /** E-mail address, trimmed, lower case. Strong. */
    EMAIL("email", true),
    /** Device id, trimmed. Strong. */
    DEVICE("device", true),
    /** Postal address, folded, abbreviations unified. Weak. */
    ADDRESS("address", false),
    /** Full name folded and token-sorted, qualified by country. Weak; off by default. */
    NAME("name", false),
    /** Cash pick-up location or agent, folded like an address. Weak; off by default. */
    PICKUP_LOCATION("pickup_location", false);

    private static final IdentifierType[] VALUES = values();

    private final String tag;
    private final boolean strong;

    IdentifierType(String tag, boolean strong) {
        this.tag = tag;
        this.strong = strong;
    }

    /** The lower-case name used in JSON, pseudonyms and explanations, for example {@code pickup_location}. */
    public String tag() {
        return tag;
    }

    /** Whether an equal value is strong evidence that two beneficiaries are one party or household. */
    public boolean strong() {
        return strong;
    }

    /**
     * The masked form of a normalised value of this type, for display.
     *
     * @param value a normalised value (or a pseudonym)
     * @return the masked value, never the whole value
     */
    public String mask(String value) {
        switch (this) {
            case PHONE:
                return Mask.phone(value);
            case EMAIL:
                return Mask.email(value);
            case ACCOUNT:
                return Mask.account(value);
            default:
                // country-qualified values ("PH|12 rizal street"): keep the country, mask the rest
                if (value.length() > 3 && value.charAt(2) == '|') {
                    return value.substring(0, 3) + Mask.text(value.substring(3));
                }
                return Mask.text(value);
        }
    }

    /**
     * The type with the given {@linkplain #tag() tag}.
     *
     * @param tag for example {@code phone}
     * @return the type
     * @throws IllegalArgumentException if no type has this tag
     */
    public static IdentifierType ofTag(String tag) {
        for (IdentifierType t : VALUES) {
            if (t.tag.equals(tag)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown identifier type '" + tag + "'; accepted: phone, wallet, account,"
                + " email, device, address, name, pickup_location");
    }

    static IdentifierType ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
