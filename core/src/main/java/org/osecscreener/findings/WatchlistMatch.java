package org.osecscreener.findings;

import java.time.LocalDate;
import java.util.Objects;

import org.osecscreener.cluster.IdentifierType;

/**
 * One identifier of a transfer's sender or beneficiary found on a watchlist: the evidence a
 * {@code watchlist_match} hit reports. Holds no identifier value.
 *
 * @param list       the list's name
 * @param role       whose identifier matched
 * @param type       the identifier's type
 * @param confidence the entry's confidence, in (0, 1]
 * @param date       the entry's date
 * @param source     the entry's source (the list's source unless the entry names another)
 * @param reference  the source's reference (a case id), or {@code null}
 * @param seenAs     where the source saw the identifier ({@code payee}, {@code sender}, {@code tip}), or {@code null}
 */
public record WatchlistMatch(String list, Role role, IdentifierType type, double confidence, LocalDate date,
                             String source, String reference, String seenAs) {
    /** @throws NullPointerException if a required component is {@code null} */
    public WatchlistMatch {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
    }

    /** In words, for a reason: {@code beneficiary phone on list coalition_ph (source X, 2026-03-11, confidence 0.90, ref CASE-…)}. */
    public String describe() {
        return role.tag() + " " + type.tag() + " on list " + list + " (source " + source + ", " + date
                + String.format(java.util.Locale.ROOT, ", confidence %.2f", confidence)
                + (seenAs == null ? "" : ", seen as " + seenAs) + (reference == null ? "" : ", ref " + reference) + ")";
    }
}
