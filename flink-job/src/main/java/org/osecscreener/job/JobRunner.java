package org.osecscreener.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.score.Level;

/**
 * Wires the real sources and sinks around {@link ScreeningJob}, configures state backend,
 * checkpoints and restarts, runs the job, and summarises a local run.
 */
public final class JobRunner {
    /** Bundled sample used when no input is given. */
    public static final String SAMPLE_RESOURCE = "/org/osecscreener/samples/transactions.jsonl";
    /** Accumulator of the dead letters a Kafka-sink run wrote (its last attempt). */
    public static final String DEAD_LETTER_COUNTER = "deadLetters";
    /** Accumulator of the rule bundles a Kafka-sink run rejected (its last attempt). */
    public static final String REJECTED_BUNDLE_COUNTER = "rejectedRuleBundles";

    private JobRunner() {
    }

    /**
     * Everything {@code run} can be told.
     *
     * @param source             {@code file} or {@code kafka}
     * @param input              file or directory of input (file source); null: the bundled sample
     * @param format             {@code jsonl} (one transaction per line) or {@code pacs008} (ISO 20022
     *                           XML: a whole file, or one Kafka record, per message)
     * @param monitor            poll interval for new files in a directory, or null for a bounded run
     * @param kafkaBootstrap     Kafka bootstrap servers
     * @param inputTopic         Kafka topic of transactions
     * @param groupId            Kafka consumer group
     * @param boundedKafka       stop at the offsets current at start (tests, replays)
     * @param sink               {@code file} or {@code kafka}
     * @param output             output directory (file sink and summary)
     * @param alertsTopic        Kafka topic for alerts
     * @param deadLetterTopic    Kafka topic for dead letters
     * @param ruleEventsTopic    Kafka topic for rule events
     * @param baseline           the starting rule bundle
     * @param rulesDir           directory watched for rule bundle updates (file mode), or null
     * @param rulesTopic         Kafka topic of rule bundle updates, or null
     * @param stateBackend       {@code hashmap} (heap) or {@code rocksdb}
     * @param checkpointInterval checkpoint interval (null disables checkpoints)
     * @param checkpointDir      checkpoint directory (a path or URI)
     * @param parallelism        parallelism of the parallel stages
     * @param lateness           bounded out-of-orderness
     * @param minLevel           lowest level written
     * @param webUi              start the local Flink dashboard
     * @param restarts           restart attempts on failure (fixed delay)
     * @param ingest             pseudonymisation and the bound on future timestamps
     * @param watchlists         the lists of the {@code watchlist_match} rule, or null
     * @param kafkaProperties    the bank's Kafka client properties (security and others), applied to the
     *                           Kafka source, the rule-bundle source and every Kafka sink
     * @param prometheusPort     port or port range ({@code 9249-9259}) of a Prometheus endpoint for the
     *                           job's metrics on a local run, or null for none
     */
    public record Options(String source, String input, String format, Duration monitor, String kafkaBootstrap, String inputTopic,
                          String groupId, boolean boundedKafka, String sink, String output, String alertsTopic,
                          String deadLetterTopic, String ruleEventsTopic, RuleBundle baseline, String rulesDir,
                          String rulesTopic, String stateBackend, Duration checkpointInterval, String checkpointDir,
                          int parallelism, Duration lateness, Level minLevel, boolean webUi, int restarts,
                          IngestSettings ingest, org.osecscreener.findings.Watchlists watchlists,
                          KafkaClientProperties kafkaProperties, String prometheusPort) {
        public Options {
            if (kafkaProperties == null) {
                kafkaProperties = KafkaClientProperties.NONE;
            }
            if (prometheusPort != null) {
                prometheusPort = checkPortRange(prometheusPort);
            }
        }

        /** Options without Kafka client properties and without a Prometheus endpoint. */
        public Options(String source, String input, String format, Duration monitor, String kafkaBootstrap, String inputTopic,
                       String groupId, boolean boundedKafka, String sink, String output, String alertsTopic,
                       String deadLetterTopic, String ruleEventsTopic, RuleBundle baseline, String rulesDir,
                       String rulesTopic, String stateBackend, Duration checkpointInterval, String checkpointDir,
                       int parallelism, Duration lateness, Level minLevel, boolean webUi, int restarts,
                       IngestSettings ingest, org.osecscreener.findings.Watchlists watchlists) {
            this(source, input, format, monitor, kafkaBootstrap, inputTopic, groupId, boundedKafka, sink, output, alertsTopic,
                    deadLetterTopic, ruleEventsTopic, baseline, rulesDir, rulesTopic, stateBackend, checkpointInterval,
                    checkpointDir, parallelism, lateness, minLevel, webUi, restarts, ingest, watchlists, null, null);
        }

        /** Options with ingest settings and no watchlists. */
        public Options(String source, String input, String format, Duration monitor, String kafkaBootstrap, String inputTopic,
                       String groupId, boolean boundedKafka, String sink, String output, String alertsTopic,
                       String deadLetterTopic, String ruleEventsTopic, RuleBundle baseline, String rulesDir,
                       String rulesTopic, String stateBackend, Duration checkpointInterval, String checkpointDir,
                       int parallelism, Duration lateness, Level minLevel, boolean webUi, int restarts, IngestSettings ingest) {
            this(source, input, format, monitor, kafkaBootstrap, inputTopic, groupId, boundedKafka, sink, output, alertsTopic,
                    deadLetterTopic, ruleEventsTopic, baseline, rulesDir, rulesTopic, stateBackend, checkpointInterval,
                    checkpointDir, parallelism, lateness, minLevel, webUi, restarts, ingest, null);
        }

        /** Options with watchlists and raw identifiers. */
        public Options(String source, String input, String format, Duration monitor, String kafkaBootstrap, String inputTopic,
                       String groupId, boolean boundedKafka, String sink, String output, String alertsTopic,
                       String deadLetterTopic, String ruleEventsTopic, RuleBundle baseline, String rulesDir,
                       String rulesTopic, String stateBackend, Duration checkpointInterval, String checkpointDir,
                       int parallelism, Duration lateness, Level minLevel, boolean webUi, int restarts,
                       org.osecscreener.findings.Watchlists watchlists) {
            this(source, input, format, monitor, kafkaBootstrap, inputTopic, groupId, boundedKafka, sink, output, alertsTopic,
                    deadLetterTopic, ruleEventsTopic, baseline, rulesDir, rulesTopic, stateBackend, checkpointInterval,
                    checkpointDir, parallelism, lateness, minLevel, webUi, restarts, IngestSettings.NONE, watchlists);
        }

        /** Options with raw identifiers, no bound on future timestamps and no watchlists. */
        public Options(String source, String input, String format, Duration monitor, String kafkaBootstrap, String inputTopic,
                       String groupId, boolean boundedKafka, String sink, String output, String alertsTopic,
                       String deadLetterTopic, String ruleEventsTopic, RuleBundle baseline, String rulesDir,
                       String rulesTopic, String stateBackend, Duration checkpointInterval, String checkpointDir,
                       int parallelism, Duration lateness, Level minLevel, boolean webUi, int restarts) {
            this(source, input, format, monitor, kafkaBootstrap, inputTopic, groupId, boundedKafka, sink, output, alertsTopic,
                    deadLetterTopic, ruleEventsTopic, baseline, rulesDir, rulesTopic, stateBackend, checkpointInterval,
                    checkpointDir, parallelism, lateness, minLevel, webUi, restarts, IngestSettings.NONE, null);
        }
    }

    /** The Flink configuration for {@code o}: state backend, checkpoints, restarts. */
    public static Configuration configuration(Options o) {
        return configuration(o, null);
    }

    /**
     * The Flink configuration for {@code o}, restoring the job's state from {@code resumeFrom}
     * (a completed checkpoint's directory, {@link Checkpoints#latest}) when it is not null.
     *
     * <p>Checkpoints are retained when the job fails or is cancelled (and survive a killed
     * process in any case), so that {@code run --resume} can continue from the newest; a job that
     * finishes deletes its own. A resumed job claims the checkpoint it starts from (Flink's
     * {@code CLAIM} mode): Flink deletes it once a newer one has completed, so that no older
     * checkpoint outlives the run and a finished run leaves none to resume by mistake.
     */
    public static Configuration configuration(Options o, String resumeFrom) {
        Configuration conf = new Configuration();
        conf.setString("state.backend.type", o.stateBackend());
        if (o.checkpointInterval() != null) {
            conf.setString("execution.checkpointing.interval", o.checkpointInterval().toMillis() + " ms");
            conf.setString("execution.checkpointing.dir", uri(o.checkpointDir()));
            conf.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
            conf.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
            // discard a checkpoint's _metadata before its state files (Checkpoints relies on it)
            conf.setString("execution.checkpointing.cleaner.parallel-mode", "false");
            if ("rocksdb".equals(o.stateBackend())) {
                conf.setString("execution.checkpointing.incremental", "true");
            }
        }
        if (resumeFrom != null) {
            conf.setString("execution.state-recovery.path", resumeFrom);
            conf.setString("execution.state-recovery.claim-mode", "CLAIM");
        }
        if (o.restarts() > 0) {
            conf.setString("restart-strategy.type", "fixed-delay");
            conf.setString("restart-strategy.fixed-delay.attempts", Integer.toString(o.restarts()));
            conf.setString("restart-strategy.fixed-delay.delay", "1 s");
        } else {
            conf.setString("restart-strategy.type", "none");
        }
        conf.setString("parallelism.default", Integer.toString(o.parallelism()));
        // latency: the final stage releases a record when the watermark passes it; with Flink's
        // default (200 ms) the wait for the next watermark made up most of an alert's delay at
        // ordinary rates (benchmarks/README). The alerts' own network buffer: ScreeningJob.
        conf.setString("pipeline.auto-watermark-interval", WATERMARK_INTERVAL);
        if (o.prometheusPort() != null) {
            // Flink 2.x loads reporters through their factory (from plugins/ on a cluster, from the
            // class path in a local mini-cluster); the shaded jar carries flink-metrics-prometheus.
            conf.setString("metrics.reporter.prometheus.factory.class",
                    "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
            conf.setString("metrics.reporter.prometheus.port", o.prometheusPort());
        }
        return conf;
    }

    /**
     * A port ({@code 9249}) or an inclusive port range ({@code 9249-9259}, the first free one is used).
     *
     * @return the value, trimmed
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    public static String checkPortRange(String value) {
        String v = value.strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?").matcher(v);
        if (m.matches()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (from >= 1 && to <= 65535 && from <= to) {
                return v;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a port or a port range: give a port from 1 to 65535"
                + " (9249) or a range (9249-9259)");
    }

    private static String uri(String dir) {
        return Checkpoints.uri(dir);
    }

    /** Attaches sources and sinks for {@code o} to {@code env}. */
    public static void wire(StreamExecutionEnvironment env, Options o) {
        DataStream<RawRecord> raw;
        if ("kafka".equals(o.source())) {
            raw = env.fromSource(Connectors.kafkaSource(o.kafkaBootstrap(), o.inputTopic(), o.groupId(), o.boundedKafka(),
                            o.kafkaProperties()),
                    WatermarkStrategy.noWatermarks(), "kafka transactions").uid("kafka-source")
                    .setParallelism(o.parallelism());
        } else {
            raw = env.fromSource("pacs008".equals(o.format()) ? Connectors.wholeFileSource(o.input(), o.monitor())
                            : Connectors.fileSource(o.input(), o.monitor()), WatermarkStrategy.noWatermarks(),
                    "file transactions").uid("file-source").setParallelism(o.parallelism());
        }
        DataStream<RuleEvent> rules;
        if (o.rulesTopic() != null) {
            rules = env.fromSource(Connectors.kafkaRules(o.kafkaBootstrap(), o.rulesTopic(), o.groupId() + "-rules",
                            o.kafkaProperties()),
                    Connectors.rulesWatermarks(), "kafka rule bundles").uid("kafka-rules").setParallelism(1);
        } else if (o.rulesDir() != null) {
            rules = env.fromSource(Connectors.ruleFiles(o.rulesDir(), Duration.ofSeconds(1)), Connectors.rulesWatermarks(),
                    "watched rule bundles").uid("file-rules").setParallelism(1);
        } else {
            rules = env.fromData(List.of(new RuleEvent("baseline", Engines.canonical(o.baseline()))),
                    TypeExtractor.getForClass(RuleEvent.class)).uid("baseline-rules");
        }
        ScreeningJob.Outputs out = ScreeningJob.build(raw, rules, new ScreeningJob.Settings(o.baseline(),
                ClusterConfig.defaults(), o.parallelism(), o.lateness(), Duration.ofSeconds(30), o.minLevel(),
                "pacs008".equals(o.format()), o.ingest(), o.watchlists()));
        if ("kafka".equals(o.sink())) {
            Duration timeout = Duration.ofMinutes(15);
            out.assessments().sinkTo(Connectors.kafkaSink(o.kafkaBootstrap(), o.alertsTopic(), "osec-alerts", timeout,
                            o.kafkaProperties()))
                    .uid("alerts-sink").name("alerts to kafka").setParallelism(1);
            out.deadLetters().map(new CountLines(DEAD_LETTER_COUNTER, false)).uid("dead-letter-count").name("count dead letters")
                    .setParallelism(1)
                    .sinkTo(Connectors.kafkaSink(o.kafkaBootstrap(), o.deadLetterTopic(), "osec-dead", timeout,
                            o.kafkaProperties()))
                    .uid("dead-letter-sink").name("dead letters to kafka").setParallelism(1);
            out.ruleEvents().map(new CountLines(REJECTED_BUNDLE_COUNTER, true)).uid("rule-events-count").name("count rejected bundles")
                    .setParallelism(1)
                    .sinkTo(Connectors.kafkaSink(o.kafkaBootstrap(), o.ruleEventsTopic(), "osec-rules", timeout,
                            o.kafkaProperties()))
                    .uid("rule-events-sink").name("rule events to kafka").setParallelism(1);
        } else {
            out.assessments().sinkTo(Connectors.fileSink(o.output() + "/alerts", "alerts"))
                    .uid("alerts-sink").name("alerts to files").setParallelism(1);
            out.deadLetters().sinkTo(Connectors.fileSink(o.output() + "/dead-letter", "dead-letter"))
                    .uid("dead-letter-sink").name("dead letters to files").setParallelism(1);
            out.ruleEvents().sinkTo(Connectors.fileSink(o.output() + "/rule-events", "rule-events"))
                    .uid("rule-events-sink").name("rule events to files").setParallelism(1);
        }
    }

    /**
     * Extracts the bundled sample to the temporary directory and returns its path. The file is
     * named after its content's checksum and kept, so that a resumed run finds the file its
     * checkpoint names (the file source's state holds the path and position), even after the
     * temporary directory was emptied: it is extracted again under the same name.
     */
    public static String extractSample() {
        try (InputStream in = JobRunner.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample " + SAMPLE_RESOURCE + " is missing from the jar");
            }
            byte[] bytes = in.readAllBytes();
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes);
            Path file = Path.of(System.getProperty("java.io.tmpdir"),
                    String.format(Locale.ROOT, "osec-screener-sample-%08x.jsonl", crc.getValue()));
            if (!Files.isRegularFile(file) || Files.size(file) != bytes.length) {
                Path tmp = Files.createTempFile(file.getParent(), "osec-sample-", ".part");
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the job on the environment the program was started in (a local mini-cluster under
     * {@code java -jar}, the cluster under {@code flink run}) and waits for it.
     */
    public static JobExecutionResult run(Options o) throws Exception {
        return run(o, null);
    }

    /**
     * Runs the job as {@link #run(Options)} does, restoring its state from the completed
     * checkpoint {@code resumeFrom} when it is not null.
     */
    public static JobExecutionResult run(Options o, String resumeFrom) throws Exception {
        Configuration conf = configuration(o, resumeFrom);
        StreamExecutionEnvironment env = o.webUi()
                ? StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf)
                : StreamExecutionEnvironment.getExecutionEnvironment(conf);
        wire(env, o);
        return env.execute("osec-screener " + o.baseline().id() + "@" + o.baseline().version());
    }

    /**
     * The execution plan of the job {@link #run(Options)} would run for {@code o}: the same
     * configuration and the same operators, wired on an environment that is never executed. Nothing
     * starts (no mini-cluster), nothing connects (a Kafka source or sink is only described) and nothing
     * is written.
     */
    public static ExecutionPlan explain(Options o) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration(o));
        wire(env, o);
        return ExecutionPlan.of(env);
    }

    /** The three output directories of a file-sink run, as the summary names them. */
    public static final List<String> OUTPUT_DIRS = List.of("alerts", "dead-letter", "rule-events");
    /** How often the parse stage emits a watermark (Flink's default is 200 ms): a record waits for it in the final stage. */
    public static final String WATERMARK_INTERVAL = "20 ms";

    /**
     * Counts of what a file-sink run committed, for the summary and the exit code.
     *
     * @param assessments         assessments written (REVIEW and ALERT, or as --min-level says)
     * @param review              of which REVIEW
     * @param alert               of which ALERT
     * @param deadLetters         dead letters (rejected records, unscreenable transactions)
     * @param ruleEvents          rule events (bundles accepted or rejected)
     * @param rejectedRuleBundles of which bundles rejected
     */
    public record Summary(long assessments, long review, long alert, long deadLetters, long ruleEvents,
                          long rejectedRuleBundles) {
        /** Whether some input (a record or a rule bundle) was rejected. */
        public boolean rejectedInput() {
            return deadLetters > 0 || rejectedRuleBundles > 0;
        }

        /** One line of counts, starting with "wrote". */
        public String counts() {
            return String.format(Locale.ROOT, "wrote %d assessments (REVIEW %d, ALERT %d), %d dead letters, %d rule events%s",
                    assessments, review, alert, deadLetters, ruleEvents,
                    rejectedRuleBundles > 0 ? " (" + rejectedRuleBundles + " bundles rejected)" : "");
        }

        /** Prints the counts and the output directories that exist. */
        public void print(PrintWriter out, Path dir, double seconds) {
            out.printf(Locale.ROOT, "%s in %.1f s%n", counts(), seconds);
            printDirectories(out, dir);
        }

        /** Names each output directory that exists, and says which were not written. */
        public static void printDirectories(PrintWriter out, Path dir) {
            List<String> none = new java.util.ArrayList<>();
            for (String d : OUTPUT_DIRS) {
                Path p = dir.resolve(d);
                if (Files.isDirectory(p)) {
                    out.printf(Locale.ROOT, "%-12s %s%n", d.replace('-', ' ') + ":", p);
                } else {
                    none.add(d.replace('-', ' '));
                }
            }
            if (!none.isEmpty()) {
                out.printf(Locale.ROOT, "no %s written%n", String.join(", no ", none));
            }
        }
    }

    /** Reads back the committed output files of a file-sink run. */
    public static Summary summarise(Path dir) throws IOException {
        return summarise(dir, java.util.Set.of());
    }

    /** Reads back the committed output files of a file-sink run, leaving out the files in {@code earlier}. */
    public static Summary summarise(Path dir, java.util.Set<Path> earlier) throws IOException {
        long[] levels = new long[3];
        long all = 0;
        for (String line : lines(dir.resolve("alerts"), earlier)) {
            all++;
            if (line.contains("\"level\":\"ALERT\"")) {
                levels[2]++;
            } else if (line.contains("\"level\":\"REVIEW\"")) {
                levels[1]++;
            }
        }
        List<String> events = lines(dir.resolve("rule-events"), earlier);
        long rejectedBundles = events.stream().filter(JobRunner::isRejectedBundle).count();
        return new Summary(all, levels[1], levels[2], lines(dir.resolve("dead-letter"), earlier).size(), events.size(),
                rejectedBundles);
    }

    static boolean isRejectedBundle(String ruleEvent) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = RULE_EVENT_READER.readTree(ruleEvent);
            return "rejected".equals(n.path("event").asText());
        } catch (IOException e) {
            return false;
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper RULE_EVENT_READER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The committed part files under the output directories of {@code dir} (in-progress files excluded). */
    public static java.util.Set<Path> committedFiles(Path dir) throws IOException {
        java.util.Set<Path> out = new java.util.HashSet<>();
        for (String d : OUTPUT_DIRS) {
            out.addAll(partFiles(dir.resolve(d)));
        }
        return out;
    }

    /**
     * Deletes the uncommitted files a killed attempt left in the output directories (the file
     * sink's hidden {@code .…inprogress…} files, which a restored job never commits). Call only
     * once the run has finished, when nothing is in progress.
     *
     * @return how many were deleted
     */
    public static int deleteUncommitted(Path dir) throws IOException {
        int n = 0;
        for (String d : OUTPUT_DIRS) {
            Path p = dir.resolve(d);
            if (!Files.isDirectory(p)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(p)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String name = f.getFileName().toString();
                    if (name.startsWith(".") && name.contains(".inprogress.")) {
                        Files.delete(f);
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** Every line of the committed part files under {@code dir} (in-progress files excluded). */
    public static List<String> lines(Path dir) throws IOException {
        return lines(dir, java.util.Set.of());
    }

    private static List<Path> partFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> lines(Path dir, java.util.Set<Path> earlier) throws IOException {
        return partFiles(dir).stream()
                .filter(p -> !earlier.contains(p))
                .flatMap(p -> {
                    try {
                        return Files.readAllLines(p).stream();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .filter(l -> !l.isBlank())
                .toList();
    }
}
