package org.osecscreener.cluster;

import java.util.Objects;

/**
 * An identifier shared by more beneficiaries than the hub threshold: an agent's counter, a mall
 * address, an office phone. From the moment it became a hub it links nothing more; links it made
 * before stay.
 *
 * @param type        the identifier type
 * @param maskedValue the identifier, masked
 * @param clusterId   the cluster its first holders were linked into before it became a hub, or
 *                    {@code null} if none of them is still tracked
 */
public record Hub(IdentifierType type, String maskedValue, String clusterId) {
    /** @throws NullPointerException if {@code type} or {@code maskedValue} is {@code null} */
    public Hub {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(maskedValue, "maskedValue");
    }

    /** In words, for example {@code address PH|bl•••ila (hub; had linked C-7)}. */
    public String describe() {
        return type.tag() + " " + maskedValue + (clusterId == null ? " (hub)" : " (hub; had linked " + clusterId + ")");
    }
}
