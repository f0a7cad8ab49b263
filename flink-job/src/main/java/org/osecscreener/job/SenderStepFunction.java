package org.osecscreener.job;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.osecscreener.detect.PartialAssessment;
import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.PairProfile;
import org.osecscreener.profile.SenderProfile;
import org.osecscreener.findings.WatchlistMatches;
import org.osecscreener.stage.SenderStage;
import org.osecscreener.stage.SenderStore;

/**
 * The sender stage, keyed by sender and parallel: the sender's profile and its sender → cluster
 * profiles in keyed state, the detectors, and the partial assessment. A thin adapter: the step,
 * with the expiry of a sender's state in event time and the sender → cluster cap, is core's
 * {@link SenderStage}, over the keyed state ({@link StateSender}).
 *
 * <p><b>Clean-up in event time.</b> A sender that stops paying is forgotten by the rule only when
 * its next transaction arrives; to free the memory of one that never comes back, each sender with
 * state has one event-time timer, set when its state is created, at the day from which dropping
 * the state cannot change a decision ({@link SenderStage#forgettableFrom}: its latest transfer plus
 * twice the longest retention known, plus one day), at a moment of that day spread by the sender's
 * key so that a day's clean-ups do not all fall on midnight. When it fires, the state is dropped if
 * that day has come for the sender's current profile on the admitting stage's clock ({@link #onTimer}),
 * else the timer is set again, for the later day. State restored from a build without these timers
 * gets them when the stage opens ({@link SenderStageOperator}).
 *
 * <p>Earlier builds kept Flink's processing-time TTL on this state as a memory backstop; Flink 2.2
 * restores state written with a TTL into descriptors without one (its TTL metadata is dropped), so
 * their savepoints restore. Without the TTL, profiles are changed in place on the heap backend, pair
 * profiles too (their serializer's copy, which the backend makes while a snapshot is running, is a
 * deep one).
 */
final class SenderStepFunction extends KeyedProcessFunction<String, Envelope, Envelope> implements CheckpointedFunction {
    /** Union list state: holds {@link #TIMERS_SET} once the stage's state has its clean-up timers. */
    static final ListStateDescriptor<Integer> CLEAN_UP_MARK = new ListStateDescriptor<>("sender-clean-up-timers", Types.INT);
    /** The marker's value: every sender with state has its clean-up timer. */
    static final int TIMERS_SET = 1;
    /** Milliseconds in a day. */
    private static final long DAY_MS = 86_400_000L;
    static final ValueStateDescriptor<SenderProfile> PROFILE = new ValueStateDescriptor<>("sender-profile", ProfileSerializers.SENDER);
    private final org.osecscreener.score.Level minLevel;
    private transient ValueState<SenderProfile> profile;
    private transient MapState<String, PairProfile> pairs;
    private transient StateSender sender;
    private transient Engines engines;
    private transient ListState<String> known;
    private transient ListState<Integer> cleanUpMark;
    /** Whether the restored state came from a build that set no clean-up timers. */
    private transient boolean timersMissing;
    /**
     * The latest UTC event day of a transaction this task has screened since it started: a lower
     * bound of the global stage's clock, which admitted it.
     */
    private transient long latestDay;
    private transient org.apache.flink.metrics.Counter forgotten;
    private transient int versionSent;
    private final org.osecscreener.cluster.ClusterConfig clusterConfig;
    /** Shipped with the function (serialised in the job graph); {@code null} without watchlists. */
    private final org.osecscreener.findings.Watchlists watchlists;
    private transient org.osecscreener.findings.WatchlistMatcher watch;

    /**
     * @param minLevel the lowest level the job writes: reasons are rendered only for
     *                 transactions that may reach it
     */
    SenderStepFunction(org.osecscreener.score.Level minLevel) {
        this(minLevel, null, null);
    }

    /**
     * @param clusterConfig payee-cluster settings: parties are normalised as the resolver does
     * @param watchlists    the lists of the {@code watchlist_match} rule, or {@code null}
     */
    SenderStepFunction(org.osecscreener.score.Level minLevel,
                       org.osecscreener.cluster.ClusterConfig clusterConfig, org.osecscreener.findings.Watchlists watchlists) {
        this.minLevel = minLevel;
        this.clusterConfig = clusterConfig;
        this.watchlists = watchlists;
    }

    @Override
    public void open(OpenContext ctx) {
        // typed: on the heap backend a record updates its profiles in place (ProfileSerializers)
        profile = getRuntimeContext().getState(PROFILE);
        pairs = getRuntimeContext().getMapState(new MapStateDescriptor<>("sender-cluster-profiles", Types.STRING,
                ProfileSerializers.PAIR));
        sender = new StateSender(profile, pairs);
        forgotten = getRuntimeContext().getMetricGroup().counter("sendersForgotten");
        // matches are derived data, cached per party and per task (not checkpointed)
        watch = watchlists == null ? null : org.osecscreener.findings.WatchlistMatcher.of(watchlists,
                new org.osecscreener.cluster.IdentifierNormaliser(clusterConfig));
    }

    @Override
    public void processElement(Envelope e, Context ctx, Collector<Envelope> out) throws Exception {
        ScreeningEngine engine = engines.forRecord(e);
        Bodies.Routed r = (Bodies.Routed) e.body;
        latestDay = Math.max(latestDay, Math.floorDiv(e.time, DAY_MS));
        sender.begin();
        Transaction tx = r.whole();
        PartialAssessment partial = SenderStage.step(engine, sender, tx, r.view(),
                watch == null ? WatchlistMatches.NONE : watch.match(tx));
        sender.flush();
        if (!sender.existed) {
            // a new sender (or one the clean-up dropped): its one clean-up timer
            ctx.timerService().registerEventTimeTimer(cleanUpAt(ctx.getCurrentKey(), sender.profile, engines.retentionDays()));
        }
        String text = null;
        if (versionSent != e.version) {
            versionSent = e.version;
            text = e.bundle != null ? e.bundle : Engines.canonical(engine.bundle());
        }
        out.collect(new Envelope("0", e.time, e.seq, e.ingest, e.version, text,
                new Bodies.Partial(partial, engine.mayReach(partial, minLevel))));
    }

    /**
     * The sender's clean-up timer fired: drops its state if the day from which that changes no
     * decision ({@link SenderStage#forgettableFrom}) has come for its current profile, on the clock
     * of the stage that admits transactions: that stage's clock is at least the latest day this task
     * has screened ({@link #latestDay}), whereas the watermark alone may have been moved by a record
     * the stage refused. Otherwise the timer is set again: for the later day, or a day of event time
     * later when only this task's clock lags. At the end of the input (the watermark at its maximum)
     * nothing can arrive any more, and the state is dropped.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Envelope> out) throws Exception {
        SenderProfile p = profile.value();
        if (p == null) {
            return;
        }
        int retention = engines.retentionDays();
        long due = cleanUpAt(ctx.getCurrentKey(), p, retention);
        long watermark = ctx.timerService().currentWatermark();
        if (due > timestamp) {
            ctx.timerService().registerEventTimeTimer(due);
        } else if (watermark == Long.MAX_VALUE || (retention >= 1 && latestDay >= SenderStage.forgettableFrom(p, retention))) {
            profile.clear();
            pairs.clear();
            forgotten.inc();
        } else {
            ctx.timerService().registerEventTimeTimer(Math.max(due, watermark) + DAY_MS);
        }
    }

    /**
     * When the clean-up timer of {@code key} with {@code profile} fires, in event-time milliseconds:
     * within the UTC day {@link SenderStage#forgettableFrom}, at a second of it set by the key.
     *
     * @param retentionDays the longest retention among the bundles known; before any is known (a
     *                      task restored with state but no bundle yet) the timer is a day later
     *                      each time it fires
     */
    static long cleanUpAt(String key, SenderProfile profile, int retentionDays) {
        long spread = Math.floorMod(key.hashCode(), 86_400) * 1000L;
        int latest = profile.countries().latestDay();
        if (latest == Integer.MIN_VALUE) {
            return Long.MIN_VALUE; // no transfer day: every transaction finds it expired
        }
        if (retentionDays < 1) {
            return (latest + 1L) * DAY_MS + spread;
        }
        return SenderStage.forgettableFrom(profile, retentionDays) * DAY_MS + spread;
    }

    /**
     * Sets the clean-up timer of every sender in state restored from a build that set none (called
     * by {@link SenderStageOperator} once the timer service exists); nothing otherwise.
     *
     * @param timers registers an event-time timer for the backend's current key
     */
    void setMissingTimers(org.apache.flink.runtime.state.KeyedStateBackend<String> backend,
                          java.util.function.LongConsumer timers) throws Exception {
        if (!timersMissing) {
            return;
        }
        int retention = engines.retentionDays();
        backend.applyToAllKeys(org.apache.flink.runtime.state.VoidNamespace.INSTANCE,
                org.apache.flink.runtime.state.VoidNamespaceSerializer.INSTANCE, PROFILE, (key, state) -> {
                    SenderProfile p = state.value();
                    if (p != null) {
                        timers.accept(cleanUpAt(key, p, retention));
                    }
                });
        timersMissing = false;
    }

    /**
     * The current sender's state over keyed state ({@link SenderStore}); changes are written back at
     * the end of the record ({@link #flush}). One instance per task, reset per record.
     */
    private static final class StateSender implements SenderStore {
        private final ValueState<SenderProfile> profileState;
        private final MapState<String, PairProfile> state;
        private final Map<String, PairProfile> touched = new HashMap<>(4);
        private final Set<String> removed = new HashSet<>(2);
        /** Relationships read and found absent during the record. */
        private final Set<String> absent = new HashSet<>(2);
        /** The ids listed by the latest {@link #pairCount} (only at the cap). */
        private final List<String> ids = new java.util.ArrayList<>();
        private SenderProfile profile;
        /** Whether the sender had state when the record arrived (then it has its clean-up timer). */
        private boolean existed;
        private boolean cleared;
        private boolean added;

        StateSender(ValueState<SenderProfile> profileState, MapState<String, PairProfile> state) {
            this.profileState = profileState;
            this.state = state;
        }

        void begin() {
            touched.clear();
            removed.clear();
            absent.clear();
            profile = null;
            existed = false;
            cleared = false;
            added = false;
        }

        @Override
        public SenderProfile profile() {
            added = false;
            try {
                profile = profileState.value();
            } catch (Exception ex) {
                throw new IllegalStateException("reading sender-profile state failed", ex);
            }
            existed = profile != null;
            return profile;
        }

        @Override
        public void putProfile(SenderProfile p) {
            profile = p;
        }

        @Override
        public void clear() {
            cleared = true;
            profile = null;
            touched.clear();
            removed.clear();
        }

        @Override
        public boolean addedPair() {
            return added;
        }

        @Override
        public int pairCount() {
            ids.clear();
            if (!cleared) {
                try {
                    for (String k : state.keys()) {
                        if (!removed.contains(k) && !touched.containsKey(k)) {
                            ids.add(k);
                        }
                    }
                } catch (Exception ex) {
                    throw new IllegalStateException("reading sender-cluster state failed", ex);
                }
            }
            ids.addAll(touched.keySet());
            return ids.size();
        }

        @Override
        public String pairId(int i) {
            return ids.get(i);
        }

        @Override
        public PairProfile get(String clusterId) {
            PairProfile p = touched.get(clusterId);
            if (p != null || cleared || removed.contains(clusterId)) {
                return p;
            }
            try {
                // changed in place by the engine, and put back at the end of the record (for RocksDB)
                PairProfile stored = state.get(clusterId);
                if (stored == null) {
                    absent.add(clusterId);
                }
                return stored;
            } catch (Exception ex) {
                throw new IllegalStateException("reading sender-cluster state failed", ex);
            }
        }

        @Override
        public void put(String clusterId, PairProfile p) {
            if (touched.put(clusterId, p) == null && (cleared || removed.contains(clusterId) || absent.contains(clusterId))) {
                added = true;
            }
            removed.remove(clusterId);
        }

        @Override
        public void remove(String clusterId) {
            touched.remove(clusterId);
            removed.add(clusterId);
        }

        void flush() throws Exception {
            if (cleared) {
                state.clear();
            } else {
                for (String id : removed) {
                    state.remove(id);
                }
            }
            for (Map.Entry<String, PairProfile> en : touched.entrySet()) {
                state.put(en.getKey(), en.getValue());
            }
            profileState.update(profile);
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        known.update(engines.texts());
        cleanUpMark.update(timersMissing ? List.of() : List.of(TIMERS_SET));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        engines = new Engines();
        known = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("known-bundles", Types.STRING));
        cleanUpMark = context.getOperatorStateStore().getUnionListState(CLEAN_UP_MARK);
        timersMissing = false;
        if (context.isRestored()) {
            for (String t : known.get()) {
                engines.learn(t);
            }
            timersMissing = !cleanUpMark.get().iterator().hasNext();
        }
        versionSent = 0;
        latestDay = Long.MIN_VALUE;
    }

}
