package org.osecscreener.job;

import java.util.List;

import org.osecscreener.findings.Watchlists;

import java.time.Duration;
import java.util.Objects;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.score.Level;

/**
 * The streaming screening pipeline, independent of where records come from and go to (the
 * caller passes the input streams and attaches the sinks, so tests can inject both):
 *
 * <pre>
 * raw lines ─parse─▶ transactions ─watermarks─▶ [global] de-duplicate, resolve payee cluster,
 *   cluster step ─keyBy sender─▶ [parallel] sender step ─▶ [global] event-time order, final step ─▶ assessments
 * rejections and unscreenable transactions ─▶ dead letters;
 * rule bundles ─(no event time)─broadcast─▶ global stage ─▶ rule events
 * </pre>
 *
 * <p>Records between the stages are {@link Envelope}s with typed bodies and an explicit serializer
 * ({@link EnvelopeSerializer}); object reuse is on, so chained operators pass records without
 * copies. Profiles are typed keyed state ({@link ProfileSerializers}).
 *
 * <p>Operator uids and names are fixed, so savepoints survive upgrades of this code.
 */
public final class ScreeningJob {
    /** Wall-clock time, beyond the lateness, that the final stage holds a record waiting for the watermark. */
    public static final Duration MAX_HOLD = Duration.ofSeconds(10);
    /** After how many milliseconds the final stage ships a partly filled network buffer of alerts. */
    public static final long ALERT_BUFFER_TIMEOUT_MS = 5;
    /** Max parallelism of the keyed sender stage (fixed: changing it breaks savepoints). */
    public static final int SENDER_MAX_PARALLELISM = 128;

    private ScreeningJob() {
    }

    /**
     * The settings of the pipeline.
     *
     * @param baseline      the bundle screening starts with (until the control stream brings another)
     * @param clusterConfig payee-cluster settings
     * @param parallelism   parallelism of the parallel stages
     * @param lateness      bounded out-of-orderness of event time
     * @param idleness      after how long without records a source split stops holding back the watermark
     * @param minLevel      the lowest level written to the assessment output
     * @param pacs008       whether each raw record is an ISO 20022 pacs.008 message (else one JSON line)
     * @param ingest        pseudonymisation and the bound on future timestamps at the parse stage
     * @param watchlists    the lists of the {@code watchlist_match} rule, shipped with the sender stage; or
     *                      {@code null}. With pseudonymisation at ingest they are matched against the
     *                      pseudonyms, which needs the ingest key to be the coalition key ({@link Watchlists#forIngest})
     */
    public record Settings(RuleBundle baseline, ClusterConfig clusterConfig, int parallelism, Duration lateness,
                           Duration idleness, Level minLevel, boolean pacs008, IngestSettings ingest, Watchlists watchlists) {
        /** Settings with raw identifiers, no bound on future timestamps and no watchlists. */
        public Settings(RuleBundle baseline, ClusterConfig clusterConfig, int parallelism, Duration lateness,
                        Duration idleness, Level minLevel, boolean pacs008) {
            this(baseline, clusterConfig, parallelism, lateness, idleness, minLevel, pacs008, IngestSettings.NONE, null);
        }

        /** Settings with ingest settings and no watchlists. */
        public Settings(RuleBundle baseline, ClusterConfig clusterConfig, int parallelism, Duration lateness,
                        Duration idleness, Level minLevel, boolean pacs008, IngestSettings ingest) {
            this(baseline, clusterConfig, parallelism, lateness, idleness, minLevel, pacs008, ingest, null);
        }

        /** Settings with watchlists and raw identifiers. */
        public Settings(RuleBundle baseline, ClusterConfig clusterConfig, int parallelism, Duration lateness,
                        Duration idleness, Level minLevel, boolean pacs008, Watchlists watchlists) {
            this(baseline, clusterConfig, parallelism, lateness, idleness, minLevel, pacs008, IngestSettings.NONE, watchlists);
        }

        /** JSON-lines settings. */
        public Settings(RuleBundle baseline, ClusterConfig clusterConfig, int parallelism, Duration lateness,
                        Duration idleness, Level minLevel) {
            this(baseline, clusterConfig, parallelism, lateness, idleness, minLevel, false);
        }

        public Settings {
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(clusterConfig, "clusterConfig");
            Objects.requireNonNull(ingest, "ingest");
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
            }
            if (lateness.isNegative() || idleness.isNegative() || idleness.isZero()) {
                throw new IllegalArgumentException("lateness must be >= 0 and idleness > 0, were " + lateness + " and " + idleness);
            }
            Watchlists.checkCovers(baseline, watchlists);
            if (watchlists != null && ingest.key() != null) {
                // read here, on the client, only to compare check values; the tasks read their own copy
                watchlists = Watchlists.forIngest(watchlists, ingest.key().pseudonymiser());
            }
        }
    }

    /**
     * The pipeline's outputs.
     *
     * @param assessments assessments at or above the minimum level, as alert JSON lines
     * @param deadLetters rejected records and unscreenable transactions, as dead-letter JSON lines
     * @param ruleEvents  rule events (bundles accepted, pending, taking effect, superseded, rejected), as JSON lines (docs/rule-events.md)
     */
    public record Outputs(DataStream<String> assessments, DataStream<String> deadLetters, DataStream<String> ruleEvents) {
    }

    /**
     * Builds the pipeline.
     *
     * @param raw      the input records (JSON lines with their positions)
     * @param rules    rule bundle updates (may be empty, never null)
     * @param settings the settings
     * @return the output streams, for the caller to attach sinks to
     */
    public static Outputs build(DataStream<RawRecord> raw, DataStream<RuleEvent> rules, Settings settings) {
        // Chained operators hand records over without a defensive copy. Safe here: every function
        // emits new objects, and none keeps or changes a record it received from a chained operator.
        raw.getExecutionEnvironment().getConfig().enableObjectReuse();
        SingleOutputStreamOperator<Envelope> parsed = raw
                .process(new ParseFunction(settings.clusterConfig(), settings.pacs008(), settings.ingest())).uid("parse").name("parse and validate");
        DataStream<String> parseRejects = parsed.getSideOutput(ParseFunction.DEAD_LETTER);

        DataStream<Envelope> timed = parsed.assignTimestampsAndWatermarks(
                WatermarkStrategy.<Envelope>forBoundedOutOfOrderness(settings.lateness())
                        .withTimestampAssigner((e, ts) -> e.time)
                        .withIdleness(settings.idleness()))
                .uid("watermarks").name("event-time watermarks");

        // rule bundles carry no event time: their stream must never move the transactions' clock
        // (a bounded one ends with the end-of-time watermark: EventTimeGate)
        DataStream<RuleEvent> ruleBroadcast = rules
                .transform("rule bundles: no event time", rules.getType(), EventTimeGate.<RuleEvent>noEventTime())
                .uid("rules-no-event-time").setParallelism(1)
                .broadcast();
        // Flink's keyed-broadcast operator, with the function bound to its key context
        // (ClusterStageOperator): the stage's maps are kept per bucket of ids, not under the one key
        SingleOutputStreamOperator<Envelope> routed = timed
                .keyBy(e -> 0, Types.INT)
                .connect(ruleBroadcast)
                .transform("de-duplicate, resolve payee cluster, cluster profile", EnvelopeSerializer.TYPE,
                        new ClusterStageOperator(new ClusterStepFunction(Engines.canonical(settings.baseline()),
                                settings.clusterConfig(), settings.parallelism(), SENDER_MAX_PARALLELISM)
                                .watchlistNames(settings.watchlists() == null ? List.of() : settings.watchlists().names())))
                .uid("cluster-stage").name("de-duplicate, resolve payee cluster, cluster profile")
                .setParallelism(1).setMaxParallelism(1);

        // downstream of one task, idleness carries no information and would let the final stage take
        // one sender subtask's watermark while the other's records are on their way (EventTimeGate)
        SingleOutputStreamOperator<Envelope> partial = routed
                .transform("watermarks, never idle", routed.getType(), EventTimeGate.<Envelope>neverIdle())
                .uid("cluster-stage-never-idle").setParallelism(1).setMaxParallelism(1)
                .keyBy(e -> e.key, Types.STRING)
                // Flink's keyed process operator, which also sets the clean-up timers of state restored
                // from builds that set none (SenderStageOperator)
                .transform("sender profiles and detectors", EnvelopeSerializer.TYPE, new SenderStageOperator(
                        new SenderStepFunction(settings.minLevel(), settings.clusterConfig(), settings.watchlists())))
                .uid("sender-stage").name("sender profiles and detectors")
                .setParallelism(settings.parallelism()).setMaxParallelism(SENDER_MAX_PARALLELISM);

        SingleOutputStreamOperator<String> assessments = partial
                .keyBy(e -> 0, Types.INT)
                // Flink's keyed process operator, with the function bound to its key context
                // (FinalStageOperator): the stage's maps are kept per bucket of ids, not under the one key
                .transform("event-time order, propagation, scoring", Types.STRING,
                        new FinalStageOperator(new FinalStepFunction(settings.minLevel(), settings.lateness().plus(MAX_HOLD))))
                .uid("final-stage").name("event-time order, propagation, scoring")
                .setParallelism(1).setMaxParallelism(1)
                // alerts are few: a partly filled buffer of them goes to the sinks after 5 ms, not
                // Flink's default 100 ms (the busy edges upstream fill their buffers long before)
                .setBufferTimeout(ALERT_BUFFER_TIMEOUT_MS);

        DataStream<String> deadLetters = parseRejects.union(routed.getSideOutput(ParseFunction.DEAD_LETTER));
        return new Outputs(assessments, deadLetters, routed.getSideOutput(ClusterStepFunction.RULE_EVENTS));
    }
}
