package org.osecscreener.findings;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The first line of a findings list: what the list is, who made it, when, and with which key.
 *
 * @param list     the list's name, as rule bundles name it ({@code watchlist_match.lists}):
 *                 1-64 characters of {@code a-z 0-9 _}, starting with a letter
 * @param source   who made the list (a partner, an FIU, a hotline), 1-200 characters
 * @param created  the day the list was written
 * @param keyCheck the coalition key's check value ({@link CoalitionKey#checkValue()})
 * @param entries  the number of entry lines that follow
 */
public record FindingsHeader(String list, String source, LocalDate created, String keyCheck, long entries)
        implements java.io.Serializable {
    /** The {@code format} field of every findings file. */
    public static final String FORMAT = "osec-findings";
    /** The {@code formatVersion} this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The {@code algorithm} field: HMAC-SHA256 over {@code tag:value}, cut to 128 bits. */
    public static final String ALGORITHM = "HMAC-SHA256-128";
    static final Pattern LIST_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    static final String LIST_NAME_RULE = "accepted: 1-64 characters of a-z, 0-9, '_', starting with a letter";

    /** @throws IllegalArgumentException if a component is outside what is documented (the message names it) */
    public FindingsHeader {
        if (list == null || !LIST_NAME.matcher(list).matches()) {
            throw new IllegalArgumentException("list name is not accepted; " + LIST_NAME_RULE);
        }
        if (source == null || source.isBlank() || source.length() > Finding.MAX_SOURCE) {
            throw new IllegalArgumentException("source must be 1-" + Finding.MAX_SOURCE + " characters, not blank");
        }
        Objects.requireNonNull(created, "created");
        if (keyCheck == null || !keyCheck.startsWith("kcv:") || !Tokens.bits(keyCheck, new long[2])) {
            throw new IllegalArgumentException("keyCheck is not a key check value (kcv: and 22 base64url characters)");
        }
        if (entries < 0) {
            throw new IllegalArgumentException("entries was " + entries + "; accepted: 0 or more");
        }
    }
}
