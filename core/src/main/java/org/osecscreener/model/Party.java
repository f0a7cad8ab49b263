package org.osecscreener.model;

import java.util.Objects;

/**
 * A sender or a beneficiary of a transfer. One type serves both roles.
 *
 * <p>Only {@code id} and {@code country} are required; every other identifier is optional and
 * {@code null} when absent. Identifiers are personal data: never log them raw. Values are kept
 * as given by the source system; normalisation for matching happens in the payee-cluster
 * resolver, not here.
 *
 * @param id             the source system's party id, required
 * @param type           PERSON, BUSINESS or ORGANIZATION; {@code null} becomes PERSON
 * @param name           full name as given
 * @param country        ISO 3166-1 alpha-2 country of residence, required
 * @param account        bank account or IBAN
 * @param phone          phone number as given (any format)
 * @param wallet         e-wallet id (in the Philippines usually the owner's mobile number)
 * @param email          e-mail address
 * @param address        postal address as one line
 * @param pickupLocation cash pick-up location or agent
 * @param device         device id of the initiating device
 * @param ip             IP address of the initiating device
 */
public record Party(String id, PartyType type, String name, String country, String account, String phone,
                    String wallet, String email, String address, String pickupLocation, String device,
                    String ip) {

    /**
     * @throws IllegalArgumentException if {@code id} is blank, {@code country} is not an ISO
     *                                  3166-1 alpha-2 code, or a value exceeds its {@link Limits}
     */
    public Party {
        Checks.required("id", id, Limits.ID);
        if (!Countries.isValid(country)) {
            throw new IllegalArgumentException("country '" + country + "' is not an upper-case ISO 3166-1 alpha-2 code");
        }
        type = type == null ? PartyType.PERSON : type;
        Checks.maxLength("name", name, Limits.NAME);
        Checks.maxLength("account", account, Limits.ACCOUNT);
        Checks.maxLength("phone", phone, Limits.PHONE);
        Checks.maxLength("wallet", wallet, Limits.WALLET);
        Checks.maxLength("email", email, Limits.EMAIL);
        Checks.maxLength("address", address, Limits.ADDRESS);
        Checks.maxLength("pickupLocation", pickupLocation, Limits.PICKUP_LOCATION);
        Checks.maxLength("device", device, Limits.DEVICE);
        Checks.maxLength("ip", ip, Limits.IP);
    }

    /** A party with only the required fields, type PERSON. */
    public static Party of(String id, String country) {
        return new Party(id, PartyType.PERSON, null, country, null, null, null, null, null, null, null, null);
    }

    /** A new builder, for parties with many optional fields. */
    public static Builder builder(String id, String country) {
        return new Builder(id, country);
    }

    /** Builds a {@link Party} field by field; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String country;
        private PartyType type = PartyType.PERSON;
        private String name;
        private String account;
        private String phone;
        private String wallet;
        private String email;
        private String address;
        private String pickupLocation;
        private String device;
        private String ip;

        private Builder(String id, String country) {
            this.id = id;
            this.country = country;
        }

        public Builder type(PartyType v) { this.type = Objects.requireNonNull(v, "type"); return this; }
        public Builder name(String v) { this.name = v; return this; }
        public Builder account(String v) { this.account = v; return this; }
        public Builder phone(String v) { this.phone = v; return this; }
        public Builder wallet(String v) { this.wallet = v; return this; }
        public Builder email(String v) { this.email = v; return this; }
        public Builder address(String v) { this.address = v; return this; }
        public Builder pickupLocation(String v) { this.pickupLocation = v; return this; }
        public Builder device(String v) { this.device = v; return this; }
        public Builder ip(String v) { this.ip = v; return this; }

        /** @throws IllegalArgumentException as {@link Party#Party} does */
        public Party build() {
            return new Party(id, type, name, country, account, phone, wallet, email, address, pickupLocation,
                    device, ip);
        }
    }
}
