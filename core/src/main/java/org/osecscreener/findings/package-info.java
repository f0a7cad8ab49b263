/**
 * Shared findings and watchlists, the engine side: partners exchange identifiers of confirmed OSEC
 * cases as keyed-hash pseudonyms, never as raw values.
 *
 * <p>{@link org.osecscreener.findings.CoalitionKey} holds the coalition's key (read from a file or
 * an environment variable) and its check value; a {@link org.osecscreener.findings.Finding} is one
 * entry of a list; {@link org.osecscreener.findings.FindingsFile} writes and validates the list
 * format (header with the key check value, one entry per line). The tools that make lists from
 * confirmed cases and from hotline tip lists are in {@code org.osecscreener.tools.findings}.
 *
 * <p>For screening, a loaded {@link org.osecscreener.findings.Watchlist} keeps its 128-bit tokens in
 * a primitive open-addressing table (O(1) lookups, no allocation);
 * {@link org.osecscreener.findings.Watchlists} is the set a screener is given, and
 * {@link org.osecscreener.findings.WatchlistMatcher} finds a transfer's parties on it once per
 * distinct party, for the {@code watchlist_match} rule. The guide is {@code docs/findings.md}.
 */
package org.osecscreener.findings;
