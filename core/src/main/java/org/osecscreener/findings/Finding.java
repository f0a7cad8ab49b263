package org.osecscreener.findings;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

import org.osecscreener.cluster.IdentifierType;

/**
 * One entry of a findings list: a keyed-hash pseudonym of one normalised identifier, with what
 * a partner needs to weigh a match. Holds no raw value.
 *
 * @param token      {@code type.tag() + ":" +} 22 base64url characters: the pseudonym of the
 *                   normalised value under the coalition key ({@link CoalitionKey})
 * @param type       the identifier type; must equal the token's prefix
 * @param date       when the finding was made (for an exported case, the day of its last alert)
 * @param confidence how sure the source is, in (0, 1]; the {@code watchlist_match} sub-score
 * @param seenAs     where the identifier was seen: {@code payee}, {@code sender} or {@code tip}; or {@code null}
 * @param source     who found it, when it differs from the list's source; or {@code null}
 * @param reference  the source's own reference (a case id), at most 64 characters of
 *                   {@code A-Z a-z 0-9 . _ : -}; or {@code null}
 */
public record Finding(String token, IdentifierType type, LocalDate date, double confidence, String seenAs,
                      String source, String reference) {
    /** Accepted {@code seenAs} values. */
    public static final java.util.List<String> SEEN_AS = java.util.List.of("payee", "sender", "tip");
    /** Longest accepted source text. */
    public static final int MAX_SOURCE = 200;
    /** Accepted {@code reference} values (the exporters check case ids against it). */
    public static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** @throws IllegalArgumentException if a component is outside what is documented (the message names it) */
    public Finding {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        if (!Tokens.isPseudonym(token)) {
            throw new IllegalArgumentException("token is not a pseudonym: expected a type tag, ':' and 22 base64url"
                    + " characters (128 bits)");
        }
        if (Tokens.typeOf(token) != type) {
            throw new IllegalArgumentException("token is tagged " + Tokens.typeOf(token).tag() + " but type is "
                    + type.tag());
        }
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence was " + confidence + "; accepted: (0, 1]");
        }
        if (seenAs != null && !SEEN_AS.contains(seenAs)) {
            throw new IllegalArgumentException("seenAs was '" + seenAs + "'; accepted: " + String.join(", ", SEEN_AS));
        }
        if (source != null && (source.isBlank() || source.length() > MAX_SOURCE)) {
            throw new IllegalArgumentException("source must be 1-" + MAX_SOURCE + " characters, not blank");
        }
        if (reference != null && !REFERENCE.matcher(reference).matches()) {
            throw new IllegalArgumentException("reference is not accepted; accepted: 1-64 characters of A-Z, a-z,"
                    + " 0-9, '.', '_', ':', '-'");
        }
    }
}
