package org.osecscreener.stage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.osecscreener.findings.Watchlists;
import org.osecscreener.rules.BundleSchedule;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleEvent;
import org.osecscreener.rules.RuleBundleLoader;

/**
 * Choosing the bundle: the one definition of which bundle screens a transaction, of what a bundle
 * offered while screening runs does, and of the admission retention, for both shells (the embedded
 * {@code Screener} under its lock, the job's cluster stage in its one task).
 *
 * <p>The schedule itself is {@link BundleSchedule} ({@code effectiveFrom}, pending bundles,
 * superseding). This class adds what the two shells used to decide each in their own way:
 * <ul>
 *   <li><b>The same bundle again</b>, with the version of the newest bundle held and the same
 *       canonical JSON, is no offer at all: nothing changes and no event is made
 *       ({@link #offer} returns an empty list). A control stream or a watcher that delivers the
 *       current bundle again (the job's baseline after a restart, a file touched) is not an error.
 *       The same version with other content is rejected: its version does not move forward.</li>
 *   <li><b>A bundle naming a watchlist the screener lacks</b> is rejected with the same event in
 *       both shells.</li>
 *   <li><b>The admission retention</b> ({@link #retentionDays}) is the longest retention among the
 *       bundles held, not that of the first bundle (the embedded screener) nor of the newest one
 *       (the job): bundles are forgotten when they screen only days older than that, transactions
 *       older than that are refused ({@code TimeChecks.tooOld}), and transaction ids are remembered
 *       for as long.</li>
 * </ul>
 *
 * <p>Not thread-safe: the caller holds its lock or runs in one task. Looking up a transaction's
 * bundle ({@link #at}) allocates nothing.
 */
public final class BundleStage {
    private final BundleSchedule<CompiledBundle> schedule;
    private final RuleBundleLoader loader;
    private int retentionDays;

    private BundleStage(BundleSchedule<CompiledBundle> schedule, RuleBundleLoader loader) {
        this.schedule = schedule;
        this.loader = loader;
        this.retentionDays = longestRetention();
    }

    /**
     * A stage holding one starting bundle ({@link BundleSchedule#starting}).
     *
     * @param loader writes canonical JSON (and reads it back, in {@link #fromState})
     */
    public static BundleStage starting(RuleBundle start, String sha256, RuleBundleEvent.Digest digest, String source,
                                       RuleBundleLoader loader, boolean ignoreEffectiveFrom) {
        Objects.requireNonNull(loader, "loader");
        return new BundleStage(BundleSchedule.starting(start, sha256, digest, source, compiler(loader), ignoreEffectiveFrom),
                loader);
    }

    /**
     * Reads a stage written by {@link #toState} (the job's broadcast state).
     *
     * @throws IllegalStateException if the text is not a schedule or a bundle in it no longer validates
     */
    public static BundleStage fromState(String state, RuleBundleLoader loader) {
        return new BundleStage(BundleSchedule.fromState(state, loader, compiler(loader), false), loader);
    }

    private static Function<RuleBundle, CompiledBundle> compiler(RuleBundleLoader loader) {
        return b -> CompiledBundle.of(b, loader);
    }

    /** The schedule as JSON text ({@link BundleSchedule#toState}). */
    public String toState() {
        return schedule.toState(loader);
    }

    /** The bundle that screens a transaction of UTC day {@code epochDay}, or {@code null} if none is in effect then. */
    public CompiledBundle at(long epochDay) {
        return schedule.compiledAt(epochDay);
    }

    /** Why no bundle screens a transaction of {@code timestamp} ({@link BundleSchedule#notInEffect}). */
    public String notInEffect(OffsetDateTime timestamp) {
        return schedule.notInEffect(timestamp);
    }

    /** The bundles held ({@link BundleSchedule}: current, pending, newest, entries). */
    public BundleSchedule<CompiledBundle> schedule() {
        return schedule;
    }

    /**
     * The admission retention in days: the longest retention ({@link Retention#days}) among the
     * bundles held.
     */
    public int retentionDays() {
        return retentionDays;
    }

    private int longestRetention() {
        int max = 0;
        for (BundleSchedule.Entry<CompiledBundle> e : schedule.entries()) {
            max = Math.max(max, e.compiled().retentionDays());
        }
        return max;
    }

    /**
     * Whether {@code candidate} is the newest bundle held again: the same version and the same
     * canonical JSON.
     */
    public boolean isNewest(RuleBundle candidate) {
        BundleSchedule.Entry<CompiledBundle> newest = schedule.newest();
        return candidate.version() == newest.bundle().version()
                && loader.toJson(candidate).equals(newest.compiled().canonicalJson());
    }

    /**
     * Offers a valid bundle. The newest bundle again changes nothing and makes no event. A bundle
     * whose version moves forward but whose {@code watchlist_match} names a list not in
     * {@code watchlists} is rejected. Otherwise the schedule decides ({@link BundleSchedule#offer}),
     * forgetting bundles that only screen days older than the admission retention.
     *
     * @param candidate  the bundle, already validated
     * @param sha256     SHA-256 of the text it came as, or of its canonical JSON
     * @param digest     what {@code sha256} is the digest of
     * @param source     where it came from
     * @param clock      the latest event day screened ({@link Integer#MIN_VALUE} before the first)
     * @param now        the wall-clock time of the decision
     * @param watchlists the names of the watchlists the screener was given
     * @return the events, the one about {@code candidate} first; empty when it is the newest bundle again
     */
    public List<RuleBundleEvent> offer(RuleBundle candidate, String sha256, RuleBundleEvent.Digest digest, String source,
                                       int clock, Instant now, Collection<String> watchlists) {
        Objects.requireNonNull(candidate, "candidate");
        if (isNewest(candidate)) {
            return List.of();
        }
        BundleSchedule.Entry<CompiledBundle> newest = schedule.newest();
        if (candidate.version() > newest.bundle().version()) {
            String missing = Watchlists.missing(candidate, watchlists);
            if (missing != null) {
                LocalDate eventDay = clock == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(clock);
                return List.of(RuleBundleEvent.rejected(now, eventDay, source,
                        RuleBundleEvent.BundleRef.of(candidate, sha256, digest), newest.ref(), List.of(missing)));
            }
        }
        List<RuleBundleEvent> events = schedule.offer(candidate, sha256, digest, source, clock, retentionDays, now);
        retentionDays = longestRetention();
        return events;
    }

    /**
     * Moves event time from {@code oldClock} to {@code newClock}: pending bundles whose effective day
     * it reaches take effect ({@link BundleSchedule#advance}).
     */
    public List<RuleBundleEvent> advance(int oldClock, int newClock, OffsetDateTime eventTime, Instant now) {
        return schedule.advance(oldClock, newClock, eventTime, now);
    }
}
