package org.osecscreener.job;

import java.time.Duration;
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
import org.apache.flink.api.common.state.StateTtlConfig;
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
 * <p>The state also carries Flink's TTL, which counts processing time only. It is kept as a memory
 * backstop beyond the retention (state written with it cannot be restored without it, so removing
 * it would break savepoints): in a replay it never fires, and in a live stream it can only drop a
 * relationship its sender has not paid for longer than the TTL ({@code docs/architecture.md}).
 */
final class SenderStepFunction extends KeyedProcessFunction<String, Envelope, Envelope> implements CheckpointedFunction {
    private final Duration ttl;
    private final org.osecscreener.score.Level minLevel;
    private transient ValueState<SenderProfile> profile;
    private transient MapState<String, PairProfile> pairs;
    private transient StateSender sender;
    private transient Engines engines;
    private transient ListState<String> known;
    private transient int versionSent;
    private final org.osecscreener.cluster.ClusterConfig clusterConfig;
    /** Shipped with the function (serialised in the job graph); {@code null} without watchlists. */
    private final org.osecscreener.findings.Watchlists watchlists;
    private transient org.osecscreener.findings.WatchlistMatcher watch;

    /**
     * @param ttl      the backstop TTL of the keyed state, in processing time (beyond the retention)
     * @param minLevel the lowest level the job writes: reasons are rendered only for
     *                 transactions that may reach it
     */
    SenderStepFunction(Duration ttl, org.osecscreener.score.Level minLevel) {
        this(ttl, minLevel, null, null);
    }

    /**
     * @param clusterConfig payee-cluster settings: parties are normalised as the resolver does
     * @param watchlists    the lists of the {@code watchlist_match} rule, or {@code null}
     */
    SenderStepFunction(Duration ttl, org.osecscreener.score.Level minLevel,
                       org.osecscreener.cluster.ClusterConfig clusterConfig, org.osecscreener.findings.Watchlists watchlists) {
        this.ttl = ttl;
        this.minLevel = minLevel;
        this.clusterConfig = clusterConfig;
        this.watchlists = watchlists;
    }

    @Override
    public void open(OpenContext ctx) {
        // Expired entries are dropped on read, visited one per state access on the heap backend
        // (Flink's default visits five: a quarter of this stage's time in profiles), and by
        // RocksDB's compaction filter. One per access still outpaces the arrival of new keys, so
        // the heap state stays within the live senders plus those not yet visited.
        StateTtlConfig ttlConfig = StateTtlConfig.newBuilder(ttl).neverReturnExpired()
                .cleanupIncrementally(1, false).cleanupInRocksdbCompactFilter(1000).build();
        // typed: on the heap backend a record updates its profiles in place (ProfileSerializers)
        ValueStateDescriptor<SenderProfile> p = new ValueStateDescriptor<>("sender-profile", ProfileSerializers.SENDER);
        p.enableTimeToLive(ttlConfig);
        profile = getRuntimeContext().getState(p);
        MapStateDescriptor<String, PairProfile> m = new MapStateDescriptor<>("sender-cluster-profiles", Types.STRING,
                ProfileSerializers.PAIR);
        m.enableTimeToLive(ttlConfig);
        pairs = getRuntimeContext().getMapState(m);
        sender = new StateSender(profile, pairs);
        // matches are derived data, cached per party and per task (not checkpointed)
        watch = watchlists == null ? null : org.osecscreener.findings.WatchlistMatcher.of(watchlists,
                new org.osecscreener.cluster.IdentifierNormaliser(clusterConfig));
    }

    @Override
    public void processElement(Envelope e, Context ctx, Collector<Envelope> out) throws Exception {
        ScreeningEngine engine = engines.forRecord(e);
        Bodies.Routed r = (Bodies.Routed) e.body;
        sender.begin();
        Transaction tx = r.whole();
        PartialAssessment partial = SenderStage.step(engine, sender, tx, r.view(),
                watch == null ? WatchlistMatches.NONE : watch.match(tx));
        sender.flush();
        String text = null;
        if (versionSent != e.version) {
            versionSent = e.version;
            text = e.bundle != null ? e.bundle : Engines.canonical(engine.bundle());
        }
        out.collect(new Envelope("0", e.time, e.seq, e.ingest, e.version, text,
                new Bodies.Partial(partial, engine.mayReach(partial, minLevel))));
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
                // a copy: the engine changes it, and pair profiles in state are never changed in place
                // (their serializer's copy() shares them, ProfileSerializers.PairSerializer)
                PairProfile stored = state.get(clusterId);
                if (stored == null) {
                    absent.add(clusterId);
                    return null;
                }
                return stored.copy();
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
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        engines = new Engines();
        known = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("known-bundles", Types.STRING));
        if (context.isRestored()) {
            for (String t : known.get()) {
                engines.learn(t);
            }
        }
        versionSent = 0;
    }

}
