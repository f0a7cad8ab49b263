package org.osecscreener.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyContext;
import org.apache.flink.util.Collector;
import org.osecscreener.detect.PartialAssessment;
import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.profile.ClusterAlert;
import org.osecscreener.profile.ClusterRisk;
import org.osecscreener.profile.QueueItem;
import org.osecscreener.stage.AlertStore;
import org.osecscreener.stage.FinalStage;
import org.osecscreener.stage.Retention;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;
import org.osecscreener.screen.AssessmentWriter;

/**
 * The final stage, global: records from the parallel sender stage are put back in event-time
 * order (ties by input position) as the watermark passes them, then each gets propagation from an
 * alerted cluster, its score, level, suppression and alert id. A thin adapter: the step, with
 * where cluster alerts live, their folding on merges and the expiry of the final step's state in
 * event time, is core's {@link FinalStage}, over map state ({@link StateAlerts}): the latest ALERT
 * per cluster ({@code cluster-alerts}), cluster risk ({@code cluster-risk}) and queue items
 * ({@code queue-items}). Emits the assessment as a JSON line ({@code docs/alert-format.md}) when its
 * level is at least the configured minimum.
 */
final class FinalStepFunction extends KeyedProcessFunction<Integer, Envelope, String> implements CheckpointedFunction {
    private final Level minLevel;
    private final long maxHoldMillis;
    private transient org.apache.flink.api.common.state.ValueState<Long> flushedThrough;
    private transient MapState<String, ClusterAlertPojo> alerts;
    private transient MapState<String, ClusterRisk> risks;
    private transient MapState<String, QueueItem> items;
    private transient FinalStage finals;
    private transient Counter clusterAlerts;
    private transient Counter lookBacks;
    private transient Counter victims;
    /** Records waiting for the watermark, by event time; kept in operator memory, checkpointed as operator state. */
    private transient TreeMap<Long, List<Envelope>> buffer;
    private transient ListState<Envelope> bufferState;
    /** {@link #flushedThrough} as last read or written (the stage has one key). */
    private transient Long flushedCache;
    private transient boolean flushedRead;
    private transient Engines engines;
    private transient ListState<String> known;
    private transient Counter assessed;
    private transient Counter review;
    private transient Counter alert;
    private transient MetricGroup hitsGroup;
    private transient Map<String, Counter> hits;
    private transient LatencyHistogram latency;
    /** The retention sweep's turn over the buckets. */
    private transient StateBuckets.Cycle sweeps;
    /** Wall-clock time of the latest record (derived, not checkpointed). */
    private transient long lastArrival;
    /**
     * The earliest event-time timer registered and not yet fired, {@link Long#MAX_VALUE} if none
     * is known. Invariant: while records are buffered, a timer at or before the earliest is
     * registered (timers are checkpointed, so this holds after a restore too).
     */
    private transient long eventTimer;
    /** The latest processing-time timer registered (to skip registering the same one per record). */
    private transient long processingTimer;
    /** The key context, bound by {@link FinalStageOperator}: the maps live in {@link StateBuckets}. */
    private transient KeyContext keys;
    /**
     * The key last made current by this function (0 or a bucket), so that accesses to one bucket in a
     * row switch once; reset to 0 where the operator makes key 0 current (a record, a timer).
     */
    private transient int currentKey;

    /**
     * @param minLevel lowest level emitted
     * @param maxHold  when no record has arrived for this long (the input paused), what is
     *                 buffered is screened in order without waiting for the watermark, and
     *                 anything older that still arrives counts as late; while records flow, the
     *                 order is decided by the watermark alone
     */
    FinalStepFunction(Level minLevel, Duration maxHold) {
        this.minLevel = minLevel;
        this.maxHoldMillis = maxHold.toMillis();
    }

    @Override
    public void open(OpenContext ctx) {
        // The maps are spread over buckets (StateBuckets), not under the stream's one key: the heap
        // backend would copy a whole map on its first write after each checkpoint. No Flink TTL: expiry
        // is decided in event time on read (FinalStage) and memory freed by sweep(), a bucket at a time.
        alerts = getRuntimeContext().getMapState(new MapStateDescriptor<>("cluster-alerts", Types.STRING,
                TypeExtractor.getForClass(ClusterAlertPojo.class)));
        risks = getRuntimeContext().getMapState(new MapStateDescriptor<>("cluster-risk", Types.STRING, ProfileSerializers.RISK));
        items = getRuntimeContext().getMapState(new MapStateDescriptor<>("queue-items", Types.STRING, ProfileSerializers.ITEM));
        finals = new FinalStage(new StateAlerts());
        sweeps = new StateBuckets.Cycle(ClusterStepFunction.SWEEP_EVERY);
        keys = null;
        flushedThrough = getRuntimeContext().getState(
                new org.apache.flink.api.common.state.ValueStateDescriptor<>("flushed-through", Types.LONG));
        MetricGroup g = getRuntimeContext().getMetricGroup();
        assessed = g.counter("assessed");
        review = g.counter("review");
        alert = g.counter("alert");
        clusterAlerts = g.counter("clusterAssessments");
        lookBacks = g.counter("lookBackAlerts");
        victims = g.counter("sextortionVictimAlerts");
        hitsGroup = g.addGroup("hits");
        hits = new HashMap<>();
        latency = g.histogram("screeningLatencyMs", new LatencyHistogram());
    }

    /**
     * Called by {@link FinalStageOperator} once opened, with state restored: binds the key context and
     * moves maps restored under key 0 (earlier builds kept each whole under the stream's one key) into
     * their buckets.
     */
    void bind(KeyContext context) throws Exception {
        this.keys = context;
        StateBuckets.toBuckets(keys, alerts);
        StateBuckets.toBuckets(keys, risks);
        StateBuckets.toBuckets(keys, items);
        currentKey = 0;
    }

    /** Makes the bucket of {@code key} (a cluster id or queue key) current, for one state access. */
    private void bucketOf(String key) {
        int b = StateBuckets.bucket(key);
        if (b != currentKey) {
            StateBuckets.at(keys, b);
            currentKey = b;
        }
    }

    /** Makes key 0 current again: the stage's timers and {@link #flushedThrough} live there. */
    private void home() {
        if (currentKey != 0) {
            StateBuckets.at(keys, 0);
            currentKey = 0;
        }
    }

    @Override
    public void processElement(Envelope e, Context ctx, Collector<String> out) throws Exception {
        if (keys == null) {
            throw new IllegalStateException("FinalStepFunction runs in a FinalStageOperator, which binds its key context");
        }
        currentKey = 0; // the operator made the record's key, 0, current
        engines.forRecord(e); // learn the version now, in channel order
        e.bundle = null;
        lastArrival = ctx.timerService().currentProcessingTime();
        long watermark = ctx.timerService().currentWatermark();
        Long flushed = e.time <= watermark ? null : flushed();
        if (e.time <= watermark || (flushed != null && e.time <= flushed)) {
            screen(e, out); // late for ordering: nothing buffered before it can still come
            return;
        }
        List<Envelope> at = buffer.get(e.time);
        if (at == null) {
            at = new ArrayList<>(1);
            buffer.put(e.time, at);
            // one event-time timer at the earliest buffered time is enough: it screens everything up to the watermark
            if (e.time < eventTimer) {
                ctx.timerService().registerEventTimeTimer(e.time);
                eventTimer = e.time;
            }
            long hold = (lastArrival + maxHoldMillis) / 1000 * 1000 + 1000;
            if (hold != processingTimer) {
                ctx.timerService().registerProcessingTimeTimer(hold);
                processingTimer = hold;
            }
        }
        at.add(e);
    }

    private Long flushed() throws Exception {
        if (!flushedRead) {
            flushedCache = flushedThrough.value();
            flushedRead = true;
        }
        return flushedCache;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
        currentKey = 0; // the operator made the timer's key, 0, current
        if (ctx.timeDomain() == org.apache.flink.streaming.api.TimeDomain.PROCESSING_TIME) {
            long now = ctx.timerService().currentProcessingTime();
            if (now - lastArrival >= maxHoldMillis) {
                flushAll(out); // the input paused: nothing earlier is likely to come
            } else if (!buffer.isEmpty()) {
                processingTimer = (lastArrival + maxHoldMillis) / 1000 * 1000 + 1000;
                ctx.timerService().registerProcessingTimeTimer(processingTimer);
            }
            return;
        }
        // every timer up to the watermark fires in this advance: screen all records up to it, in
        // event-time order (ties by input position), as one timer per buffered time would
        long watermark = ctx.timerService().currentWatermark();
        while (!buffer.isEmpty() && buffer.firstKey() <= watermark) {
            List<Envelope> at = buffer.pollFirstEntry().getValue();
            at.sort(Comparator.comparingLong(x -> x.seq));
            for (Envelope e : at) {
                screen(e, out);
            }
        }
        if (eventTimer <= watermark) {
            eventTimer = Long.MAX_VALUE;
        }
        if (!buffer.isEmpty() && buffer.firstKey() < eventTimer) {
            eventTimer = buffer.firstKey();
            ctx.timerService().registerEventTimeTimer(eventTimer);
        }
    }

    /** The input paused longer than the hold: screen everything buffered, in event-time order. */
    private void flushAll(Collector<String> out) throws Exception {
        if (buffer.isEmpty()) {
            return;
        }
        long last = buffer.lastKey();
        while (!buffer.isEmpty()) {
            List<Envelope> at = buffer.pollFirstEntry().getValue();
            at.sort(Comparator.comparingLong(x -> x.seq));
            for (Envelope e : at) {
                screen(e, out);
            }
        }
        Long flushed = flushed();
        flushedCache = flushed == null ? last : Math.max(flushed, last);
        flushedThrough.update(flushedCache);
    }

    private void screen(Envelope e, Collector<String> out) throws Exception {
        ScreeningEngine engine = engines.forRecord(e);
        PartialAssessment p = ((Bodies.Partial) e.body).assessment();
        org.osecscreener.score.Screening sc;
        try {
            sc = finals.step(engine, p);
        } finally {
            home();
        }
        Assessment a = sc.assessment();
        assessed.inc();
        if (a.level() == Level.REVIEW) {
            review.inc();
        } else if (a.level() == Level.ALERT) {
            alert.inc();
        }
        for (Hit h : a.hits()) {
            hits.computeIfAbsent(h.ruleId(), hitsGroup::counter).inc();
        }
        latency.update(System.currentTimeMillis() - e.ingest);
        for (int n = sweeps.due(); n > 0; n--) {
            sweep(sweeps.next());
        }
        if (a.level().atLeast(minLevel)) {
            out.collect(AssessmentWriter.toJson(a));
        }
        if (sc.victim() != null) {
            victims.inc();
            if (sc.victim().level().atLeast(minLevel)) {
                out.collect(AssessmentWriter.toJson(sc.victim()));
            }
        }
        if (sc.cluster() != null) {
            clusterAlerts.inc();
            if (sc.cluster().level().atLeast(minLevel)) {
                out.collect(AssessmentWriter.toJson(sc.cluster()));
            }
        }
        for (Assessment l : sc.lookBack()) {
            lookBacks.inc();
            if (l.level().atLeast(minLevel)) {
                out.collect(AssessmentWriter.toJson(l));
            }
        }
    }

    /**
     * Frees what the retention has forgotten ({@link FinalStage}'s rules) in one bucket: alerts, risk
     * profiles and queue items older than the longest retention among the bundles known before the
     * stage's clock. Buckets are swept in turn ({@link StateBuckets.Cycle}), every bucket once in
     * {@link ClusterStepFunction#SWEEP_EVERY} records.
     */
    private void sweep(int bucket) throws Exception {
        int oldest = Retention.oldestDay(finals.clockDay(), engines.retentionDays());
        try {
            StateBuckets.at(keys, bucket);
            currentKey = bucket;
            var it = alerts.iterator();
            while (it.hasNext()) {
                if (Retention.day(it.next().getValue().epochSecond) < oldest) {
                    it.remove();
                }
            }
            var rs = risks.iterator();
            while (rs.hasNext()) {
                if (FinalStage.expired(rs.next().getValue(), oldest)) {
                    rs.remove();
                }
            }
            var is = items.iterator();
            while (is.hasNext()) {
                if (FinalStage.expired(is.next().getValue(), oldest)) {
                    is.remove();
                }
            }
        } finally {
            home();
        }
    }

    /**
     * The final step's state over map state ({@link AlertStore}), each entry under its key's bucket
     * ({@link StateBuckets}; {@link #screen} makes key 0 current again after the step). Values are
     * changed in place and put back.
     */
    private final class StateAlerts implements AlertStore {
        @Override
        public ClusterAlert alert(String clusterId) {
            try {
                bucketOf(clusterId);
                return ClusterAlertPojo.toAlert(alerts.get(clusterId));
            } catch (Exception e) {
                throw new IllegalStateException("reading cluster-alerts state failed", e);
            }
        }

        @Override
        public void putAlert(String clusterId, ClusterAlert alert) {
            try {
                bucketOf(clusterId);
                alerts.put(clusterId, ClusterAlertPojo.of(alert));
            } catch (Exception e) {
                throw new IllegalStateException("writing cluster-alerts state failed", e);
            }
        }

        @Override
        public void removeAlert(String clusterId) {
            try {
                bucketOf(clusterId);
                alerts.remove(clusterId);
            } catch (Exception e) {
                throw new IllegalStateException("writing cluster-alerts state failed", e);
            }
        }

        @Override
        public ClusterRisk risk(String clusterId) {
            try {
                bucketOf(clusterId);
                return risks.get(clusterId);
            } catch (Exception e) {
                throw new IllegalStateException("reading cluster-risk state failed", e);
            }
        }

        @Override
        public void putRisk(String clusterId, ClusterRisk risk) {
            try {
                bucketOf(clusterId);
                risks.put(clusterId, risk);
            } catch (Exception e) {
                throw new IllegalStateException("writing cluster-risk state failed", e);
            }
        }

        @Override
        public void removeRisk(String clusterId) {
            try {
                bucketOf(clusterId);
                risks.remove(clusterId);
            } catch (Exception e) {
                throw new IllegalStateException("writing cluster-risk state failed", e);
            }
        }

        @Override
        public QueueItem item(String key) {
            try {
                bucketOf(key);
                return items.get(key);
            } catch (Exception e) {
                throw new IllegalStateException("reading queue state failed", e);
            }
        }

        @Override
        public void putItem(String key, QueueItem item) {
            try {
                bucketOf(key);
                items.put(key, item);
            } catch (Exception e) {
                throw new IllegalStateException("writing queue state failed", e);
            }
        }

        @Override
        public void removeItem(String key) {
            try {
                bucketOf(key);
                items.remove(key);
            } catch (Exception e) {
                throw new IllegalStateException("writing queue state failed", e);
            }
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        known.update(engines.texts());
        List<Envelope> waiting = new ArrayList<>();
        for (List<Envelope> at : buffer.values()) {
            waiting.addAll(at);
        }
        bufferState.update(waiting);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        engines = new Engines();
        known = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("known-bundles", Types.STRING));
        // the stage runs as one task (max parallelism 1), so its buffer is operator state
        bufferState = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("event-time-buffer-records", EnvelopeSerializer.TYPE));
        buffer = new TreeMap<>();
        flushedRead = false;
        eventTimer = Long.MAX_VALUE;
        processingTimer = Long.MIN_VALUE;
        if (context.isRestored()) {
            for (String t : known.get()) {
                engines.learn(t);
            }
            for (Envelope e : bufferState.get()) {
                buffer.computeIfAbsent(e.time, t -> new ArrayList<>(1)).add(e);
            }
        }
    }

    /** A cluster's latest ALERT as a Flink POJO. */
    public static class ClusterAlertPojo {
        public long epochSecond;
        public String senderId;
        public String txId;

        public ClusterAlertPojo() {
        }

        static ClusterAlertPojo of(ClusterAlert a) {
            ClusterAlertPojo p = new ClusterAlertPojo();
            p.epochSecond = a.epochSecond();
            p.senderId = a.senderId();
            p.txId = a.txId();
            return p;
        }

        static ClusterAlert toAlert(ClusterAlertPojo p) {
            return p == null ? null : new ClusterAlert(p.epochSecond, p.senderId, p.txId);
        }
    }
}
