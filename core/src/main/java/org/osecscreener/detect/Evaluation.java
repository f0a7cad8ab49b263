package org.osecscreener.detect;

import java.util.List;

import org.osecscreener.findings.WatchlistMatches;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.PairProfile;
import org.osecscreener.profile.SenderProfile;

/** The inputs of the detectors for one transaction, after the profiles counted it. */
final class Evaluation {
    static final long DAY = 86_400L;

    /** The compiled bundle (shared matchers and tables). */
    CompiledRules rules;
    Transaction tx;
    ClusterView view;
    SenderProfile sender;
    PairProfile pair;
    /** Amount in the bundle's base currency. */
    double base;
    long second;
    int day;
    /** The sender's local hour of day (from the timestamp's offset). */
    int hour;
    boolean night;
    /** Whether this was the sender's first transfer to the beneficiary's country. */
    boolean newCountry;
    int senderSurname;
    /** Key of the sender's maternal middle name (relatives on the mother's side carry it as surname), or 0. */
    int senderMiddle;
    int senderAddress;
    /** Whether sender and payee share a family name (the payee's surname is the sender's surname or maternal middle name) or an address. */
    boolean related;
    boolean toSourceCountry;
    /** Whether sender and beneficiary are in different countries. */
    boolean crossBorder;
    /** Whether a person pays a person in another country (not a business, not within one country). */
    boolean personToPersonAbroad;
    /** Whether the amount is round in its currency ({@link RoundAmounts}). */
    boolean round;
    /** The sender's and beneficiary's watchlist matches ({@code NONE} without watchlists). */
    WatchlistMatches matches = WatchlistMatches.NONE;

    /** The matchers asked so far for this transaction and what each found (a transaction meets at most a few). */
    private KeywordMatcher[] askedMatchers;
    private List<String>[] foundBy;
    private int asked;
    /** The payment reference {@link KeywordMatcher#fold folded} once for every matcher, or {@code null} before. */
    private String foldedPurpose;

    /** The phrases of {@code matcher} in the payment reference, found once per matcher and transaction. */
    @SuppressWarnings("unchecked")
    List<String> found(KeywordMatcher matcher) {
        for (int i = 0; i < asked; i++) {
            if (askedMatchers[i] == matcher) {
                return foundBy[i];
            }
        }
        String purpose = tx.purpose();
        List<String> found;
        if (purpose == null || purpose.isEmpty() || matcher.isEmpty()) {
            found = List.of();
        } else {
            if (foldedPurpose == null) {
                foldedPurpose = KeywordMatcher.fold(purpose);
            }
            found = matcher.findFolded(foldedPurpose);
        }
        if (askedMatchers == null) {
            askedMatchers = new KeywordMatcher[4];
            foundBy = new List[4];
        } else if (asked == askedMatchers.length) {
            askedMatchers = java.util.Arrays.copyOf(askedMatchers, asked * 2);
            foundBy = java.util.Arrays.copyOf(foundBy, asked * 2);
        }
        askedMatchers[asked] = matcher;
        foundBy[asked++] = found;
        return found;
    }
}
