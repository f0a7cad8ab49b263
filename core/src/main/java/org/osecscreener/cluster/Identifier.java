package org.osecscreener.cluster;

import java.util.Objects;

/**
 * One normalised identifier of a beneficiary: its type and its normalised value (or a
 * pseudonym of it). Two beneficiaries are linked by an identifier when type and value are equal.
 *
 * <p>The value is personal data: show it only through {@link #masked()}. {@link #toString()}
 * is masked too, so that an identifier that reaches a log by accident does not leak.
 *
 * @param type  the identifier type
 * @param value the normalised value, not empty
 */
public record Identifier(IdentifierType type, String value) {
    /**
     * @throws NullPointerException     if either component is {@code null}
     * @throws IllegalArgumentException if the value is empty
     */
    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("identifier value must not be empty");
        }
    }

    /** The value masked for display, for example {@code +63917•••4567}. */
    public String masked() {
        return type.mask(value);
    }

    @Override
    public int hashCode() {
        return 31 * type.ordinal() + value.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identifier other && type == other.type && value.equals(other.value);
    }

    /** The type and the masked value, for example {@code phone +63917•••4567}. */
    @Override
    public String toString() {
        return type.tag() + " " + masked();
    }
}
