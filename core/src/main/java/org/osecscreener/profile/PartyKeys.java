package org.osecscreener.profile;

import org.osecscreener.cluster.AddressNormaliser;
import org.osecscreener.cluster.NameNormaliser;
import org.osecscreener.privacy.ingest.IngestPseudonymiser;
import org.osecscreener.privacy.PseudonymTokens;

/**
 * Small keys of a party's folded surname and normalised address, compared for family
 * mitigation (payees sharing the sender's or each other's surname or address). Zero means "no
 * value" and never matches. A name or address pseudonymised at ingest
 * ({@link IngestPseudonymiser}) gives the key of its {@code surname:} or {@code family_address:}
 * pseudonym, so that keys are equal exactly when the raw surnames or addresses are.
 */
public final class PartyKeys {
    private PartyKeys() {
    }

    /** A non-zero key of the folded surname of {@code name}, or 0 when there is none. */
    public static int surname(String name) {
        if (name == null || name.isBlank()) {
            return 0;
        }
        if (PseudonymTokens.isPseudonymised(name)) {
            return body(PseudonymTokens.find(name, IngestPseudonymiser.SURNAME));
        }
        return Hashing.hash32(NameNormaliser.surname(name));
    }

    /**
     * A non-zero key of the maternal middle name of {@code name} (Filipino convention: given names,
     * the mother's maiden surname, the surname), or 0 when the name has none. Relatives on the
     * mother's side carry it as their surname.
     */
    public static int middle(String name) {
        if (name == null || name.isBlank()) {
            return 0;
        }
        if (PseudonymTokens.isPseudonymised(name)) {
            return body(PseudonymTokens.find(name, IngestPseudonymiser.MIDDLE));
        }
        String middle = NameNormaliser.fold(name).middleName();
        return middle.isEmpty() ? 0 : Hashing.hash32(middle);
    }

    /** The key of a pseudonym token's body (after {@code tag:}), 0 without a token: surname and middle tokens of one value compare equal. */
    private static int body(String token) {
        return token == null ? 0 : Hashing.hash32(token.substring(token.indexOf(':') + 1));
    }

    /** A non-zero key of the normalised {@code address}, or 0 when there is none. */
    public static int address(String address) {
        if (address == null || address.isBlank()) {
            return 0;
        }
        if (PseudonymTokens.isPseudonymised(address)) {
            return Hashing.hash32(PseudonymTokens.find(address, IngestPseudonymiser.FAMILY_ADDRESS));
        }
        return Hashing.hash32(AddressNormaliser.normalise(address));
    }
}
