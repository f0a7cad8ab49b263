/**
 * Shared findings and watchlists: partners exchange identifiers of confirmed OSEC cases as
 * keyed-hash pseudonyms, never as raw values.
 *
 * <p>{@link org.osecscreener.findings.CoalitionKey} holds the coalition's key (read from a file or
 * an environment variable) and its check value; {@link org.osecscreener.findings.FindingsExport}
 * turns confirmed cases into {@link org.osecscreener.findings.Finding}s over exactly the normalised
 * forms the payee-cluster resolver uses; {@link org.osecscreener.findings.TipList} hashes a
 * hotline's CSV tip list the same way; {@link org.osecscreener.findings.FindingsFile} writes and
 * validates the list format (header with the key check value, one entry per line).
 *
 * <p>For screening, a loaded {@link org.osecscreener.findings.Watchlist} keeps its 128-bit tokens in
 * a primitive open-addressing table (O(1) lookups, no allocation);
 * {@link org.osecscreener.findings.Watchlists} is the set a screener is given, and
 * {@link org.osecscreener.findings.WatchlistMatcher} finds a transfer's parties on it once per
 * distinct party, for the {@code watchlist_match} rule. The guide is {@code docs/findings.md}.
 */
package org.osecscreener.findings;
