package org.osecscreener.screen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.ClusterResolver;
import org.osecscreener.cluster.Resolution;
import org.osecscreener.profile.ClusterAlert;
import org.osecscreener.detect.ClusterView;
import org.osecscreener.detect.PartialAssessment;
import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.detect.UnscreenableTransactionException;
import org.osecscreener.findings.WatchlistMatch;
import org.osecscreener.findings.WatchlistMatcher;
import org.osecscreener.findings.WatchlistMatches;
import org.osecscreener.findings.Watchlists;
import org.osecscreener.model.Transaction;
import org.osecscreener.privacy.ingest.IngestPseudonymiser;
import org.osecscreener.privacy.KeySource;
import org.osecscreener.privacy.Pseudonymiser;
import org.osecscreener.profile.BoundedTable;
import org.osecscreener.profile.ClusterProfile;
import org.osecscreener.profile.ClusterRisk;
import org.osecscreener.profile.QueueItem;
import org.osecscreener.profile.PairProfile;
import org.osecscreener.profile.SenderProfile;
import org.osecscreener.rules.BundleSchedule;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleEvent;
import org.osecscreener.rules.RuleBundleException;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.rules.ValidationError;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;
import org.osecscreener.score.Screening;
import org.osecscreener.stage.AlertStore;
import org.osecscreener.stage.BundleStage;
import org.osecscreener.stage.ClusterStage;
import org.osecscreener.stage.ClusterStore;
import org.osecscreener.stage.CompiledBundle;
import org.osecscreener.stage.FinalStage;
import org.osecscreener.stage.Payees;
import org.osecscreener.stage.Payees.Payee;
import org.osecscreener.stage.SenderStage;
import org.osecscreener.stage.SenderStore;

/**
 * The embedded screener: screens one transaction at a time against a rule bundle, with
 * per-sender, per-payee-cluster and per-sender → cluster state kept in bounded memory.
 *
 * <pre>{@code
 * Screener screener = Screener.builder()
 *         .bundle(Path.of("rules.yaml"))      // or .bundle(RuleBundle), default: the shipped pack
 *         .maxSenders(1_000_000)
 *         .build();
 * Assessment a = screener.screen(tx);         // a.level(), a.score(), a.hits()
 * }</pre>
 *
 * <p><b>Thread safety.</b> {@link #screen} may be called from many threads. Calls are serialised
 * (one lock): each call sees the state left by the previous one, so the result of a set of
 * concurrent calls equals that of some sequential order of them, and the totals (counts per
 * level) of a set of transactions do not depend on how they are spread over threads as long as
 * the order per sender and per cluster is the same. Reloading the bundle is atomic: every call
 * screens with exactly one bundle version, named in its assessment.
 *
 * <p><b>Effective dates.</b> A transaction is screened by the bundle with the highest version whose
 * {@code effectiveFrom} is on or before its event day (UTC) ({@link BundleSchedule}); one dated
 * before the effective day of every bundle held is refused with an
 * {@link UnscreenableTransactionException} on field {@code timestamp}. A bundle reloaded before its
 * effective day is held pending and takes effect when a screened transaction reaches that day.
 * Each decision is a {@link RuleBundleEvent}: {@link #reload} returns it and the listener set with
 * {@link Builder#ruleEvents} receives every one ({@code docs/rule-events.md}).
 * {@link Builder#ignoreEffectiveFrom} turns this off (backtests).
 *
 * <p><b>Duplicates.</b> A transaction id seen again within the retention (the longest rule
 * window plus a day among the bundles held, in event days relative to the latest transaction; at most
 * {@code maxTrackedTransactionIds} ids, kept as 64-bit hashes with a {@link ContentFingerprint}
 * of the content) is not counted again. An exact replay (same content) gives an assessment with
 * {@code duplicate = true}, level NONE and no hits; the same id with different content is refused
 * with an {@link UnscreenableTransactionException} on field {@code id}
 * ({@value #DUPLICATE_WITH_OTHER_CONTENT}), so that the caller dead-letters it.
 *
 * <p><b>Time.</b> A transaction older than that retention before the latest event day seen (when
 * {@link Builder#rejectTooOld} is on), or dated too far after the clock (when
 * {@link Builder#maxFuture} is set), is refused with an
 * {@link UnscreenableTransactionException} on field {@code timestamp} ({@link TimeChecks}). The
 * screener has no reordering buffer: it screens in call order, and a transfer that arrives out of
 * order is counted at its place in time in the profiles.
 *
 * <p><b>Pseudonymisation.</b> With {@link Builder#pseudonymiser}, identifiers are replaced by keyed
 * pseudonyms before anything is stored ({@code docs/privacy.md}).
 *
 * <p><b>The steps.</b> The steps around the engine are core's stages, the same ones the Flink job
 * calls ({@code org.osecscreener.stage}, {@code docs/architecture.md}): the bundle for each
 * transaction ({@code BundleStage}), the payee cache ({@code Payees}, kept with each beneficiary in
 * the cluster resolver), merge folding and the cluster step ({@code ClusterStage}), the sender step
 * with at most {@link #PAIRS_PER_SENDER} relationships per sender ({@code SenderStage}), and the
 * final step with the clusters' alerts ({@code FinalStage}). This class holds the lock, the stores
 * and de-duplication.
 *
 * <p><b>Expiry, in event time.</b> State is forgotten in event time only, never by the wall clock
 * ({@code stage.Retention}): a sender's state when the sender has not transferred for longer than
 * the retention of the bundle screening its next transaction (the longest window plus a day), a
 * cluster's profile, risk, alert and queue items when the latest event day screened passes them by
 * as much. Replaying last year's file forgets what a live run would have forgotten.
 *
 * <p><b>Bounds.</b> Sender and cluster profiles, cluster risks and alerts and queue items are kept in
 * {@link BoundedTable}s with a maximum size (at the bound, a rarely used entry is evicted) and
 * clean-up after a day more than the retention without access in event time (twice that for senders,
 * whose state ages by their own transfers; the clean-up only frees what the rule above already
 * forgets); transaction ids are bounded in {@link SeenIds}; beneficiaries and identifiers are
 * bounded in the payee-cluster resolver. State evicted under a bound is forgotten: the next
 * transfer starts afresh. Below the bounds, the same transactions in the same order always give
 * the same assessments, and the same as the Flink job's.
 */
public final class Screener {
    /** Most sender → cluster relationships kept per sender (beyond it, the one whose latest transfer is oldest is dropped). */
    public static final int PAIRS_PER_SENDER = SenderStage.PAIRS_PER_SENDER;
    /** The start of the reason given for a transaction id reused with other content. */
    public static final String DUPLICATE_WITH_OTHER_CONTENT = "duplicate id with different content";

    private final ReentrantLock lock = new ReentrantLock();
    /** The bundles held and the days each screens; guarded by {@link #lock}. */
    private final BundleStage bundles;
    private final Consumer<RuleBundleEvent> listener;
    private final ClusterResolver resolver;
    private final Payees payees;
    private final BoundedTable<SenderState> senders;
    /** Per payee cluster its profile, its risk profile and its latest ALERT, in one entry. */
    private final BoundedTable<ClusterState> clusters;
    private final BoundedTable<QueueItem> items;
    /** The cluster stage's and the final step's stores over {@link #clusters} and {@link #items}. */
    private final TableStore store;
    private final FinalStage finals;
    private final SeenIds seen;
    /** The names of the watchlists supplied, for bundles offered later. */
    private final List<String> watchlistNames;
    /** The event-time clock the tables age by: {@link SeenIds#maxDay()}, 0 before the first transaction. */
    private long tableClock;
    private final Settings settings;
    private final IngestPseudonymiser ingest;
    private final Duration maxFuture;
    private final boolean rejectTooOld;
    private final Clock clock;
    /** {@code null} when no watchlist was supplied: then nothing is normalised or hashed for it. */
    private final WatchlistMatcher watch;
    private final Watchlists watchlists;

    private Screener(Builder b, RuleBundle bundle, String sha256, RuleBundleEvent.Digest digest, String source) {
        this.settings = new Settings(b.maxSenders, b.maxClusters, b.maxTrackedTransactionIds, b.clusterConfig, b.clock);
        Watchlists.checkCovers(bundle, b.watchlists);
        this.bundles = BundleStage.starting(bundle, sha256, digest, source, CanonicalHolder.LOADER, b.ignoreEffectiveFrom);
        this.listener = b.listener;
        this.resolver = ClusterResolver.create(b.clusterConfig);
        this.watchlists = Watchlists.forIngest(b.watchlists, b.pseudonymiser);
        this.watchlistNames = watchlists == null ? List.of() : List.copyOf(watchlists.names());
        this.watch = watchlists == null ? null
                : new WatchlistMatcher(watchlists, resolver.normaliser()::normalise, WatchlistMatcher.DEFAULT_CACHE);
        this.payees = new Payees(resolver.normaliser(), watch);
        // the tables age by the event-time clock, in days (Retention); their expiry only frees memory
        LongSupplier ticker = () -> tableClock;
        this.senders = new BoundedTable<>(b.maxSenders, Long.MAX_VALUE, ticker);
        this.clusters = new BoundedTable<>(b.maxClusters, Long.MAX_VALUE, ticker);
        // the final step's state: bounded and aged like the profiles
        this.items = new BoundedTable<>(b.maxSenders + b.maxClusters, Long.MAX_VALUE, ticker);
        this.store = new TableStore(clusters, items);
        this.finals = new FinalStage(store);
        this.seen = new SeenIds(bundles.retentionDays(), b.maxTrackedTransactionIds);
        retentionChanged();
        this.ingest = b.pseudonymiser == null ? null : IngestPseudonymiser.of(b.pseudonymiser, b.clusterConfig);
        this.maxFuture = b.maxFuture;
        this.rejectTooOld = b.rejectTooOld;
        this.clock = b.clock;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Screens one transaction and updates the state with it.
     *
     * <p>When the screener pseudonymises ({@link Builder#pseudonymiser}), {@code input} is
     * pseudonymised first and the assessment names its parties by their pseudonyms.
     *
     * @param input a valid transaction (from the codec or built directly)
     * @return the assessment, naming the bundle version that produced it
     * @throws UnscreenableTransactionException if it cannot be screened, with the field and reason:
     *                                          no bundle held is in effect on its day, the bundle has no FX
     *                                          rate for its currency, its timestamp is too far ahead
     *                                          ({@link Builder#maxFuture}) or too old ({@link Builder#rejectTooOld}),
     *                                          or its id was screened within the retention with other content;
     *                                          nothing was changed
     */
    public Assessment screen(Transaction input) {
        return screenAll(input).assessment();
    }

    /**
     * Screens one transaction and updates the state with it, returning everything it produced:
     * its own assessment and, where they apply, a sextortion-victim alert for its sender, the payee
     * cluster's assessment, and look-back assessments of the cluster's earlier senders
     * ({@link Screening}). A caller that writes alerts should write all of them
     * ({@link AssessmentWriter#write(Screening, Level)}).
     *
     * @param input a valid transaction (from the codec or built directly)
     * @return what the screening produced
     * @throws UnscreenableTransactionException as {@link #screen} does
     */
    public Screening screenAll(Transaction input) {
        Objects.requireNonNull(input, "tx");
        Transaction tx = ingest == null ? input : ingest.apply(input); // outside the lock: parallel callers hash in parallel
        long fingerprint = ContentFingerprint.of(tx);
        if (maxFuture != null) {
            String why = TimeChecks.tooFarAhead(tx, clock.millis(), maxFuture);
            if (why != null) {
                throw new UnscreenableTransactionException("timestamp", why);
            }
        }
        lock.lock();
        try {
            ScreeningEngine e = engineFor(tx);
            e.checkScreenable(tx);
            String old = rejectTooOld ? TimeChecks.tooOld(tx, seen.maxDay(), bundles.retentionDays()) : null;
            if (old != null) {
                throw new UnscreenableTransactionException("timestamp", old);
            }
            int clockBefore = seen.maxDay();
            SeenIds.Seen seenAs = seen.check(tx.id(), fingerprint, (int) Math.floorDiv(tx.timestamp().toEpochSecond(), 86_400L));
            if (seenAs == SeenIds.Seen.CONFLICT) {
                throw new UnscreenableTransactionException("id", duplicateWithOtherContent(seen.lastDay()));
            }
            if (seen.maxDay() != clockBefore) {
                tableClock = seen.maxDay();
                publish(bundles.advance(clockBefore, seen.maxDay(), tx.timestamp(), clock.instant()));
            }
            if (seenAs == SeenIds.Seen.REPLAY) {
                String cluster = resolver.clusterOf(tx.beneficiary().id());
                return Screening.of(new Assessment(tx.id(), tx.timestamp(), tx.sender().id(), tx.beneficiary().id(),
                        cluster == null ? "" : cluster, 0, Level.NONE, List.of(), e.bundle().id(), e.bundle().version(),
                        null, null, true));
            }
            Payee payee = payees.of(tx.beneficiary(), resolver.attachment(tx.beneficiary().id()));
            Resolution r = resolver.resolve(tx.beneficiary().id(), payee.ids(), payee);
            store.begin(r.clusterId());
            ClusterView view = ClusterStage.step(e, store, tx, r, payee.surname(), payee.address(), seen.maxDay());
            SenderState s = senders.computeIfAbsent(tx.sender().id(), NEW_SENDER);
            PartialAssessment partial = SenderStage.step(e, s, tx, view,
                    watch == null ? WatchlistMatches.NONE : watchMatches(tx, payee));
            Screening out = finals.step(e, partial);
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** The compiled bundle in effect on the transaction's day. */
    private ScreeningEngine engineFor(Transaction tx) {
        CompiledBundle c = bundles.at(Math.floorDiv(tx.timestamp().toEpochSecond(), 86_400L));
        if (c == null) {
            throw new UnscreenableTransactionException("timestamp", bundles.notInEffect(tx.timestamp()));
        }
        return c.engine();
    }

    /**
     * The reason for a transaction id reused with other content, shared with the Flink job so that
     * both shells dead-letter it the same way.
     *
     * @param firstDay the UTC epoch day the id was first screened
     */
    public static String duplicateWithOtherContent(int firstDay) {
        return DUPLICATE_WITH_OTHER_CONTENT + ": a transaction with this id was screened on " + LocalDate.ofEpochDay(firstDay)
                + " (UTC day) with other content (another time, amount, purpose or party); an exact replay would have been"
                + " dropped as a duplicate. Give each transaction its own id, or correct the record and send it under a new id";
    }

    private void publish(List<RuleBundleEvent> events) {
        if (listener != null) {
            events.forEach(listener);
        }
    }

    /** The watchlist matches of {@code tx}: the beneficiary's from the payee cache, the sender's from the matcher's. */
    private WatchlistMatches watchMatches(Transaction tx, Payee payee) {
        List<WatchlistMatch> s = watch.sender(tx.sender());
        if (s.isEmpty() && payee.watch().isEmpty()) {
            return WatchlistMatches.NONE;
        }
        List<WatchlistMatch> all = new java.util.ArrayList<>(s);
        all.addAll(payee.watch());
        return new WatchlistMatches(all);
    }

    /**
     * Offers a new rule bundle, atomically. It is accepted if its version is higher than every bundle
     * held: then it screens transactions dated on or after its {@code effectiveFrom} (UTC), at once
     * ({@link RuleBundleEvent.Kind#ACCEPTED}) or, if that day is after the latest transaction screened,
     * once a screened transaction reaches it ({@link RuleBundleEvent.Kind#PENDING}, then
     * {@link RuleBundleEvent.Kind#EFFECTIVE}). The events go to the {@link Builder#ruleEvents} listener
     * too; the bundle's digest is that of its canonical JSON, or of the shipped file for the shipped
     * pack ({@link RuleBundleEvent#digestOf}; source {@code api}). The newest bundle held offered
     * again (the same version and canonical JSON) changes nothing and makes no event, as in the job.
     *
     * @return the event about {@code bundle}: accepted or pending; {@code null} when it is the newest
     *         bundle held again
     * @throws IllegalArgumentException if the version does not move forward (the same version with
     *                                  other content included), or the bundle's
     *                                  {@code watchlist_match} names a list that was not supplied (the running
     *                                  bundle stays; the listener receives a rejected event)
     */
    public RuleBundleEvent reload(RuleBundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        RuleBundleEvent.BundleRef ref = RuleBundleEvent.digestOf(bundle, CanonicalHolder.LOADER);
        return offer(bundle, ref.sha256(), ref.digest(), "api");
    }

    /**
     * Loads, validates and offers a bundle file ({@link #reload(RuleBundle)}); its digest is that of the
     * file's bytes and its source the file name. On any error the running bundle stays, and the
     * listener receives a rejected event with every error.
     *
     * @return the event about the bundle: accepted or pending; {@code null} when it is the newest
     *         bundle held again
     * @throws RuleBundleException      with every validation error of the file
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the version does not move forward or a watchlist is missing
     */
    public RuleBundleEvent reload(Path file) throws RuleBundleException, IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] text;
        try (InputStream in = Files.newInputStream(file)) {
            text = in.readNBytes(RuleBundleLoader.MAX_BYTES + 1);
        }
        RuleBundle bundle;
        try {
            bundle = CanonicalHolder.LOADER.load(name, text);
        } catch (RuleBundleException ex) {
            List<String> errors = new ArrayList<>();
            for (ValidationError v : ex.errors()) {
                errors.add(v.toString());
            }
            lock.lock();
            try {
                publish(List.of(RuleBundleEvent.rejected(clock.instant(), eventDay(), name,
                        RuleBundleEvent.BundleRef.unreadable(RuleBundleEvent.sha256(text)), bundles.schedule().newest().ref(),
                        errors)));
            } finally {
                lock.unlock();
            }
            throw ex;
        }
        return offer(bundle, RuleBundleEvent.sha256(text), RuleBundleEvent.Digest.TEXT, name);
    }

    private RuleBundleEvent offer(RuleBundle bundle, String sha256, RuleBundleEvent.Digest digest, String source) {
        lock.lock();
        try {
            List<RuleBundleEvent> events = bundles.offer(bundle, sha256, digest, source, seen.maxDay(), clock.instant(),
                    watchlistNames);
            if (events.isEmpty()) {
                return null; // the newest bundle again: nothing changes, no event (BundleStage)
            }
            publish(events);
            RuleBundleEvent first = events.get(0);
            if (first.kind() == RuleBundleEvent.Kind.REJECTED) {
                throw new IllegalArgumentException("rule bundle " + bundle.id() + "@" + bundle.version() + " refused: "
                        + first.errors().get(0) + "; the running bundle stays");
            }
            retentionChanged();
            return first;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies the admission retention of the bundles held ({@link BundleStage#retentionDays}) to
     * de-duplication and to the tables' clean-up: clusters and queue items a day beyond it (the
     * rules forget them by then, {@link org.osecscreener.stage.Retention}), senders twice that (a
     * sender's state ages by its own transfers, and a transaction up to the retention late may
     * still read it).
     */
    private void retentionChanged() {
        int days = bundles.retentionDays();
        seen.retentionDays(days);
        clusters.expireAfterAccess(days + 1L);
        items.expireAfterAccess(days + 1L);
        senders.expireAfterAccess(2L * days + 1L);
    }

    private LocalDate eventDay() {
        return seen.maxDay() == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(seen.maxDay());
    }

    /**
     * The running bundle: the one in effect at the screener's event time (the latest UTC day of a
     * screened transaction); before the first transaction, or when event time is before every
     * effective day, the oldest bundle held (the starting one unless a reload superseded it).
     */
    public RuleBundle bundle() {
        lock.lock();
        try {
            BundleSchedule.Entry<CompiledBundle> e = bundles.schedule().current(seen.maxDay());
            return (e == null ? bundles.schedule().entries().get(0) : e).bundle();
        } finally {
            lock.unlock();
        }
    }

    /** The bundles accepted but not yet in effect at the screener's event time, in version order. */
    public List<RuleBundle> pendingBundles() {
        lock.lock();
        try {
            return bundles.schedule().pending(seen.maxDay()).stream().map(BundleSchedule.Entry::bundle).toList();
        } finally {
            lock.unlock();
        }
    }

    /** The payee-cluster resolver (for explanations: {@code resolver().explain(beneficiaryId)}). Not for writes. */
    public ClusterResolver resolver() {
        return resolver;
    }

    /** Counts of what is tracked, for operations. */
    public Tracked tracked() {
        lock.lock();
        try {
            senders.expireAll();
            clusters.expireAll();
            return new Tracked(senders.size(), clusters.size(), resolver.beneficiaryCount(),
                    seen.size());
        } finally {
            lock.unlock();
        }
    }

    /** The settings this screener was built with. */
    public Settings settings() {
        return settings;
    }

    /** Whether identifiers are pseudonymised at ingest ({@link Builder#pseudonymiser}). */
    public boolean pseudonymising() {
        return ingest != null;
    }

    /**
     * What is tracked.
     *
     * @param senders        sender profiles held
     * @param clusters       cluster profiles held
     * @param beneficiaries  beneficiaries tracked by the resolver
     * @param transactionIds transaction ids remembered for de-duplication
     */
    public record Tracked(long senders, long clusters, long beneficiaries, long transactionIds) {
    }

    /**
     * The settings of a screener.
     *
     * @param maxSenders               most sender profiles
     * @param maxClusters              most cluster profiles
     * @param maxTrackedTransactionIds most transaction ids remembered for de-duplication
     * @param clusterConfig            payee-cluster resolution settings
     * @param clock                    the wall clock: the time of rule events and the {@code maxFuture} bound (state
     *                                 ages in event time, not by it)
     */
    public record Settings(long maxSenders, long maxClusters, long maxTrackedTransactionIds, ClusterConfig clusterConfig,
                           Clock clock) {
    }

    /** One loader for canonical JSON and reloads (schema compiled once; loaders are immutable and shared). */
    private static final class CanonicalHolder {
        static final RuleBundleLoader LOADER = new RuleBundleLoader();
    }

    private static final java.util.function.Function<String, SenderState> NEW_SENDER = k -> new SenderState();
    private static final java.util.function.Function<String, ClusterState> NEW_CLUSTER = k -> new ClusterState();

    /** A payee cluster's entry: its profile (cluster stage), its risk profile and its latest ALERT (final step). */
    private static final class ClusterState {
        /** {@code null} when absent: absorbed by a merge or forgotten (the final step's values may stay). */
        ClusterProfile profile;
        /** The event day {@link #profile} was last written on. */
        int profileDay;
        ClusterRisk risk;
        ClusterAlert alert;

        boolean empty() {
            return profile == null && risk == null && alert == null;
        }
    }

    /**
     * The cluster stage's store ({@link ClusterStore}) and the final step's ({@link AlertStore}) over
     * the tables: a cluster's profile, risk and alert share one entry, queue items have their own
     * table. The transaction's own cluster is looked up once ({@link #begin}); the entry read last is
     * remembered, since a read is usually followed by a write or removal of the same cluster.
     */
    private static final class TableStore implements ClusterStore, AlertStore {
        private final BoundedTable<ClusterState> clusters;
        private final BoundedTable<QueueItem> items;
        private String mainId;
        private ClusterState main;
        private String lastId;
        private ClusterState last;

        TableStore(BoundedTable<ClusterState> clusters, BoundedTable<QueueItem> items) {
            this.clusters = clusters;
            this.items = items;
        }

        /** Starts a transaction into {@code clusterId}: its entry, created if absent. */
        void begin(String clusterId) {
            main = clusters.computeIfAbsent(clusterId, NEW_CLUSTER);
            mainId = clusterId;
            lastId = null;
            last = null;
        }

        private ClusterState find(String clusterId) {
            if (clusterId.equals(mainId)) {
                return main;
            }
            if (!clusterId.equals(lastId)) {
                lastId = clusterId;
                last = clusters.get(clusterId);
            }
            return last;
        }

        private ClusterState create(String clusterId) {
            ClusterState c = find(clusterId);
            if (c == null) {
                c = clusters.computeIfAbsent(clusterId, NEW_CLUSTER);
                lastId = clusterId;
                last = c;
            }
            return c;
        }

        private void dropIfEmpty(String clusterId, ClusterState c) {
            if (c != main && c.empty()) {
                clusters.remove(clusterId);
                if (clusterId.equals(lastId)) {
                    last = null;
                }
            }
        }

        @Override
        public ClusterProfile profile(String clusterId, int oldestDay) {
            ClusterState c = find(clusterId);
            if (c == null || c.profile == null) {
                return null;
            }
            if (c.profileDay < oldestDay) {
                c.profile = null;
                dropIfEmpty(clusterId, c);
                return null;
            }
            return c.profile;
        }

        @Override
        public void putProfile(String clusterId, ClusterProfile profile, int day) {
            ClusterState c = create(clusterId);
            c.profile = profile;
            c.profileDay = day;
        }

        @Override
        public void removeProfile(String clusterId) {
            ClusterState c = find(clusterId);
            if (c != null) {
                c.profile = null;
                dropIfEmpty(clusterId, c);
            }
        }

        @Override
        public ClusterRisk risk(String clusterId) {
            ClusterState c = find(clusterId);
            return c == null ? null : c.risk;
        }

        @Override
        public void putRisk(String clusterId, ClusterRisk risk) {
            create(clusterId).risk = risk;
        }

        @Override
        public void removeRisk(String clusterId) {
            ClusterState c = find(clusterId);
            if (c != null) {
                c.risk = null;
                dropIfEmpty(clusterId, c);
            }
        }

        @Override
        public ClusterAlert alert(String clusterId) {
            ClusterState c = find(clusterId);
            return c == null ? null : c.alert;
        }

        @Override
        public void putAlert(String clusterId, ClusterAlert alert) {
            create(clusterId).alert = alert;
        }

        @Override
        public void removeAlert(String clusterId) {
            ClusterState c = find(clusterId);
            if (c != null) {
                c.alert = null;
                dropIfEmpty(clusterId, c);
            }
        }

        @Override
        public QueueItem item(String key) {
            return items.get(key);
        }

        @Override
        public void putItem(String key, QueueItem item) {
            items.put(key, item);
        }

        @Override
        public void removeItem(String key) {
            items.remove(key);
        }
    }

    /**
     * A sender's profile and its sender → cluster profiles ({@link SenderStore}): at most
     * {@link #PAIRS_PER_SENDER} after each transaction ({@link SenderStage} drops the least recent
     * beyond it), in parallel arrays rather than a map: a sender has a handful of relationships, so a
     * scan of a few slots, hashes first, is cheaper than following links through memory.
     */
    private static final class SenderState implements SenderStore {
        private SenderProfile profile;
        private String[] keys = new String[2];
        private int[] hashes = new int[2];
        private PairProfile[] values = new PairProfile[2];
        private int size;
        private boolean added;

        private int indexOf(String clusterId) {
            int h = clusterId.hashCode();
            for (int i = 0; i < size; i++) {
                if (hashes[i] == h && clusterId.equals(keys[i])) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public SenderProfile profile() {
            added = false;
            return profile;
        }

        @Override
        public void putProfile(SenderProfile p) {
            profile = p;
        }

        @Override
        public void clear() {
            profile = null;
            java.util.Arrays.fill(keys, 0, size, null);
            java.util.Arrays.fill(values, 0, size, null);
            size = 0;
        }

        @Override
        public boolean addedPair() {
            return added;
        }

        @Override
        public int pairCount() {
            return size;
        }

        @Override
        public String pairId(int i) {
            return keys[i];
        }

        @Override
        public PairProfile get(String clusterId) {
            int i = indexOf(clusterId);
            return i < 0 ? null : values[i];
        }

        @Override
        public void put(String clusterId, PairProfile p) {
            int i = indexOf(clusterId);
            if (i < 0) {
                if (size == keys.length) {
                    int n = size * 2;
                    keys = java.util.Arrays.copyOf(keys, n);
                    hashes = java.util.Arrays.copyOf(hashes, n);
                    values = java.util.Arrays.copyOf(values, n);
                }
                i = size++;
                keys[i] = clusterId;
                hashes[i] = clusterId.hashCode();
                added = true;
            }
            values[i] = p;
        }

        @Override
        public void remove(String clusterId) {
            int i = indexOf(clusterId);
            if (i >= 0) {
                int last = --size;
                keys[i] = keys[last];
                hashes[i] = hashes[last];
                values[i] = values[last];
                keys[last] = null;
                values[last] = null;
            }
        }
    }

    /**
     * Builds a {@link Screener}. Each setting may be set once; a bad or repeated setting is rejected
     * at the call with a message naming it. Not thread-safe.
     */
    public static final class Builder {
        private RuleBundle bundle;
        private Path bundleFile;
        private long maxSenders = -1;
        private long maxClusters = -1;
        private long maxTrackedTransactionIds = -1;
        private ClusterConfig clusterConfig;
        private Clock clock;
        private Pseudonymiser pseudonymiser;
        private Duration maxFuture;
        private boolean maxFutureSet;
        private boolean rejectTooOld;
        private Watchlists watchlists;
        private Consumer<RuleBundleEvent> listener;
        private boolean ignoreEffectiveFrom;

        private Builder() {
        }

        /**
         * Receives every rule event of the screener ({@code docs/rule-events.md}): reloads accepted,
         * pending, rejected or superseded, and pending bundles taking effect (from inside
         * {@link Screener#screen}). Called in order, under the screener's lock: keep it short and do
         * not call the screener from it. No event is made for the starting bundle. Default: none.
         *
         * @throws IllegalStateException if already set
         */
        public Builder ruleEvents(Consumer<RuleBundleEvent> value) {
            if (listener != null) {
                throw new IllegalStateException("ruleEvents was already set");
            }
            listener = Objects.requireNonNull(value, "ruleEvents");
            return this;
        }

        /**
         * Screen every transaction with the newest bundle whatever its {@code effectiveFrom}
         * (default {@code false}: a transaction is screened by the bundle in effect on its day). For
         * backtests, which ask what a bundle would have done on past traffic.
         */
        public Builder ignoreEffectiveFrom(boolean value) {
            ignoreEffectiveFrom = value;
            return this;
        }

        /**
         * The watchlists the {@code watchlist_match} rule looks the sender's and beneficiary's
         * identifiers up in (default none: the rule never fires and nothing is hashed). Every list
         * the bundle names must be among them ({@code docs/findings.md}).
         *
         * @throws IllegalStateException if already set
         */
        public Builder watchlists(Watchlists value) {
            if (watchlists != null) {
                throw new IllegalStateException("watchlists were already set to " + watchlists.names());
            }
            watchlists = Objects.requireNonNull(value, "watchlists");
            return this;
        }

        /** The rule bundle. Default: the pack shipped in the jar ({@link RuleBundleLoader#defaultBundle()}). */
        public Builder bundle(RuleBundle value) {
            requireNoBundle();
            this.bundle = Objects.requireNonNull(value, "bundle");
            return this;
        }

        /** A rule bundle file (YAML or JSON), loaded and validated at {@link #build()}. */
        public Builder bundle(Path file) {
            requireNoBundle();
            this.bundleFile = Objects.requireNonNull(file, "bundle file");
            return this;
        }

        private void requireNoBundle() {
            if (bundle != null || bundleFile != null) {
                throw new IllegalStateException("bundle was already set to "
                        + (bundle != null ? bundle.id() + "@" + bundle.version() : bundleFile));
            }
        }

        /** Most sender profiles kept (default 1,000,000). */
        public Builder maxSenders(long value) {
            maxSenders = positive("maxSenders", maxSenders, value);
            return this;
        }

        /** Most cluster profiles kept (default 1,000,000). */
        public Builder maxClusters(long value) {
            maxClusters = positive("maxClusters", maxClusters, value);
            return this;
        }

        /** Most transaction ids remembered for de-duplication (default 10,000,000). */
        public Builder maxTrackedTransactionIds(long value) {
            maxTrackedTransactionIds = positive("maxTrackedTransactionIds", maxTrackedTransactionIds, value);
            return this;
        }

        /** Payee-cluster resolution settings, including the bound on tracked beneficiaries (default {@link ClusterConfig#defaults()}). */
        public Builder clusterConfig(ClusterConfig value) {
            if (clusterConfig != null) {
                throw new IllegalStateException("clusterConfig was already set");
            }
            clusterConfig = Objects.requireNonNull(value, "clusterConfig");
            return this;
        }

        /**
         * The wall clock (default the system UTC clock): the time of rule events and the reference of
         * {@link #maxFuture}. State does not age by it: expiry is in event time.
         */
        public Builder clock(Clock value) {
            if (clock != null) {
                throw new IllegalStateException("clock was already set to " + clock);
            }
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Pseudonymise every identifier at ingest with this key ({@link IngestPseudonymiser}): state,
         * assessments and explanations then hold pseudonyms only, and decisions are those on the raw
         * values. Default: off. Get the key from a file or the environment ({@link KeySource}).
         */
        public Builder pseudonymiser(Pseudonymiser value) {
            if (pseudonymiser != null) {
                throw new IllegalStateException("pseudonymiser was already set");
            }
            pseudonymiser = Objects.requireNonNull(value, "pseudonymiser");
            return this;
        }

        /**
         * Refuse transactions dated more than {@code value} after the builder's {@link #clock}
         * ({@link TimeChecks#tooFarAhead}). Default: no bound, for replays of synthetic or shifted
         * data; the command line sets one day. Live screening should set it.
         *
         * @param value the tolerance, zero or positive
         */
        public Builder maxFuture(Duration value) {
            if (maxFutureSet) {
                throw new IllegalStateException("maxFuture was already set to " + maxFuture);
            }
            Objects.requireNonNull(value, "maxFuture");
            if (value.isNegative()) {
                throw new IllegalArgumentException("maxFuture must be zero or positive, was " + value);
            }
            maxFuture = value;
            maxFutureSet = true;
            return this;
        }

        /**
         * Refuse transactions older than the retention before the latest event day seen
         * ({@link TimeChecks#tooOld}). Default: off, because concurrent callers that each replay a
         * share of history may be months apart in event time (one event clock serves them all);
         * the {@code screen} command, which reads one file in order, turns it on.
         */
        public Builder rejectTooOld(boolean value) {
            rejectTooOld = value;
            return this;
        }

        private static long positive(String name, long current, long value) {
            if (current != -1) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        /**
         * Builds the screener.
         *
         * @throws RuleBundleException      if the bundle file is invalid (every error listed)
         * @throws IOException              if the bundle file cannot be read
         * @throws IllegalArgumentException if the bundle names a watchlist that was not supplied
         */
        public Screener build() throws RuleBundleException, IOException {
            RuleBundle b = bundle;
            String sha256;
            RuleBundleEvent.Digest digest = RuleBundleEvent.Digest.TEXT;
            String source;
            if (b != null) {
                RuleBundleEvent.BundleRef ref = RuleBundleEvent.digestOf(b, CanonicalHolder.LOADER);
                sha256 = ref.sha256();
                digest = ref.digest();
                source = "api";
            } else if (bundleFile == null) {
                b = RuleBundleLoader.defaultBundle();
                sha256 = RuleBundleEvent.sha256(RuleBundleLoader.defaultBundleText());
                source = RuleBundleLoader.DEFAULT_BUNDLE_RESOURCE;
            } else {
                source = bundleFile.getFileName() == null ? bundleFile.toString() : bundleFile.getFileName().toString();
                byte[] text;
                try (InputStream in = Files.newInputStream(bundleFile)) {
                    text = in.readNBytes(RuleBundleLoader.MAX_BYTES + 1);
                }
                b = CanonicalHolder.LOADER.load(source, text);
                sha256 = RuleBundleEvent.sha256(text);
            }
            if (maxSenders == -1) {
                maxSenders = 1_000_000;
            }
            if (maxClusters == -1) {
                maxClusters = 1_000_000;
            }
            if (maxTrackedTransactionIds == -1) {
                maxTrackedTransactionIds = 10_000_000;
            }
            if (clusterConfig == null) {
                clusterConfig = ClusterConfig.defaults();
            }
            if (clock == null) {
                clock = Clock.systemUTC();
            }
            return new Screener(this, b, sha256, digest, source);
        }
    }
}
