package org.osecscreener.stage;

import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.rules.RuleBundle;

/**
 * How long screening state is remembered: the one definition of expiry both shells use, in event
 * time only.
 *
 * <p><b>Why one clock.</b> The embedded screener used to age its tables by the wall clock, the
 * job's sender stage by Flink's processing-time TTL and its global stages by event-time sweeps; a
 * replay of last year's file and the same traffic live then forgot different things. Here the only
 * clock is the event time of the transactions, in UTC epoch days.
 *
 * <p><b>The rule.</b> Every stored value remembers the latest event day that wrote it. When a
 * transaction is screened, a value is forgotten (read as absent, and dropped) if that day is more
 * than the <em>retention</em> before the stage's clock ({@link #expired}). The retention is that
 * of the bundle that screens the transaction: its longest window plus one day ({@link #days}).
 * The clock of a stage is the latest event day it has screened: for the cluster stage and the
 * final step, over the whole stream; for the sender step, over the sender's own transactions
 * (the job's sender stage is keyed and has no stream-wide clock), which is the transaction's own
 * day unless it arrives late. What each stage stores, and the day it keeps with it:
 * <ul>
 *   <li>cluster profiles ({@link ClusterStage}): the clock day of the latest write;</li>
 *   <li>a sender's profile and its sender → cluster profiles, as one unit ({@link SenderStage}):
 *       the day of the sender's latest transfer. Relationships do not expire on their own while
 *       the sender stays active (forgetting them one by one changed a decision on the
 *       second-opinion set);</li>
 *   <li>cluster risk, cluster alerts and queue items ({@link FinalStage}): the latest transfer of
 *       any sender kept in the risk profile, the alert's own day, the item's last update.</li>
 * </ul>
 *
 * <p><b>Admission.</b> The global stage, which holds every bundle, refuses a transaction older than
 * {@link BundleStage#retentionDays()} before its clock (the longest retention among the bundles
 * held), remembers transaction ids for as long, and forgets bundles that only screen days older
 * than that. A transaction it admits thus always finds its bundle and its duplicates.
 *
 * <p><b>Clean-up is not a decision.</b> What each shell does to free memory (the embedded
 * screener's bounded tables, ageing by the same event clock; the job's sweeps every
 * {@code 131,072} records) only drops values the rule already forgets, using the longest retention
 * among the bundles known. Two limits, both documented in {@code docs/architecture.md}: when a new
 * bundle lengthens the retention, values aged between the old and the new retention may already
 * have been dropped by one shell's clean-up and not the other's; and the job's sender stage keeps
 * Flink's processing-time TTL (which cannot be removed without breaking savepoints) as a memory
 * backstop, which in a live stream can drop a relationship unused for longer than the TTL.
 *
 * <p>Stateless; thread-safe.
 */
public final class Retention {
    /** Seconds in a day. */
    public static final long DAY = 86_400L;

    private Retention() {
    }

    /**
     * The retention of a bundle, in days: its longest window plus one day.
     *
     * @param engine the compiled bundle
     * @return at least 2
     */
    public static int days(ScreeningEngine engine) {
        return Math.max(1, engine.longestWindowDays()) + 1;
    }

    /** The retention of {@code bundle}, in days ({@link #days(ScreeningEngine)}). */
    public static int days(RuleBundle bundle) {
        return Math.max(1, bundle.longestWindowDays()) + 1;
    }

    /** The UTC epoch day of an epoch second. */
    public static int day(long epochSecond) {
        return (int) Math.floorDiv(epochSecond, DAY);
    }

    /**
     * The earliest day a value may have been written on and still be remembered at
     * {@code clockDay}: values written before it are forgotten.
     *
     * @param clockDay      the stage's clock, a UTC epoch day ({@link Integer#MIN_VALUE} before the first)
     * @param retentionDays the retention ({@link #days})
     */
    public static int oldestDay(int clockDay, int retentionDays) {
        long d = (long) clockDay - retentionDays;
        return d < Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) d;
    }

    /**
     * Whether a value last written on {@code lastDay} is forgotten at {@code clockDay}: written
     * more than {@code retentionDays} days before it.
     */
    public static boolean expired(int lastDay, int clockDay, int retentionDays) {
        return lastDay < oldestDay(clockDay, retentionDays);
    }
}
