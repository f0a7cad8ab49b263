package org.osecscreener.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.osecscreener.rules.RuleBundleEvent.BundleRef;
import org.osecscreener.rules.RuleBundleEvent.Digest;
import org.osecscreener.rules.RuleBundleEvent.Kind;

/**
 * The rule bundles a screener holds and the days each one screens: the meaning of
 * {@code effectiveFrom}, shared by both shells ({@code docs/rules.md#effective-dates}).
 *
 * <p><b>The rule.</b> A transaction is screened by the accepted bundle with the highest version
 * whose {@code effectiveFrom} is on or before the transaction's event day (UTC). A transaction
 * dated before the effective day of every bundle held is not screened (the caller dead-letters it
 * with {@link #notInEffect}).
 *
 * <p><b>Event time.</b> The caller keeps the event-time clock: the latest UTC day of a screened
 * transaction ({@link Integer#MIN_VALUE} before the first). A new bundle whose effective day is
 * after the clock (or that arrives before any transaction) is <em>pending</em>; it takes effect
 * when a screened transaction moves the clock onto or past its effective day
 * ({@link #advance}). Transactions dated on or after its effective day are screened by it even
 * before that (a record can arrive ahead of the others), and late ones dated before it keep the
 * bundle of their own day.
 *
 * <p><b>What is kept.</b> Entries ascend in version and, strictly, in effective day: a new bundle
 * removes every entry effective on or after its own day (a later version covering all their days:
 * {@link Kind#SUPERSEDED}). At each acceptance, entries that only cover days more than the retention
 * before the clock are forgotten (a transaction that old is refused as too old anyway).
 *
 * <p>Each entry carries the caller's compiled form of its bundle ({@code E}, the screening engine),
 * so that looking up a transaction's bundle allocates nothing. Not thread-safe: the caller holds its
 * lock (the embedded Screener) or runs in one task (the Flink job's cluster stage).
 *
 * @param <E> the compiled form of a bundle
 */
public final class BundleSchedule<E> {
    /** Days before any date: the effective day of every bundle when effective dates are ignored. */
    private static final long ALWAYS = Long.MIN_VALUE;
    private static final JsonFactory JSON = new JsonFactory();

    private final Function<RuleBundle, E> compiler;
    private final boolean ignoreEffectiveFrom;
    private final List<Entry<E>> entries = new ArrayList<>(4);
    /** {@code effectiveDay} of each entry, for the lookup without indirection. */
    private long[] days = new long[4];

    /**
     * One bundle held.
     *
     * @param bundle    the bundle
     * @param compiled  the caller's compiled form of it
     * @param sha256    SHA-256 of {@code digest}
     * @param digest    what was hashed
     * @param source    where it came from
     * @param announced whether it was accepted as pending (a {@link Kind#EFFECTIVE} event follows when it takes effect)
     * @param <E>       the compiled form
     */
    public record Entry<E>(RuleBundle bundle, E compiled, String sha256, Digest digest, String source, boolean announced) {
        /** @throws NullPointerException if a component other than {@code compiled} is missing */
        public Entry {
            Objects.requireNonNull(bundle, "bundle");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(source, "source");
        }

        /** The bundle as named in events. */
        public BundleRef ref() {
            return BundleRef.of(bundle, sha256, digest);
        }
    }

    private BundleSchedule(Function<RuleBundle, E> compiler, boolean ignoreEffectiveFrom) {
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.ignoreEffectiveFrom = ignoreEffectiveFrom;
    }

    /**
     * A schedule holding one starting bundle, in effect from its effective day (no event is made
     * for it: it is the screener's configuration).
     *
     * @param start               the starting bundle
     * @param sha256              SHA-256 of the text it was read from, or of its canonical JSON
     * @param digest              what {@code sha256} is the digest of
     * @param source              where it came from
     * @param compiler            compiles a bundle for screening (called once per accepted bundle)
     * @param ignoreEffectiveFrom screen every day with the newest bundle whatever its effective day
     *                            (backtests: what would this bundle have done)
     */
    public static <E> BundleSchedule<E> starting(RuleBundle start, String sha256, Digest digest, String source,
                                                 Function<RuleBundle, E> compiler, boolean ignoreEffectiveFrom) {
        BundleSchedule<E> s = new BundleSchedule<>(compiler, ignoreEffectiveFrom);
        s.add(new Entry<>(start, compiler.apply(start), sha256, digest, source, false));
        return s;
    }

    /** The effective day of {@code b} as an epoch day ({@link Long#MIN_VALUE} when effective dates are ignored). */
    private long effectiveDay(RuleBundle b) {
        return ignoreEffectiveFrom ? ALWAYS : b.effectiveFrom().toEpochDay();
    }

    private void add(Entry<E> e) {
        entries.add(e);
        reindex();
    }

    private void reindex() {
        if (days.length < entries.size()) {
            days = new long[entries.size() * 2];
        }
        for (int i = 0; i < entries.size(); i++) {
            days[i] = effectiveDay(entries.get(i).bundle());
        }
    }

    /** The index of the entry that screens {@code epochDay}, or -1. */
    private int indexAt(long epochDay) {
        for (int i = entries.size() - 1; i >= 0; i--) { // the newest first: most transactions are screened by it
            if (days[i] <= epochDay) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The entry that screens a transaction of {@code epochDay} (UTC): the highest version effective
     * on or before it.
     *
     * @return the entry, or {@code null} if every bundle held is effective only later
     */
    public Entry<E> at(long epochDay) {
        int i = indexAt(epochDay);
        return i < 0 ? null : entries.get(i);
    }

    /** The compiled bundle that screens {@code epochDay}, or {@code null} ({@link #at}). Allocates nothing. */
    public E compiledAt(long epochDay) {
        int i = indexAt(epochDay);
        return i < 0 ? null : entries.get(i).compiled();
    }

    /** The entry in effect at event day {@code clock}, or {@code null} before the first transaction or before every effective day. */
    public Entry<E> current(int clock) {
        return clock == Integer.MIN_VALUE ? null : at(clock);
    }

    /** The entry with the highest version. */
    public Entry<E> newest() {
        return entries.get(entries.size() - 1);
    }

    /** The entries held, ascending in version and effective day. */
    public List<Entry<E>> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The entries not yet in effect at event day {@code clock}, in version order. */
    public List<Entry<E>> pending(int clock) {
        List<Entry<E>> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (clock == Integer.MIN_VALUE || days[i] > clock) {
                out.add(entries.get(i));
            }
        }
        return out;
    }

    /** Whether effective dates are ignored (every bundle screens every day). */
    public boolean ignoresEffectiveFrom() {
        return ignoreEffectiveFrom;
    }

    /**
     * Why a transaction of {@code timestamp} has no bundle ({@link #at} gave {@code null}), for its
     * dead letter (field {@code timestamp}).
     */
    public String notInEffect(OffsetDateTime timestamp) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(timestamp.toEpochSecond(), 86_400L));
        Entry<E> first = entries.get(0);
        return "no rule bundle in effect on " + day + " (UTC day of timestamp " + timestamp + "): "
                + first.bundle().id() + "@" + first.bundle().version() + " is effective from "
                + first.bundle().effectiveFrom() + (entries.size() > 1 ? " and later versions later still" : "")
                + ". Transactions are screened only by rules approved for their day;"
                + " to screen older traffic, use a bundle with an earlier effectiveFrom";
    }

    /**
     * Offers a new, valid bundle. It is accepted if its version is higher than every bundle held:
     * then it is {@link Kind#ACCEPTED} (in effect at {@code clock}) or {@link Kind#PENDING}, entries
     * it covers are {@link Kind#SUPERSEDED}, and entries older than the retention are forgotten.
     * Otherwise it is {@link Kind#REJECTED} and nothing changes.
     *
     * @param candidate     the bundle (already validated, and checked against the screener's watchlists)
     * @param sha256        SHA-256 of the text it came as, or of its canonical JSON
     * @param digest        what {@code sha256} is the digest of
     * @param source        where it came from
     * @param clock         the event day of the screener ({@link Integer#MIN_VALUE} before the first transaction)
     * @param retentionDays the retention in days: entries covering only days older than {@code clock - retentionDays} are forgotten
     * @param now           the wall-clock time of the decision
     * @return the events, the one about {@code candidate} first
     */
    public List<RuleBundleEvent> offer(RuleBundle candidate, String sha256, Digest digest, String source, int clock,
                                       int retentionDays, Instant now) {
        Objects.requireNonNull(candidate, "candidate");
        LocalDate eventDay = clock == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(clock);
        Entry<E> newest = newest();
        if (candidate.version() <= newest.bundle().version()) {
            return List.of(RuleBundleEvent.rejected(now, eventDay, source, BundleRef.of(candidate, sha256, digest),
                    newest.ref(), List.of("version " + candidate.version() + " does not move forward from "
                            + newest.bundle().id() + "@" + newest.bundle().version()
                            + ", the newest bundle held; give the new bundle a higher version")));
        }
        Entry<E> before = current(clock);
        long day = effectiveDay(candidate);
        boolean pending = !ignoreEffectiveFrom && (clock == Integer.MIN_VALUE || day > clock);
        List<Entry<E>> removed = new ArrayList<>();
        while (!entries.isEmpty() && effectiveDay(newest().bundle()) >= day) {
            removed.add(0, entries.remove(entries.size() - 1));
        }
        Entry<E> added = new Entry<>(candidate, compiler.apply(candidate), sha256, digest, source, pending);
        entries.add(added);
        reindex();
        Entry<E> predecessor = entries.size() > 1 ? entries.get(entries.size() - 2) : null;
        List<RuleBundleEvent> events = new ArrayList<>();
        BundleRef me = added.ref();
        if (pending) {
            String until = candidate.effectiveFrom().toString();
            events.add(new RuleBundleEvent(Kind.PENDING, now, eventDay, null, source, me,
                    predecessor == null ? null : predecessor.ref(), null, null, List.of(),
                    me.label() + " accepted, pending until " + until
                            + (eventDay == null ? " (no transaction screened yet)" : " (event time is " + eventDay + ")")
                            + (predecessor == null ? "; until then no bundle screens those days"
                            : "; " + predecessor.ref().label() + " screens until then")));
        } else {
            events.add(new RuleBundleEvent(Kind.ACCEPTED, now, eventDay, null, source, me,
                    before == null ? null : before.ref(), null, null, List.of(),
                    me.label() + " accepted and in effect" + (ignoreEffectiveFrom ? " for every day (effective dates ignored)"
                            : " from " + candidate.effectiveFrom() + " (event time is " + eventDay + ")") + (before == null ? "" : "; it replaces " + before.ref().label())));
        }
        for (Entry<E> r : removed) {
            if (!pending && before != null && r == before) {
                continue; // named in "replaces"
            }
            events.add(new RuleBundleEvent(Kind.SUPERSEDED, now, eventDay, null, source, r.ref(), null, me, null,
                    List.of(), r.ref().label() + " (effective from " + r.bundle().effectiveFrom() + ") no longer screens any day: "
                    + me.label() + ", a later version effective from " + candidate.effectiveFrom() + ", covers all its days"));
        }
        if (clock != Integer.MIN_VALUE) {
            long oldest = (long) clock - retentionDays;
            while (entries.size() > 1 && days[1] <= oldest) {
                entries.remove(0);
                reindex();
            }
        }
        return events;
    }

    /**
     * Moves event time from {@code oldClock} to {@code newClock} (a screened transaction of a later
     * day): the pending bundles whose effective day it reaches take effect.
     *
     * @param oldClock  the event day before ({@link Integer#MIN_VALUE} if none)
     * @param newClock  the event day now, greater than {@code oldClock}
     * @param eventTime the timestamp of the transaction that moved it
     * @param now       the wall-clock time
     * @return one {@link Kind#EFFECTIVE} event per bundle that took effect, in version order; usually none
     */
    public List<RuleBundleEvent> advance(int oldClock, int newClock, OffsetDateTime eventTime, Instant now) {
        List<RuleBundleEvent> events = null;
        for (int i = 0; i < entries.size(); i++) {
            Entry<E> e = entries.get(i);
            if (e.announced() && (oldClock == Integer.MIN_VALUE || days[i] > oldClock) && days[i] <= newClock) {
                if (events == null) {
                    events = new ArrayList<>(1);
                }
                Entry<E> previous = i > 0 ? entries.get(i - 1) : null;
                BundleRef me = e.ref();
                events.add(new RuleBundleEvent(Kind.EFFECTIVE, now, LocalDate.ofEpochDay(newClock), eventTime.toInstant(),
                        e.source(), me, previous == null ? null : previous.ref(), null, null, List.of(),
                        me.label() + " took effect: a transaction dated " + eventTime.toInstant() + " reached its effective day "
                                + e.bundle().effectiveFrom()
                                + (previous == null ? "" : "; it replaces " + previous.ref().label())));
            }
        }
        return events == null ? List.of() : events;
    }

    // ---------------------------------------------------------------- state form (the Flink job's broadcast state)

    /**
     * The schedule as JSON text, for a checkpoint: each entry's bundle as canonical JSON, its digest,
     * source and whether it was announced as pending. {@link #fromState} reads it back.
     *
     * @param loader writes the canonical JSON of each bundle
     */
    public String toState(RuleBundleLoader loader) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("format", 1);
            g.writeArrayFieldStart("entries");
            for (Entry<E> e : entries) {
                g.writeStartObject();
                g.writeStringField("sha256", e.sha256());
                g.writeStringField("sha256Of", e.digest().json());
                g.writeStringField("source", e.source());
                g.writeBooleanField("announced", e.announced());
                g.writeStringField("bundle", loader.toJson(e.bundle()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Reads a schedule written by {@link #toState}, compiling every bundle again.
     *
     * @throws IllegalStateException if the text is not a schedule or a bundle in it no longer validates
     */
    public static <E> BundleSchedule<E> fromState(String state, RuleBundleLoader loader, Function<RuleBundle, E> compiler,
                                                  boolean ignoreEffectiveFrom) {
        BundleSchedule<E> s = new BundleSchedule<>(compiler, ignoreEffectiveFrom);
        try {
            JsonNode root = new ObjectMapper().readTree(state);
            for (JsonNode n : root.path("entries")) {
                RuleBundle b = loader.load("bundle.json", n.path("bundle").asText().getBytes(StandardCharsets.UTF_8));
                s.entries.add(new Entry<>(b, compiler.apply(b), n.path("sha256").asText(),
                        Digest.valueOf(n.path("sha256Of").asText().toUpperCase(java.util.Locale.ROOT)),
                        n.path("source").asText(), n.path("announced").asBoolean()));
            }
        } catch (IOException | RuleBundleException | IllegalArgumentException e) {
            throw new IllegalStateException("the rule schedule in the checkpoint cannot be read: " + e.getMessage(), e);
        }
        if (s.entries.isEmpty()) {
            throw new IllegalStateException("the rule schedule in the checkpoint holds no bundle");
        }
        s.reindex();
        return s;
    }
}
