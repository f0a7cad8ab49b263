package org.osecscreener.detect;

import java.util.Map;

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

    /**
     * A store over a map owned by the caller (a hash map of one sender's relationships, as tests,
     * benchmarks and simple embeddings keep them): the profiles are kept as they are, not copied.
     */
    static PairStore of(Map<String, PairProfile> pairs) {
        return new PairStore() {
            @Override
            public PairProfile get(String clusterId) {
                return pairs.get(clusterId);
            }

            @Override
            public void put(String clusterId, PairProfile profile) {
                pairs.put(clusterId, profile);
            }

            @Override
            public void remove(String clusterId) {
                pairs.remove(clusterId);
            }
        };
    }
}
