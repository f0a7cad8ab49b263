package org.osecscreener.job;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.api.operators.KeyContext;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.Resolution;
import org.osecscreener.detect.ClusterView;
import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.detect.UnscreenableTransactionException;
import org.osecscreener.io.Rejection;
import org.osecscreener.io.TransactionCodec;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.ClusterProfile;
import org.osecscreener.profile.Hashing;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleEvent;
import org.osecscreener.rules.RuleBundleException;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.rules.ValidationError;
import org.osecscreener.screen.ContentFingerprint;
import org.osecscreener.screen.Screener;
import org.osecscreener.screen.TimeChecks;
import org.osecscreener.stage.BundleStage;
import org.osecscreener.stage.ClusterStage;
import org.osecscreener.stage.ClusterStore;
import org.osecscreener.stage.CompiledBundle;
import org.osecscreener.stage.Retention;
import org.osecscreener.stage.ResolverJournal;

/**
 * The global stage: de-duplication by transaction id, payee-cluster resolution and the cluster
 * stage, and the one place where the rule bundle version switches. A thin adapter: the steps are
 * core's {@link BundleStage} (which bundle, bundles offered, admission retention) and
 * {@link ClusterStage} (merge folding, expiry, the cluster step), over map state.
 *
 * <p>Runs as one task (the stream is keyed by a constant): resolution needs a global view of
 * payees. The resolver lives on the heap and is checkpointed incrementally, as its journal
 * ({@link ResolverJournal}: a base snapshot and the log of calls since, folded into a new base by a
 * replica on a background thread) in keyed state, each part under its own key; earlier builds wrote
 * the whole resolver as operator state at every checkpoint, which is read once when restoring such a
 * checkpoint and then emptied. Cluster profiles
 * and seen transaction ids (by hash) are map state (RocksDB-backed when configured), spread over
 * {@link #BUCKETS} keys by a hash of the transaction or cluster id: the stage's operator
 * ({@link ClusterStageOperator}) lets this function switch the keyed-state context to the bucket
 * it reads. Under one key, as earlier builds kept them, the heap backend copied a whole map (some
 * 600,000 seen ids, every cluster profile) on its first write after each checkpoint, on the task
 * thread; per bucket it copies the few entries of the buckets written while a snapshot is being
 * taken. The latest event day stays under key 0, and maps restored under key 0 from an earlier
 * build are moved into their buckets when the stage opens ({@link #bind}). Expiry is decided in
 * event time when a value is read ({@link Retention}); Flink's per-key TTL would not know the rule's
 * retention, so memory is freed instead by a sweep over the buckets, one bucket at a time in turn
 * and every bucket once in {@link #SWEEP_EVERY} records, that drops what the rule has already
 * forgotten (older than the longest retention among the bundles held before the latest event day).
 *
 * <p>Rule bundles arrive on the broadcast control stream and are offered to the {@link BundleStage}
 * (kept in broadcast state): each transaction is screened by the highest version effective on or
 * before its UTC day, and a bundle not yet effective is pending until a screened transaction
 * reaches its day; the newest bundle again changes nothing; anything else is rejected and the
 * bundles held stay. Every decision is a {@link RuleBundleEvent} on the {@link #RULE_EVENTS} side
 * output ({@code docs/rule-events.md}). Each outgoing record is stamped with the version that
 * screens it, and carries the bundle text when it is the first of that version on its channel.
 *
 * <p><b>Duplicates.</b> Seen transaction ids are kept as their 64-bit hash ({@link Hashing#hash64},
 * as the embedded Screener keeps them: two ids share a hash with probability about n²/2⁶⁵) with
 * their event day and a {@link ContentFingerprint} ({@code seen-transaction-hashes}): an exact replay
 * is dropped (metric {@code duplicates}); the same id with other content is dead-lettered on field
 * {@code id} (metric {@code duplicatesOtherContent}). Earlier builds kept the ids themselves
 * ({@code seen-transactions}), and before them without a fingerprint ({@code seen-transaction-ids});
 * both are moved into the hashed form when the stage is bound. Ids restored without a fingerprint
 * cannot tell a replay from a reuse: an id seen again among them is dead-lettered too, with its own reason.
 */
final class ClusterStepFunction extends KeyedBroadcastProcessFunction<Integer, Envelope, RuleEvent, Envelope>
        implements CheckpointedFunction {
    static final MapStateDescriptor<String, String> RULES =
            new MapStateDescriptor<>("rule-bundle", Types.STRING, Types.STRING);
    static final OutputTag<String> RULE_EVENTS = new OutputTag<>("rule-events") {
    };
    /** Broadcast-state key of the schedule of bundles ({@link BundleStage#toState}). */
    static final String SCHEDULE = "schedule";
    /** Broadcast-state key of the one running bundle, as written by earlier builds (read on restore). */
    static final String CURRENT = "current";
    static final ValueStateDescriptor<Integer> MAX_DAY = new ValueStateDescriptor<>("max-event-day", Types.INT);
    /** The value of seen ids as builds before the sixth speed session kept them ({@code seen-transactions}, keyed by the id). */
    static final TypeInformation<Tuple2<Integer, Long>> SEEN_VALUE = Types.TUPLE(Types.INT, Types.LONG);
    /** Seen transaction ids, keyed by the id's {@link Hashing#hash64} under the id's {@link #bucket}. */
    static final MapStateDescriptor<Long, ProfileSerializers.Seen> SEEN =
            new MapStateDescriptor<>("seen-transaction-hashes", Types.LONG, ProfileSerializers.SEEN);
    /** Records between two retention sweeps of the global maps. */
    static final int SWEEP_EVERY = 1 << 17;
    /**
     * Keys (1 to {@code BUCKETS}) that the seen ids and cluster profiles are spread over; key 0 holds
     * the latest event day, and held everything in earlier builds. A power of two.
     */
    static final int BUCKETS = StateBuckets.BUCKETS;

    private final String baseline;
    private final ClusterConfig clusterConfig;
    private final int senderParallelism;
    private final int senderMaxParallelism;
    private final int sweepEvery;

    private transient BundleStage bundles;
    private transient StateClusters clusters;
    private transient RuleBundleLoader loader;
    /** The payee-cluster resolver with its incremental checkpoint, restored or created when the stage is bound. */
    private transient ResolverJournal journal;
    /** The whole resolver, as earlier builds checkpointed it (operator state); read once, then emptied. */
    private transient ListState<byte[]> resolverState;
    private transient byte[] legacyResolver;
    /** The journal's parts (bases' chunks, log segments), one per key ({@link JournalState}). */
    private transient org.apache.flink.api.common.state.ValueState<byte[]> journalParts;
    private transient org.apache.flink.api.common.state.ValueState<long[]> journalManifest;
    private transient JournalState journalState;
    private transient MapState<String, ProfileSerializers.DatedCluster> profiles;
    /** Transaction id → (event day, content fingerprint). */
    /** Seen transaction ids: the id's 64-bit hash → its day and content fingerprint, under the id's bucket. */
    private transient MapState<Long, ProfileSerializers.Seen> seen;
    /** Seen ids as the build before kept them (id → day and fingerprint); moved into {@link #seen} when the stage is bound. */
    private transient MapState<String, Tuple2<Integer, Long>> stringSeen;
    /** Transaction id → event day, as checkpointed by earlier builds; read and swept until empty. */
    /** Seen ids as earlier builds kept them (id → day, no fingerprint); moved into {@link #seen} when the stage is bound. */
    private transient MapState<String, Integer> legacySeen;
    private transient org.apache.flink.api.common.state.ValueState<Integer> maxDay;
    /** The retention sweep's turn over the buckets. */
    private transient StateBuckets.Cycle sweeps;
    /** {@link #maxDay} as last read or written (the stage has one key); read once after a (re)start. */
    private transient Integer maxDayCache;
    private transient boolean maxDayRead;
    private transient int[] versionSent;
    /** The operator's keyed-state context, switched to the bucket each access reads ({@link #bind}). */
    private transient KeyContext keys;
    private transient Counter duplicates;
    private transient Counter duplicatesOtherContent;
    private transient Counter noBundleInEffect;
    private transient Counter unscreenable;
    private transient Counter merges;
    private transient Counter tooOld;

    /**
     * @param baseline             canonical JSON of the bundle to screen with until another arrives
     * @param clusterConfig        payee-cluster settings
     * @param senderParallelism    parallelism of the sender stage
     * @param senderMaxParallelism max parallelism of the sender stage
     */
    ClusterStepFunction(String baseline, ClusterConfig clusterConfig, int senderParallelism, int senderMaxParallelism) {
        this(baseline, clusterConfig, senderParallelism, senderMaxParallelism, SWEEP_EVERY);
    }

    /** As above, sweeping every bucket once every {@code sweepEvery} records (tests sweep often). */
    ClusterStepFunction(String baseline, ClusterConfig clusterConfig, int senderParallelism, int senderMaxParallelism,
                        int sweepEvery) {
        this.sweepEvery = sweepEvery;
        this.baseline = baseline;
        this.clusterConfig = clusterConfig;
        this.senderParallelism = senderParallelism;
        this.senderMaxParallelism = senderMaxParallelism;
    }

    /** The names of the watchlists shipped with the job: a new bundle naming another list is rejected. */
    private java.util.ArrayList<String> watchlistNames = new java.util.ArrayList<>();

    /** Sets the names of the watchlists the job was built with (none by default). */
    ClusterStepFunction watchlistNames(java.util.List<String> names) {
        this.watchlistNames = new java.util.ArrayList<>(names);
        return this;
    }

    @Override
    public void open(OpenContext ctx) {
        // typed: on the heap backend a record updates its cluster's profile in place
        profiles = getRuntimeContext().getMapState(new MapStateDescriptor<>("cluster-profiles", Types.STRING,
                ProfileSerializers.CLUSTER));
        clusters = new StateClusters(this, profiles);
        seen = getRuntimeContext().getMapState(SEEN);
        stringSeen = getRuntimeContext().getMapState(new MapStateDescriptor<>("seen-transactions", Types.STRING, SEEN_VALUE));
        legacySeen = getRuntimeContext().getMapState(new MapStateDescriptor<>("seen-transaction-ids", Types.STRING, Types.INT));
        maxDay = getRuntimeContext().getState(MAX_DAY);
        sweeps = new StateBuckets.Cycle(sweepEvery);
        versionSent = new int[senderParallelism];
        maxDayRead = false;
        keys = null;
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
        duplicatesOtherContent = getRuntimeContext().getMetricGroup().counter("duplicatesOtherContent");
        noBundleInEffect = getRuntimeContext().getMetricGroup().counter("noBundleInEffect");
        unscreenable = getRuntimeContext().getMetricGroup().counter("unscreenable");
        merges = getRuntimeContext().getMetricGroup().counter("clusterMerges");
        tooOld = getRuntimeContext().getMetricGroup().counter("tooOld");
        getRuntimeContext().getMetricGroup().gauge("trackedBeneficiaries",
                () -> journal == null ? 0 : journal.resolver().beneficiaryCount());
        journalParts = getRuntimeContext().getState(JOURNAL_PARTS);
        journalManifest = getRuntimeContext().getState(JOURNAL_MANIFEST);
    }

    /** The bucket key (1 to {@link #BUCKETS}) of a transaction or cluster id ({@link StateBuckets#bucket}). */
    static int bucket(String id) {
        return StateBuckets.bucket(id);
    }

    /** Makes {@code key} (0, or a bucket) the current key of the stage's keyed state. */
    private void at(int key) {
        StateBuckets.at(keys, key);
    }

    /**
     * Called by {@link ClusterStageOperator} once opened, with state restored: binds the key context,
     * moves maps restored under key 0 (earlier builds kept everything under that one key) into
     * their buckets, and restores the resolver from its journal (or from the whole resolver an
     * earlier build checkpointed, or creates it).
     */
    void bind(KeyContext context) throws Exception {
        this.keys = context;
        seenToHashes();
        StateBuckets.toBuckets(keys, profiles);
        if (journal != null) {
            journal.close();
        }
        journalState = new JournalState();
        ResolverJournal.Checkpoint restored = journalState.read();
        if (restored != null) {
            journal = ResolverJournal.restore(clusterConfig, restored, BACKGROUND);
        } else if (legacyResolver != null) {
            journal = ResolverJournal.fromSnapshot(clusterConfig, legacyResolver, BACKGROUND);
        } else {
            journal = ResolverJournal.create(clusterConfig, BACKGROUND);
        }
        legacyResolver = null;
    }

    /**
     * Moves seen ids restored in the forms of earlier builds into {@link #seen}, keyed by the id's
     * hash under the id's bucket: {@code seen-transactions} (id → day and fingerprint; under key 0
     * before the third speed session, in buckets after it) and {@code seen-transaction-ids} (id →
     * day, no fingerprint: kept with fingerprint 0, content unknown). Both are empty afterwards, so
     * this reads nothing after the first restore of this build's state.
     */
    private void seenToHashes() throws Exception {
        List<java.util.Map.Entry<String, ProfileSerializers.Seen>> moved = new ArrayList<>();
        for (int k = 0; k <= BUCKETS; k++) {
            at(k);
            int before = moved.size();
            for (var en : stringSeen.entries()) {
                moved.add(java.util.Map.entry(en.getKey(), new ProfileSerializers.Seen(en.getValue().f0, en.getValue().f1)));
            }
            for (var en : legacySeen.entries()) {
                moved.add(java.util.Map.entry(en.getKey(), new ProfileSerializers.Seen(en.getValue(), 0L)));
            }
            if (moved.size() > before) {
                stringSeen.clear();
                legacySeen.clear();
            }
        }
        for (var en : moved) {
            at(bucket(en.getKey()));
            Long h = Hashing.hash64(en.getKey());
            ProfileSerializers.Seen there = seen.get(h);
            // an id in both earlier forms: the later sighting, with its fingerprint if known
            if (there == null || there.day() < en.getValue().day()
                    || (there.day() == en.getValue().day() && there.fingerprint() == 0L)) {
                seen.put(h, en.getValue());
            }
        }
    }

    @Override
    public void processElement(Envelope e, ReadOnlyContext ctx, Collector<Envelope> out) throws Exception {
        if (keys == null) {
            throw new IllegalStateException("ClusterStepFunction runs in a ClusterStageOperator, which binds its key context");
        }
        if (bundles == null) {
            bundles = readStage(ctx.getBroadcastState(RULES));
        }
        Bodies.Parsed parsed = (Bodies.Parsed) e.body;
        Transaction tx = parsed.tx();
        int day = (int) Math.floorDiv(e.time, 86_400_000L);
        CompiledBundle bundle = bundles.at(day);
        if (bundle == null) {
            noBundleInEffect.inc();
            ctx.output(ParseFunction.DEAD_LETTER, DeadLetters.json("screening",
                    new Rejection(e.seq, TransactionCodec.standard().toJson(parsed.whole()), "timestamp", bundles.notInEffect(tx.timestamp()))));
            return;
        }
        ScreeningEngine engine = bundle.engine();
        try {
            engine.checkScreenable(tx);
        } catch (UnscreenableTransactionException ex) {
            unscreenable.inc();
            ctx.output(ParseFunction.DEAD_LETTER, DeadLetters.json("screening",
                    new Rejection(e.seq, TransactionCodec.standard().toJson(parsed.whole()), ex.field(), ex.getMessage())));
            return;
        }
        Integer latest = maxDay();
        int clockBefore = latest == null ? Integer.MIN_VALUE : latest;
        int retention = bundles.retentionDays();
        String old = TimeChecks.tooOld(tx, clockBefore, retention);
        if (old != null) {
            tooOld.inc();
            ctx.output(ParseFunction.DEAD_LETTER, DeadLetters.json("screening",
                    new Rejection(e.seq, TransactionCodec.standard().toJson(parsed.whole()), "timestamp", old)));
            return;
        }
        int clock = Math.max(clockBefore, day);
        long fingerprint = parsed.fingerprint();
        int txKey = bucket(tx.id());
        at(txKey);
        Long idHash = Hashing.hash64(tx.id());
        ProfileSerializers.Seen first = seen.get(idHash);
        if (first != null && first.day() >= Retention.oldestDay(clock, retention)) { // remembered: within the retention
            if (first.fingerprint() == fingerprint) {
                duplicates.inc();
                return;
            }
            duplicatesOtherContent.inc();
            ctx.output(ParseFunction.DEAD_LETTER, DeadLetters.json("screening", new Rejection(e.seq,
                    TransactionCodec.standard().toJson(parsed.whole()), "id", first.fingerprint() == 0L
                    ? unknownContent(first.day()) : Screener.duplicateWithOtherContent(first.day()))));
            return;
        }
        seen.put(idHash, new ProfileSerializers.Seen(day, fingerprint)); // still under txKey: nothing above switched
        Resolution r = journal.resolve(tx.beneficiary().id(), parsed.ids());
        merges.inc(r.merges().size());
        clusters.begin();
        ClusterView view = ClusterStage.step(engine, clusters, tx, r, parsed.surname(), parsed.address(), clock);
        if (latest == null || day > latest) {
            maxDayCache = day;
            at(0);
            maxDay.update(day);
            for (RuleBundleEvent taken : bundles.advance(clockBefore, day, tx.timestamp(), Instant.now())) {
                ctx.output(RULE_EVENTS, taken.toJson());
            }
        }
        for (int n = sweeps.due(); n > 0; n--) {
            sweep(sweeps.next());
        }
        int version = engine.bundle().version();
        int channel = KeyGroupRangeAssignment.assignKeyToParallelOperator(tx.sender().id(), senderMaxParallelism,
                senderParallelism);
        String text = null;
        if (versionSent[channel] != version) {
            versionSent[channel] = version;
            text = bundle.canonicalJson();
        }
        out.collect(new Envelope(tx.sender().id(), e.time, e.seq, e.ingest, version, text, new Bodies.Routed(tx, view, parsed.encoded())));
    }

    /**
     * The cluster profiles over map state ({@link ClusterStore}), with the day each was last written.
     * The transaction's own cluster, read first, and the cluster read last are remembered, so that a
     * profile changed in place is put back without a new holder.
     */
    private static final class StateClusters implements ClusterStore {
        private final ClusterStepFunction stage;
        private final MapState<String, ProfileSerializers.DatedCluster> state;
        private String mainId;
        private ProfileSerializers.DatedCluster main;
        private String lastId;
        private ProfileSerializers.DatedCluster last;

        StateClusters(ClusterStepFunction stage, MapState<String, ProfileSerializers.DatedCluster> state) {
            this.stage = stage;
            this.state = state;
        }

        void begin() {
            mainId = null;
            main = null;
            lastId = null;
            last = null;
        }

        @Override
        public ClusterProfile profile(String clusterId, int oldestDay) {
            ProfileSerializers.DatedCluster c;
            try {
                stage.at(bucket(clusterId));
                c = state.get(clusterId);
                if (c != null && c.day < oldestDay) {
                    state.remove(clusterId);
                    c = null;
                }
            } catch (Exception ex) {
                throw new IllegalStateException("reading cluster-profiles state failed", ex);
            }
            if (mainId == null) {
                mainId = clusterId;
                main = c;
            } else {
                lastId = clusterId;
                last = c;
            }
            return c == null ? null : c.profile;
        }

        @Override
        public void putProfile(String clusterId, ClusterProfile profile, int day) {
            ProfileSerializers.DatedCluster c = clusterId.equals(mainId) ? main : clusterId.equals(lastId) ? last : null;
            if (c == null || c.profile != profile) {
                c = new ProfileSerializers.DatedCluster(day, profile);
            }
            c.day = day;
            try {
                stage.at(bucket(clusterId));
                state.put(clusterId, c);
            } catch (Exception ex) {
                throw new IllegalStateException("writing cluster-profiles state failed", ex);
            }
        }

        @Override
        public void removeProfile(String clusterId) {
            if (clusterId.equals(lastId)) {
                last = null;
            }
            try {
                stage.at(bucket(clusterId));
                state.remove(clusterId);
            } catch (Exception ex) {
                throw new IllegalStateException("writing cluster-profiles state failed", ex);
            }
        }
    }

    /** The reason for an id seen again among the ids restored from an earlier build, which kept no fingerprint. */
    static String unknownContent(int firstDay) {
        return "duplicate id, content unknown: a transaction with this id was screened on " + LocalDate.ofEpochDay(firstDay)
                + " (UTC day) by an earlier version of the job, which kept no content fingerprint, so a replay cannot be told"
                + " from a reused id; dead-lettered rather than dropped. If it is a replay, discard it";
    }

    private Integer maxDay() throws Exception {
        if (!maxDayRead) {
            at(0);
            maxDayCache = maxDay.value();
            maxDayRead = true;
        }
        return maxDayCache;
    }

    /**
     * Frees what the retention has forgotten in one bucket: seen ids and cluster profiles whose day is
     * older than the longest retention among the bundles held before the latest event day
     * ({@link Retention}). Buckets are swept in turn ({@link StateBuckets.Cycle}), a full cycle every
     * {@code sweepEvery} records.
     */
    void sweep(int bucket) throws Exception {
        Integer max = maxDay();
        if (max == null) {
            return;
        }
        int oldest = Retention.oldestDay(max, bundles.retentionDays());
        at(bucket);
        var ids = seen.iterator();
        while (ids.hasNext()) {
            if (ids.next().getValue().day() < oldest) {
                ids.remove();
            }
        }
        var ps = profiles.iterator();
        while (ps.hasNext()) {
            if (ps.next().getValue().day < oldest) {
                ps.remove();
            }
        }
    }

    private RuleBundleLoader loader() {
        if (loader == null) {
            loader = new RuleBundleLoader();
        }
        return loader;
    }

    /** The stage in broadcast state, as written by this build or (one running bundle) an earlier one; else the baseline. */
    private BundleStage readStage(ReadOnlyBroadcastState<String, String> rules) throws Exception {
        if (rules.contains(SCHEDULE)) {
            return BundleStage.fromState(rules.get(SCHEDULE), loader());
        }
        if (rules.contains(CURRENT)) {
            String text = rules.get(CURRENT);
            return BundleStage.starting(Engines.parse(text), RuleBundleEvent.sha256(text), RuleBundleEvent.Digest.CANONICAL,
                    "checkpoint", loader(), false);
        }
        RuleBundle b = Engines.parse(baseline);
        RuleBundleEvent.BundleRef ref = RuleBundleEvent.digestOf(b, loader()); // the shipped pack: the file as shipped
        return BundleStage.starting(b, ref.sha256(), ref.digest(), "baseline", loader(), false);
    }

    @Override
    public void processBroadcastElement(RuleEvent event, Context ctx, Collector<Envelope> out) throws Exception {
        BroadcastState<String, String> rules = ctx.getBroadcastState(RULES);
        if (bundles == null) {
            bundles = readStage(rules);
        }
        Integer[] clockBox = new Integer[1];
        ctx.applyToKeyedState(MAX_DAY, (key, state) -> clockBox[0] = state.value());
        int clock = clockBox[0] == null ? Integer.MIN_VALUE : clockBox[0];
        LocalDate eventDay = clockBox[0] == null ? null : LocalDate.ofEpochDay(clock);
        Instant now = Instant.now();
        String name = event.name == null ? "rules" : event.name;
        byte[] text = event.content == null ? new byte[0] : event.content.getBytes(StandardCharsets.UTF_8);
        String sha256 = RuleBundleEvent.sha256(text);
        RuleBundle candidate;
        try {
            candidate = loader().load(name, text);
        } catch (RuleBundleException ex) {
            List<String> errors = new ArrayList<>();
            for (ValidationError v : ex.errors()) {
                errors.add(v.toString());
            }
            ctx.output(RULE_EVENTS, RuleBundleEvent.rejected(now, eventDay, name, RuleBundleEvent.BundleRef.unreadable(sha256),
                    bundles.schedule().newest().ref(), errors).toJson());
            return;
        }
        // the newest bundle again (for example the baseline replayed) gives no event
        List<RuleBundleEvent> events = bundles.offer(candidate, sha256, RuleBundleEvent.Digest.TEXT, name, clock, now,
                watchlistNames);
        if (!events.isEmpty() && events.get(0).kind() != RuleBundleEvent.Kind.REJECTED) {
            rules.put(SCHEDULE, bundles.toState());
            rules.remove(CURRENT);
        }
        for (RuleBundleEvent ev : events) {
            ctx.output(RULE_EVENTS, ev.toJson());
        }
    }

    /** Keyed state of the resolver's journal: each part (a base's chunk or a log segment) under its own key. */
    static final ValueStateDescriptor<byte[]> JOURNAL_PARTS = new ValueStateDescriptor<>("payee-cluster-journal",
            org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    /** Keyed state of the resolver's journal: which keys hold its parts, under key 0 ({@link JournalState}). */
    static final ValueStateDescriptor<long[]> JOURNAL_MANIFEST = new ValueStateDescriptor<>("payee-cluster-journal-manifest",
            org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO);
    /** The resolver's journal folds its log on a background replica, never on the task thread. */
    static final boolean BACKGROUND = true;
    /** Version of the manifest's layout. */
    static final long JOURNAL_FORMAT = 1;

    /**
     * The resolver's journal ({@link ResolverJournal}) in keyed state. Each part of a checkpoint (a
     * chunk of the base, a segment of the log) is written once, under a key of its own (keys count up
     * from 1), and cleared when a later checkpoint no longer holds it; the manifest under key 0 lists
     * the keys: {@code [format, next key, base calls, base chunks, their keys..., segments, (key,
     * first call, end call)...]}. On the heap backend a part is written as a reference and its bytes
     * serialised by the asynchronous part of the snapshot; with RocksDB and incremental checkpoints
     * only new parts reach the checkpoint.
     */
    private final class JournalState {
        /** Parts written (or read at restore) and their keys, by identity: parts never change. */
        private final java.util.IdentityHashMap<byte[], Integer> keyOf = new java.util.IdentityHashMap<>();
        private int nextKey = 1;

        /** The checkpoint stored, or {@code null} if none is (a new job, or state of an earlier build). */
        ResolverJournal.Checkpoint read() throws Exception {
            at(0);
            long[] m = journalManifest.value();
            if (m == null) {
                return null;
            }
            if (m.length < 5 || m[0] != JOURNAL_FORMAT) {
                throw new IllegalStateException("payee-cluster journal: manifest format " + (m.length == 0 ? "empty" : m[0])
                        + " is not supported; this build reads " + JOURNAL_FORMAT);
            }
            nextKey = Math.toIntExact(m[1]);
            int i = 2;
            long baseCalls = m[i++];
            int chunks = Math.toIntExact(m[i++]);
            List<byte[]> base = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                base.add(part(Math.toIntExact(m[i++])));
            }
            int n = Math.toIntExact(m[i++]);
            List<ResolverJournal.Segment> segments = new ArrayList<>(n);
            for (int s = 0; s < n; s++) {
                int key = Math.toIntExact(m[i++]);
                segments.add(new ResolverJournal.Segment(m[i++], m[i++], part(key)));
            }
            return new ResolverJournal.Checkpoint(new ResolverJournal.Base(baseCalls, base), segments);
        }

        private byte[] part(int key) throws Exception {
            at(key);
            byte[] b = journalParts.value();
            if (b == null) {
                throw new IllegalStateException("payee-cluster journal: the manifest lists part " + key + ", which the state does not hold");
            }
            keyOf.put(b, key);
            return b;
        }

        /** Writes the parts of {@code cp} not yet written, clears those it no longer holds, and the manifest. */
        void write(ResolverJournal.Checkpoint cp) throws Exception {
            java.util.IdentityHashMap<byte[], Boolean> held = new java.util.IdentityHashMap<>();
            for (byte[] c : cp.base().chunks()) {
                held.put(c, Boolean.TRUE);
            }
            for (ResolverJournal.Segment s : cp.segments()) {
                held.put(s.bytes(), Boolean.TRUE);
            }
            for (var it = keyOf.entrySet().iterator(); it.hasNext(); ) {
                var en = it.next();
                if (!held.containsKey(en.getKey())) {
                    at(en.getValue());
                    journalParts.clear();
                    it.remove();
                }
            }
            long[] m = new long[5 + cp.base().chunks().size() + 3 * cp.segments().size()];
            int i = 2;
            m[0] = JOURNAL_FORMAT;
            m[i++] = cp.base().calls();
            m[i++] = cp.base().chunks().size();
            for (byte[] c : cp.base().chunks()) {
                m[i++] = keyFor(c);
            }
            m[i++] = cp.segments().size();
            for (ResolverJournal.Segment s : cp.segments()) {
                m[i++] = keyFor(s.bytes());
                m[i++] = s.firstCall();
                m[i++] = s.endCall();
            }
            m[1] = nextKey;
            at(0);
            journalManifest.update(m);
        }

        private int keyFor(byte[] part) throws Exception {
            Integer key = keyOf.get(part);
            if (key == null) {
                key = nextKey++;
                at(key);
                journalParts.update(part);
                keyOf.put(part, key);
            }
            return key;
        }
    }

    /**
     * Seals the resolver's log since the last checkpoint and writes the journal's new parts to keyed
     * state ({@link JournalState}): on the heap backend a pointer per part, the bytes written later,
     * off this thread, by the backend's asynchronous snapshot. Earlier builds wrote the whole
     * resolver here, on this thread, at every checkpoint.
     */
    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        journalState.write(journal.checkpoint());
        resolverState.clear();
    }

    @Override
    public void close() throws Exception {
        if (journal != null) {
            journal.close();
        }
        super.close();
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        resolverState = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("payee-cluster-resolver", org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        legacyResolver = null;
        if (context.isRestored()) {
            for (byte[] b : resolverState.get()) {
                legacyResolver = b;
            }
        }
        if (versionSent != null) {
            Arrays.fill(versionSent, 0);
        }
    }
}
