package org.osecscreener.stage;

import org.osecscreener.profile.ClusterProfile;

/**
 * The payee clusters' profiles, as the shell that owns them stores them: a bounded table in the
 * embedded {@code Screener}, map state in the job's cluster stage. Each profile is kept with the
 * event day it was last written on, for expiry ({@link Retention}). Called by one thread at a time.
 */
public interface ClusterStore {
    /**
     * The profile of {@code clusterId}, or {@code null} if there is none or it was last written
     * before {@code oldestDay} (then it is forgotten: the store drops it).
     *
     * @param oldestDay the earliest write day still remembered ({@link Retention#oldestDay})
     */
    ClusterProfile profile(String clusterId, int oldestDay);

    /**
     * Stores (or re-stores, after changing it) the profile of {@code clusterId}, written on
     * {@code day}. The profile may be one {@link #profile} returned and that was changed in place.
     */
    void putProfile(String clusterId, ClusterProfile profile, int day);

    /** Forgets the profile of {@code clusterId} (merged into another). */
    void removeProfile(String clusterId);
}
