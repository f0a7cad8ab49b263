package org.osecscreener.detect;

import org.osecscreener.profile.PairProfile;

/**
 * One sender's sender → cluster profiles, as the shell that owns them stores them (a Caffeine map
 * in the embedded Screener, keyed map state in Flink). Called by one thread at a time.
 */
public interface PairStore {
    /** The profile of the relationship with {@code clusterId}, or {@code null}. */
    PairProfile get(String clusterId);

    /** Stores (or re-stores, after changing it) the profile for {@code clusterId}. */
    void put(String clusterId, PairProfile profile);

    /** Forgets the profile for {@code clusterId}. */
    void remove(String clusterId);
}
