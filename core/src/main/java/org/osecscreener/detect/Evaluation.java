package org.osecscreener.detect;

import org.osecscreener.model.Transaction;
import org.osecscreener.profile.PairProfile;
import org.osecscreener.profile.SenderProfile;

/** The inputs of the detectors for one transaction, after the profiles counted it. */
final class Evaluation {
    static final long DAY = 86_400L;

    Transaction tx;
    ClusterView view;
    SenderProfile sender;
    PairProfile pair;
    /** Amount in the bundle's base currency. */
    double base;
    long second;
    int day;
    boolean night;
    /** Whether this was the sender's first transfer to the beneficiary's country. */
    boolean newCountry;
    int senderSurname;
    int senderAddress;
    boolean toSourceCountry;
    /** The sender's and beneficiary's watchlist matches ({@code NONE} without watchlists). */
    org.osecscreener.findings.WatchlistMatches matches = org.osecscreener.findings.WatchlistMatches.NONE;
}
