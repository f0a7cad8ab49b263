package org.osecscreener.profile;

import org.osecscreener.cluster.AddressNormaliser;
import org.osecscreener.cluster.NameNormaliser;

/**
 * Small keys of a party's folded surname and normalised address, compared for family
 * mitigation (payees sharing the sender's or each other's surname or address). Zero means "no
 * value" and never matches.
 */
public final class PartyKeys {
    private PartyKeys() {
    }

    /** A non-zero key of the folded surname of {@code name}, or 0 when there is none. */
    public static int surname(String name) {
        if (name == null || name.isBlank()) {
            return 0;
        }
        return Hashing.hash32(NameNormaliser.surname(name));
    }

    /** A non-zero key of the normalised {@code address}, or 0 when there is none. */
    public static int address(String address) {
        if (address == null || address.isBlank()) {
            return 0;
        }
        return Hashing.hash32(AddressNormaliser.normalise(address));
    }
}
