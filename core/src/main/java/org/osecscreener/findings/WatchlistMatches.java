package org.osecscreener.findings;

import java.util.List;

/**
 * Every watchlist match of one transfer's sender and beneficiary, across every supplied list,
 * whatever the rule bundle; the {@code watchlist_match} detector filters them by its settings.
 *
 * @param matches the matches, sender's first; usually empty
 */
public record WatchlistMatches(List<WatchlistMatch> matches) {
    /** No match (and no watchlist). */
    public static final WatchlistMatches NONE = new WatchlistMatches(List.of());

    /** @throws NullPointerException if the list or a match is {@code null} */
    public WatchlistMatches {
        matches = List.copyOf(matches);
    }

    /** Whether there is no match. */
    public boolean isEmpty() {
        return matches.isEmpty();
    }
}
