package org.osecscreener.cluster;

import java.util.Objects;

/**
 * One recorded link between two beneficiaries: they share an identifier.
 *
 * @param from        the beneficiary that presented the identifier when the link was made
 * @param to          the beneficiary that already held it
 * @param type        the identifier type
 * @param maskedValue the shared identifier, masked
 */
public record Link(String from, String to, IdentifierType type, String maskedValue) {
    /** @throws NullPointerException if a component is {@code null} */
    public Link {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(maskedValue, "maskedValue");
    }

    /** In words, for example {@code B-2 shares phone +63917•••4567 with B-1}. */
    public String describe() {
        return from + " shares " + type.tag() + " " + maskedValue + " with " + to;
    }
}
