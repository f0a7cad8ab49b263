package org.osecscreener.stage;

import org.osecscreener.detect.PairStore;
import org.osecscreener.profile.SenderProfile;

/**
 * One sender's state, as the shell that owns it stores it: its profile and its sender → cluster
 * profiles ({@link PairStore}), one unit for expiry ({@link Retention}). The embedded
 * {@code Screener} keeps both in one table entry; the job's sender stage in keyed value and map
 * state. Called by one thread at a time, for one sender.
 */
public interface SenderStore extends PairStore {
    /** The sender's profile, or {@code null} if there is none. */
    SenderProfile profile();

    /** Stores (or re-stores, after changing it) the sender's profile. */
    void putProfile(SenderProfile profile);

    /** Forgets the sender's profile and every one of its sender → cluster profiles. */
    void clear();

    /**
     * Whether a {@link #put} since the start of the transaction stored a relationship the store
     * did not hold, so that the cap may be exceeded ({@link SenderStage#PAIRS_PER_SENDER}).
     */
    boolean addedPair();

    /**
     * The number of sender → cluster profiles held. Called only when {@link #addedPair} and the
     * sender has made more transfers than the cap, so a store may count them slowly.
     */
    int pairCount();

    /**
     * The cluster id of the {@code i}-th sender → cluster profile held, {@code 0 <= i < pairCount()},
     * in any order that stays the same until the next change.
     */
    String pairId(int i);
}
