package org.osecscreener.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.detect.UnscreenableTransactionException;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleEvent;
import org.osecscreener.score.Level;
import org.osecscreener.screen.AssessmentWriter;
import org.osecscreener.screen.Screener;

/**
 * One input, both shells: the job's four functions chained in operator test harnesses (parse,
 * cluster stage, sender stage, final stage; parallelism 1, the cluster stage sweeping after every
 * record, processing time and state-TTL time standing still), and the embedded {@code Screener}
 * with a wall clock that stands still too. Each step is a transaction or a bundle offered; both
 * shells get the steps in the same order, and their outputs are collected in the job's formats:
 * alert lines at every level, dead letters as {@code line field: reason}, and rule events without
 * their wall-clock {@code time}.
 */
final class StageHarness {
    /** The wall clock of the embedded screener: far from the data, and still. */
    static final Clock STILL = Clock.fixed(Instant.parse("2031-06-01T00:00:00Z"), ZoneOffset.UTC);

    /** What one shell produced. */
    record Outputs(List<String> alerts, List<String> deadLetters, List<String> ruleEvents) {
        Outputs() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /** One step of a scenario: a transaction, or a bundle file offered (its name and text). */
    record Step(Transaction tx, String bundleName, String bundleText) {
        static Step tx(Transaction t) {
            return new Step(t, null, null);
        }

        static Step bundle(String name, String text) {
            return new Step(null, name, text);
        }
    }

    private StageHarness() {
    }

    /** The embedded screener's outputs for the steps, reading bundles from files in {@code dir}. */
    static Outputs embedded(RuleBundle baseline, List<Step> steps, Path dir) throws Exception {
        Outputs out = new Outputs();
        List<RuleBundleEvent> events = new ArrayList<>();
        Screener s = Screener.builder().bundle(baseline).clock(STILL).rejectTooOld(true).ruleEvents(events::add).build();
        long line = 0;
        for (Step step : steps) {
            if (step.tx() == null) {
                Path file = dir.resolve(step.bundleName());
                Files.writeString(file, step.bundleText());
                try {
                    s.reload(file);
                } catch (IllegalArgumentException refused) {
                    // the rejected event says why
                }
            } else {
                line++;
                try {
                    for (String l : lines(s.screenAll(step.tx()))) {
                        out.alerts().add(l);
                    }
                } catch (UnscreenableTransactionException e) {
                    out.deadLetters().add(line + " " + e.field() + ": " + e.getMessage());
                }
            }
            for (RuleBundleEvent e : events) {
                out.ruleEvents().add(withoutTime(e.toJson()));
            }
            events.clear();
        }
        return out;
    }

    private static List<String> lines(org.osecscreener.score.Screening sc) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (AssessmentWriter w = new AssessmentWriter(bytes)) {
            w.write(sc, Level.NONE);
        }
        String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** An opened harness of the cluster stage's operator (as the job builds it) around {@code f}. */
    static KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> clusterHarness(ClusterStepFunction f)
            throws Exception {
        KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> h = new KeyedBroadcastOperatorTestHarness<>(
                new ClusterStageOperator(f), e -> 0, Types.INT, 1, 1, 0);
        h.open();
        return h;
    }

    /** Keys that hold entries of a keyed state of a global stage's operator (0, or buckets). */
    static java.util.Set<Integer> stateKeys(org.apache.flink.streaming.api.operators.AbstractStreamOperator<?> op,
                                            String state) {
        try (var ks = op.<Integer>getKeyedStateBackend().getKeys(state,
                org.apache.flink.runtime.state.VoidNamespace.INSTANCE)) {
            return ks.collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    /** Moves every entry of a map state under key 0, as builds before the buckets kept a global stage's maps. */
    static <V> void toKeyZero(org.apache.flink.streaming.api.operators.AbstractStreamOperator<?> op,
                              org.apache.flink.api.common.state.MapStateDescriptor<String, V> d) throws Exception {
        org.apache.flink.api.common.state.MapState<String, V> state = op.getPartitionedState(
                org.apache.flink.runtime.state.VoidNamespace.INSTANCE,
                org.apache.flink.runtime.state.VoidNamespaceSerializer.INSTANCE, d);
        java.util.Map<String, V> all = new java.util.LinkedHashMap<>();
        for (int k : stateKeys(op, d.getName())) {
            op.setCurrentKey(k);
            for (var e : state.entries()) {
                all.put(e.getKey(), e.getValue());
            }
            state.clear();
        }
        op.setCurrentKey(0);
        state.putAll(all);
    }

    /** An opened harness of the final stage's operator (as the job builds it) around {@code f}. */
    static KeyedOneInputStreamOperatorTestHarness<Integer, Envelope, String> finalHarness(FinalStepFunction f) throws Exception {
        return finalHarness(f, null);
    }

    /** As above, restoring {@code restore} first (if not {@code null}). */
    static KeyedOneInputStreamOperatorTestHarness<Integer, Envelope, String> finalHarness(FinalStepFunction f,
            org.apache.flink.runtime.checkpoint.OperatorSubtaskState restore) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<Integer, Envelope, String> h = new KeyedOneInputStreamOperatorTestHarness<>(
                new FinalStageOperator(f), (Envelope e) -> 0, Types.INT, 1, 1, 0);
        h.setup();
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    /** The sender stage's operator over {@code f}, keyed by sender, set up and open. */
    static KeyedOneInputStreamOperatorTestHarness<String, Envelope, Envelope> senderHarness(SenderStepFunction f) throws Exception {
        return senderHarness(f, null);
    }

    /** As above, restoring {@code restore} first (if not {@code null}). */
    static KeyedOneInputStreamOperatorTestHarness<String, Envelope, Envelope> senderHarness(SenderStepFunction f,
            org.apache.flink.runtime.checkpoint.OperatorSubtaskState restore) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Envelope, Envelope> h = new KeyedOneInputStreamOperatorTestHarness<>(
                new SenderStageOperator(f), (Envelope e) -> e.key, Types.STRING, ScreeningJob.SENDER_MAX_PARALLELISM, 1, 0);
        h.setup();
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    /** The job's outputs for the steps. */
    static Outputs job(RuleBundle baseline, List<Step> steps) throws Exception {
        Outputs out = new Outputs();
        try (OneInputStreamOperatorTestHarness<RawRecord, Envelope> parse = ProcessFunctionTestHarnesses.forProcessFunction(
                new ParseFunction(ClusterConfig.defaults(), false));
             KeyedBroadcastOperatorTestHarness<Integer, Envelope, RuleEvent, Envelope> cluster =
                     clusterHarness(new ClusterStepFunction(
                             Engines.canonical(baseline), ClusterConfig.defaults(), 1, ScreeningJob.SENDER_MAX_PARALLELISM, 1));
             KeyedOneInputStreamOperatorTestHarness<String, Envelope, Envelope> sender =
                     senderHarness(new SenderStepFunction(Level.NONE));
             KeyedOneInputStreamOperatorTestHarness<Integer, Envelope, String> fin =
                     finalHarness(new FinalStepFunction(Level.NONE, Duration.ofSeconds(30)))) {
            for (AbstractStreamOperatorTestHarness<?> h : List.of(parse, cluster, sender, fin)) {
                h.setProcessingTime(0);
                h.setStateTtlProcessingTime(0);
            }
            long line = 0;
            long watermark = Long.MIN_VALUE;
            for (Step step : steps) {
                if (step.tx() == null) {
                    cluster.processBroadcastElement(new RuleEvent(step.bundleName(), step.bundleText()), 0);
                } else {
                    line++;
                    parse.processElement(new RawRecord("file", line, JobTestSupport.json(step.tx())), 0);
                    for (Envelope p : StageHarness.<Envelope>drain(parse.getOutput())) {
                        cluster.processElement(p, p.time);
                        for (Envelope r : StageHarness.<Envelope>drain(cluster.getOutput())) {
                            sender.processElement(r, r.time);
                            for (Envelope q : StageHarness.<Envelope>drain(sender.getOutput())) {
                                fin.processElement(q, q.time);
                                watermark = Math.max(watermark, q.time);
                                fin.processWatermark(watermark);
                            }
                        }
                    }
                    out.alerts().addAll(StageHarness.<String>drain(fin.getOutput()));
                }
                for (String d : side(parse.getSideOutput(ParseFunction.DEAD_LETTER))) {
                    out.deadLetters().add(deadLetter(d));
                }
                for (String d : side(cluster.getSideOutput(ParseFunction.DEAD_LETTER))) {
                    out.deadLetters().add(deadLetter(d));
                }
                for (String e : side(cluster.getSideOutput(ClusterStepFunction.RULE_EVENTS))) {
                    out.ruleEvents().add(withoutTime(e));
                }
            }
        }
        return out;
    }

    /** The values output so far, removed from the harness's queue (watermarks skipped). */
    @SuppressWarnings("unchecked")
    private static <T> List<T> drain(Queue<Object> queue) {
        List<T> out = new ArrayList<>();
        for (Iterator<Object> it = queue.iterator(); it.hasNext(); ) {
            Object o = it.next();
            if (o instanceof StreamRecord<?> r) {
                out.add((T) r.getValue());
            }
            it.remove();
        }
        return out;
    }

    private static List<String> side(Queue<StreamRecord<String>> queue) {
        List<String> out = new ArrayList<>();
        if (queue != null) {
            for (Iterator<StreamRecord<String>> it = queue.iterator(); it.hasNext(); ) {
                out.add(it.next().getValue());
                it.remove();
            }
        }
        return out;
    }

    private static String deadLetter(String json) throws IOException {
        JsonNode n = JobTestSupport.JSON.readTree(json);
        return n.get("line").asLong() + " " + n.get("field").asText() + ": " + n.get("reason").asText();
    }

    private static String withoutTime(String json) {
        try {
            ObjectNode n = (ObjectNode) JobTestSupport.JSON.readTree(json);
            n.remove("time");
            return n.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
