package org.osecscreener.job;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.ClusterResolver;
import org.osecscreener.cluster.Merge;
import org.osecscreener.cluster.Resolution;
import org.osecscreener.detect.ClusterView;
import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.detect.UnscreenableTransactionException;
import org.osecscreener.io.Rejection;
import org.osecscreener.io.TransactionCodec;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.ClusterProfile;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleException;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.rules.ValidationError;
import org.osecscreener.screen.TimeChecks;

/**
 * The global stage: de-duplication by transaction id, payee-cluster resolution and the cluster
 * step, and the one place where the rule bundle version switches.
 *
 * <p>Runs as one task (the stream is keyed by a constant): resolution needs a global view of
 * payees. The resolver lives on the heap and is checkpointed as operator state; cluster profiles
 * and seen transaction ids are map state (RocksDB-backed when configured). Because all of it sits
 * under one key, Flink's per-key TTL would rescan the whole map on access; instead every
 * {@link #SWEEP_EVERY} records a sweep drops entries whose last event day is older than the
 * retention, in event time, deterministically.
 *
 * <p>Rule bundles arrive on the broadcast control stream. A valid bundle whose version moves
 * forward replaces the running one (kept in broadcast state); anything else is rejected with an
 * event on the {@link #RULE_EVENTS} side output and the running bundle stays. Each outgoing record
 * is stamped with the version that screens it, and carries the bundle text when it is the first
 * of that version on its channel.
 */
final class ClusterStepFunction extends KeyedBroadcastProcessFunction<Integer, Envelope, RuleEvent, Envelope>
        implements CheckpointedFunction {
    static final MapStateDescriptor<String, String> RULES =
            new MapStateDescriptor<>("rule-bundle", Types.STRING, Types.STRING);
    static final OutputTag<String> RULE_EVENTS = new OutputTag<>("rule-events") {
    };
    private static final String CURRENT = "current";
    /** Records between two retention sweeps of the global maps. */
    static final int SWEEP_EVERY = 1 << 17;

    private final String baseline;
    private final ClusterConfig clusterConfig;
    private final int senderParallelism;
    private final int senderMaxParallelism;
    private final Duration ttl;
    private final int sweepEvery;

    private transient ScreeningEngine engine;
    private transient String engineText;
    private transient ClusterResolver resolver;
    private transient ListState<byte[]> resolverState;
    private transient MapState<String, ProfileSerializers.DatedCluster> profiles;
    private transient MapState<String, Integer> seen;
    private transient org.apache.flink.api.common.state.ValueState<Integer> maxDay;
    private transient long sinceSweep;
    /** {@link #maxDay} as last read or written (the stage has one key); read once after a (re)start. */
    private transient Integer maxDayCache;
    private transient boolean maxDayRead;
    private transient int[] versionSent;
    private transient Counter duplicates;
    private transient Counter unscreenable;
    private transient Counter merges;
    private transient Counter tooOld;

    /**
     * @param baseline             canonical JSON of the bundle to screen with until another arrives
     * @param clusterConfig        payee-cluster settings
     * @param senderParallelism    parallelism of the sender stage
     * @param senderMaxParallelism max parallelism of the sender stage
     * @param ttl                  state retention (the longest rule window and a margin)
     */
    ClusterStepFunction(String baseline, ClusterConfig clusterConfig, int senderParallelism, int senderMaxParallelism,
                        Duration ttl) {
        this(baseline, clusterConfig, senderParallelism, senderMaxParallelism, ttl, SWEEP_EVERY);
    }

    /** As above, sweeping every {@code sweepEvery} records (tests sweep often). */
    ClusterStepFunction(String baseline, ClusterConfig clusterConfig, int senderParallelism, int senderMaxParallelism,
                        Duration ttl, int sweepEvery) {
        this.sweepEvery = sweepEvery;
        this.baseline = baseline;
        this.clusterConfig = clusterConfig;
        this.senderParallelism = senderParallelism;
        this.senderMaxParallelism = senderMaxParallelism;
        this.ttl = ttl;
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
        seen = getRuntimeContext().getMapState(new MapStateDescriptor<>("seen-transaction-ids", Types.STRING, Types.INT));
        maxDay = getRuntimeContext().getState(new org.apache.flink.api.common.state.ValueStateDescriptor<>("max-event-day", Types.INT));
        versionSent = new int[senderParallelism];
        maxDayRead = false;
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
        unscreenable = getRuntimeContext().getMetricGroup().counter("unscreenable");
        merges = getRuntimeContext().getMetricGroup().counter("clusterMerges");
        tooOld = getRuntimeContext().getMetricGroup().counter("tooOld");
        getRuntimeContext().getMetricGroup().gauge("trackedBeneficiaries", () -> resolver == null ? 0 : resolver.beneficiaryCount());
    }

    @Override
    public void processElement(Envelope e, ReadOnlyContext ctx, Collector<Envelope> out) throws Exception {
        if (engine == null) {
            ReadOnlyBroadcastState<String, String> rules = ctx.getBroadcastState(RULES);
            use(rules.contains(CURRENT) ? rules.get(CURRENT) : baseline);
        }
        Bodies.Parsed parsed = (Bodies.Parsed) e.body;
        Transaction tx = parsed.tx();
        try {
            engine.checkScreenable(tx);
        } catch (UnscreenableTransactionException ex) {
            unscreenable.inc();
            ctx.output(ParseFunction.DEAD_LETTER, DeadLetters.json("screening",
                    new Rejection(e.seq, TransactionCodec.standard().toJson(tx), ex.field(), ex.getMessage())));
            return;
        }
        int day = (int) Math.floorDiv(e.time, 86_400_000L);
        Integer latest = maxDay();
        String old = TimeChecks.tooOld(tx, latest == null ? Integer.MIN_VALUE : latest, engine.longestWindowDays() + 1);
        if (old != null) {
            tooOld.inc();
            ctx.output(ParseFunction.DEAD_LETTER, DeadLetters.json("screening",
                    new Rejection(e.seq, TransactionCodec.standard().toJson(tx), "timestamp", old)));
            return;
        }
        if (seen.contains(tx.id())) {
            duplicates.inc();
            return;
        }
        seen.put(tx.id(), day);
        Resolution r = resolver.resolve(tx.beneficiary().id(), parsed.ids());
        ProfileSerializers.DatedCluster cluster = load(r.clusterId());
        for (Merge m : r.merges()) {
            merges.inc();
            ProfileSerializers.DatedCluster dated = profiles.get(m.absorbedClusterId());
            profiles.remove(m.absorbedClusterId());
            ClusterProfile absorbed = dated == null ? null : dated.profile;
            if (m.survivorClusterId().equals(r.clusterId())) {
                cluster.profile.absorb(m.absorbedClusterId(), absorbed);
            } else {
                ProfileSerializers.DatedCluster survivor = load(m.survivorClusterId());
                survivor.profile.absorb(m.absorbedClusterId(), absorbed);
                survivor.day = day;
                profiles.put(m.survivorClusterId(), survivor);
            }
        }
        ClusterView view = engine.clusterStep(cluster.profile, tx, r.clusterId(), r.clusterSize(), parsed.surname(),
                parsed.address());
        cluster.day = day;
        profiles.put(r.clusterId(), cluster);
        if (latest == null || day > latest) {
            maxDayCache = day;
            maxDay.update(day);
        }
        if (++sinceSweep >= sweepEvery) {
            sinceSweep = 0;
            sweep();
        }
        int version = engine.bundle().version();
        int channel = KeyGroupRangeAssignment.assignKeyToParallelOperator(tx.sender().id(), senderMaxParallelism,
                senderParallelism);
        String text = null;
        if (versionSent[channel] != version) {
            versionSent[channel] = version;
            text = engineText;
        }
        out.collect(new Envelope(tx.sender().id(), e.time, e.seq, e.ingest, version, text, new Bodies.Routed(tx, view)));
    }

    private Integer maxDay() throws Exception {
        if (!maxDayRead) {
            maxDayCache = maxDay.value();
            maxDayRead = true;
        }
        return maxDayCache;
    }

    private ProfileSerializers.DatedCluster load(String clusterId) throws Exception {
        ProfileSerializers.DatedCluster c = profiles.get(clusterId);
        return c == null ? new ProfileSerializers.DatedCluster(0, new ClusterProfile()) : c;
    }

    /** Drops seen ids and cluster profiles whose last event day is older than the retention. */
    void sweep() throws Exception {
        Integer max = maxDay();
        if (max == null) {
            return;
        }
        int oldest = max - (int) ttl.toDays();
        var ids = seen.iterator();
        while (ids.hasNext()) {
            if (ids.next().getValue() < oldest) {
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

    private void use(String canonicalJson) {
        RuleBundle b = Engines.parse(canonicalJson);
        engine = ScreeningEngine.of(b);
        engineText = canonicalJson;
    }

    @Override
    public void processBroadcastElement(RuleEvent event, Context ctx, Collector<Envelope> out) throws Exception {
        BroadcastState<String, String> rules = ctx.getBroadcastState(RULES);
        String running = rules.contains(CURRENT) ? rules.get(CURRENT) : baseline;
        RuleBundle current = Engines.parse(running);
        String name = event.name == null ? "rules" : event.name;
        RuleBundle candidate;
        try {
            candidate = new RuleBundleLoader().load(name, event.content == null ? new byte[0]
                    : event.content.getBytes(StandardCharsets.UTF_8));
        } catch (RuleBundleException ex) {
            List<String> errors = new ArrayList<>();
            for (ValidationError v : ex.errors()) {
                errors.add(v.toString());
            }
            ctx.output(RULE_EVENTS, RuleEvents.rejected(name, current, errors));
            return;
        }
        String text = Engines.canonical(candidate);
        if (candidate.version() == current.version() && text.equals(Engines.canonical(current))) {
            return; // the running bundle again (for example the baseline replayed): nothing to do
        }
        if (candidate.version() <= current.version()) {
            ctx.output(RULE_EVENTS, RuleEvents.rejected(name, current, List.of("version " + candidate.version()
                    + " does not move forward from the running version " + current.version())));
            return;
        }
        String missing = org.osecscreener.findings.Watchlists.missing(candidate, watchlistNames);
        if (missing != null) {
            ctx.output(RULE_EVENTS, RuleEvents.rejected(name, current, List.of(missing)));
            return;
        }
        rules.put(CURRENT, text);
        use(text);
        ctx.output(RULE_EVENTS, RuleEvents.accepted(name, candidate, current));
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        resolverState.update(List.of(resolver.snapshot()));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        resolverState = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("payee-cluster-resolver", org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        resolver = null;
        if (context.isRestored()) {
            for (byte[] b : resolverState.get()) {
                resolver = ClusterResolver.restore(clusterConfig, b);
            }
        }
        if (resolver == null) {
            resolver = ClusterResolver.create(clusterConfig);
        }
        if (versionSent != null) {
            Arrays.fill(versionSent, 0);
        }
    }
}
