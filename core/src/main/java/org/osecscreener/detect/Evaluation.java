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

    private KeywordMatcher lastMatcher;
    private List<String> lastFound;

    /** The phrases of {@code matcher} in the payment reference, found once per matcher and transaction. */
    List<String> found(KeywordMatcher matcher) {
        if (matcher != lastMatcher) {
            lastFound = matcher.find(tx.purpose());
            lastMatcher = matcher;
        }
        return lastFound;
    }
}
