package org.osecscreener.model;

/**
 * Maximum lengths, in UTF-16 characters, of every string field of the transaction format.
 *
 * <p>These bounds are part of the public contract documented in {@code docs/transaction-format.md}:
 * a value longer than its bound is rejected by the codec (never truncated), so that one
 * oversized record cannot blow up state or logs downstream.
 */
public final class Limits {
    private Limits() {
    }

    /** Transaction id and party ids. */
    public static final int ID = 128;
    /** Party name. */
    public static final int NAME = 200;
    /** Account number or IBAN. */
    public static final int ACCOUNT = 64;
    /** Phone number as given. */
    public static final int PHONE = 40;
    /** E-wallet id as given. */
    public static final int WALLET = 64;
    /** E-mail address (RFC 5321 path limit). */
    public static final int EMAIL = 254;
    /** Postal address. */
    public static final int ADDRESS = 300;
    /** Cash pick-up location or agent. */
    public static final int PICKUP_LOCATION = 200;
    /** Device id. */
    public static final int DEVICE = 128;
    /** IP address (an IPv6 address with zone fits). */
    public static final int IP = 64;
    /** Free-text purpose or payment reference. */
    public static final int PURPOSE = 500;
    /** Label scenario name. */
    public static final int SCENARIO = 64;
    /** The amount as written (digits, sign, point, exponent). */
    public static final int AMOUNT_TEXT = 40;
    /** The timestamp as written. */
    public static final int TIMESTAMP_TEXT = 64;
    /** Largest amount accepted, in major units of any currency (one trillion). */
    public static final long MAX_MAJOR_UNITS = 1_000_000_000_000L;
    /** A whole input line, in bytes of UTF-8; longer lines are rejected before parsing. */
    public static final int LINE_BYTES = 16 * 1024;
}
