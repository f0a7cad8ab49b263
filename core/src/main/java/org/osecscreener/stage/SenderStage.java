package org.osecscreener.stage;

import org.osecscreener.detect.ClusterView;
import org.osecscreener.detect.PartialAssessment;
import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.findings.WatchlistMatches;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.PairProfile;
import org.osecscreener.profile.SenderProfile;
import org.osecscreener.profile.TransferRing;

/**
 * The sender step around the engine's: expiry of the sender's state and the sender → cluster cap.
 * Both shells call {@link #step} once per transaction, keyed by sender, in arrival order.
 *
 * <p><b>Expiry.</b> A sender's profile and its sender → cluster profiles are one unit: forgotten
 * together when the sender's latest transfer is more than the retention of the bundle that screens
 * the transaction before the transaction's day ({@link Retention}; the sender's own clock: a late
 * transfer never ages its sender). The latest transfer day is read from the profile itself (the
 * newest of the beneficiary countries it paid), so that the job needs no new state for it.
 *
 * <p><b>The cap.</b> A sender keeps at most {@link #PAIRS_PER_SENDER} sender → cluster profiles.
 * When a transfer starts a relationship beyond that, the relationship whose latest transfer is the
 * oldest in event time is dropped (ties: the smaller cluster id), never the one just paid. Event
 * time rather than the order of use, so that the job's map state, which keeps no order, drops the
 * same one as the embedded screener.
 *
 * <p>Stateless; the store holds the state. Nothing is allocated beyond the engine's own, a new
 * profile for a new sender.
 */
public final class SenderStage {
    /** Most sender → cluster relationships kept per sender. */
    public static final int PAIRS_PER_SENDER = 64;

    private SenderStage() {
    }

    /**
     * Forgets the sender's state if it expired, runs the engine's sender step and keeps the cap.
     *
     * @param engine  the engine of the bundle that screens {@code tx}
     * @param store   the sender's state (updated)
     * @param tx      the transaction
     * @param view    the cluster stage's view of its payee cluster
     * @param matches the watchlist matches of its parties, {@link WatchlistMatches#NONE} if none
     * @return the hits so far, for {@link FinalStage}
     */
    public static PartialAssessment step(ScreeningEngine engine, SenderStore store, Transaction tx, ClusterView view,
                                         WatchlistMatches matches) {
        SenderProfile profile = store.profile();
        if (profile != null && profile.transfers() > 0
                && expired(profile, Retention.day(tx.timestamp().toEpochSecond()), Retention.days(engine))) {
            store.clear();
            profile = null;
        }
        if (profile == null) {
            profile = new SenderProfile();
        }
        PartialAssessment partial = engine.senderStep(profile, store, tx, view, matches);
        store.putProfile(profile);
        if (store.addedPair() && profile.transfers() > PAIRS_PER_SENDER && store.pairCount() > PAIRS_PER_SENDER) {
            keepCap(store, view.clusterId());
        }
        return partial;
    }

    /**
     * Whether a sender whose profile is {@code profile} is forgotten for a transaction of
     * {@code day}: no transfer of it on or after the retention's oldest day.
     */
    public static boolean expired(SenderProfile profile, int day, int retentionDays) {
        return profile.countries().countSince(Retention.oldestDay(day, retentionDays)) == 0;
    }

    /**
     * The first stream day from which a shell may drop a sender's whole state without changing a
     * decision ("clean-up is not a decision", {@link Retention}): the sender's latest transfer day
     * plus twice the retention plus one.
     *
     * <p>Why that day. Once the stream's clock (the latest event day the global stage admitted) has
     * reached it, the global stage admits only transactions of day {@code t >= clock - R}, where
     * {@code R} is the longest retention among the bundles it holds ({@link BundleStage#retentionDays});
     * so {@code t >= latest + R + 1}, and for any bundle of retention {@code r <= R} the sender's
     * latest transfer is before {@link Retention#oldestDay}{@code (t, r) = t - r}: the state is
     * {@link #expired} for every transaction that can still reach the sender, however late it arrives.
     *
     * @param profile       the sender's profile
     * @param retentionDays {@code R}, the longest retention among the bundles known ({@link Retention#days})
     * @return a UTC epoch day; {@link Long#MIN_VALUE} for a profile with no transfer day, which every
     *         transaction finds expired
     */
    public static long forgettableFrom(SenderProfile profile, int retentionDays) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retention must be at least one day, was " + retentionDays);
        }
        int latest = profile.countries().latestDay();
        return latest == Integer.MIN_VALUE ? Long.MIN_VALUE : (long) latest + 2L * retentionDays + 1;
    }

    /** Drops relationships beyond the cap, the least recent in event time first, never {@code current}. */
    private static void keepCap(SenderStore store, String current) {
        for (int n = store.pairCount(); n > PAIRS_PER_SENDER; n = store.pairCount()) {
            String victim = null;
            long victimSecond = 0;
            for (int i = 0; i < n; i++) {
                String id = store.pairId(i);
                if (id.equals(current)) {
                    continue;
                }
                long s = latestSecond(store.get(id));
                if (victim == null || s < victimSecond || (s == victimSecond && id.compareTo(victim) < 0)) {
                    victim = id;
                    victimSecond = s;
                }
            }
            if (victim == null) {
                return;
            }
            store.remove(victim);
        }
    }

    /** The epoch second of the latest transfer of a relationship ({@link Long#MIN_VALUE} if none). */
    public static long latestSecond(PairProfile p) {
        if (p == null) {
            return Long.MIN_VALUE;
        }
        TransferRing r = p.recent();
        return r.size() == 0 ? Long.MIN_VALUE : r.second(r.size() - 1);
    }
}
