package org.osecscreener.job;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
import org.osecscreener.detect.PairStore;
import org.osecscreener.detect.PartialAssessment;
import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.PairProfile;
import org.osecscreener.profile.SenderProfile;

/**
 * The sender stage, keyed by sender and parallel: the sender's profile and its sender → cluster
 * profiles in keyed state with TTL, the detectors, and the partial assessment.
 */
final class SenderStepFunction extends KeyedProcessFunction<String, Envelope, Envelope> implements CheckpointedFunction {
    private final Duration ttl;
    private final org.osecscreener.score.Level minLevel;
    private transient ValueState<SenderProfile> profile;
    private transient MapState<String, PairProfile> pairs;
    private transient Engines engines;
    private transient ListState<String> known;
    private transient int versionSent;
    private final org.osecscreener.cluster.ClusterConfig clusterConfig;
    /** Shipped with the function (serialised in the job graph); {@code null} without watchlists. */
    private final org.osecscreener.findings.Watchlists watchlists;
    private transient org.osecscreener.findings.WatchlistMatcher watch;

    /**
     * @param ttl      state retention (the longest rule window and a margin)
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
        // matches are derived data, cached per party and per task (not checkpointed)
        watch = watchlists == null ? null : org.osecscreener.findings.WatchlistMatcher.of(watchlists,
                new org.osecscreener.cluster.IdentifierNormaliser(clusterConfig));
    }

    @Override
    public void processElement(Envelope e, Context ctx, Collector<Envelope> out) throws Exception {
        ScreeningEngine engine = engines.forRecord(e);
        Bodies.Routed r = (Bodies.Routed) e.body;
        SenderProfile sp = profile.value();
        if (sp == null) {
            sp = new SenderProfile();
        }
        StatePairs store = new StatePairs(pairs);
        Transaction tx = r.whole();
        PartialAssessment partial = watch == null ? engine.senderStep(sp, store, tx, r.view())
                : engine.senderStep(sp, store, tx, r.view(), watch.match(tx));
        store.flush();
        profile.update(sp);
        String text = null;
        if (versionSent != e.version) {
            versionSent = e.version;
            text = e.bundle != null ? e.bundle : Engines.canonical(engine.bundle());
        }
        out.collect(new Envelope("0", e.time, e.seq, e.ingest, e.version, text,
                new Bodies.Partial(partial, engine.mayReach(partial, minLevel))));
    }

    /**
     * Pair profiles over map state; written back at the end of the record. A record touches one
     * cluster and the few it absorbed, so the touched and removed ones are kept in two short
     * arrays rather than hash maps (two maps per record were a visible share of this stage).
     */
    private static final class StatePairs implements PairStore {
        private final MapState<String, PairProfile> state;
        /** Touched clusters {@code [0, n)}: their id and profile, {@code null} when removed. */
        private String[] ids = new String[4];
        private PairProfile[] values = new PairProfile[4];
        private int n;

        StatePairs(MapState<String, PairProfile> state) {
            this.state = state;
        }

        private int indexOf(String clusterId) {
            for (int i = 0; i < n; i++) {
                if (ids[i].equals(clusterId)) {
                    return i;
                }
            }
            return -1;
        }

        private void set(String clusterId, PairProfile p) {
            int i = indexOf(clusterId);
            if (i < 0) {
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, n * 2);
                    values = Arrays.copyOf(values, n * 2);
                }
                i = n++;
                ids[i] = clusterId;
            }
            values[i] = p;
        }

        @Override
        public PairProfile get(String clusterId) {
            int i = indexOf(clusterId);
            if (i >= 0) {
                return values[i];
            }
            try {
                // a copy: the engine changes it, and pair profiles in state are never changed in place
                // (their serializer's copy() shares them, ProfileSerializers.PairSerializer)
                PairProfile stored = state.get(clusterId);
                return stored == null ? null : stored.copy();
            } catch (Exception ex) {
                throw new IllegalStateException("reading sender-cluster state failed", ex);
            }
        }

        @Override
        public void put(String clusterId, PairProfile p) {
            set(clusterId, Objects.requireNonNull(p, "p"));
        }

        @Override
        public void remove(String clusterId) {
            set(clusterId, null);
        }

        /** Writes back: removals first, then the profiles put, each in the order first touched. */
        void flush() throws Exception {
            for (int i = 0; i < n; i++) {
                if (values[i] == null) {
                    state.remove(ids[i]);
                }
            }
            for (int i = 0; i < n; i++) {
                if (values[i] != null) {
                    state.put(ids[i], values[i]);
                }
            }
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
