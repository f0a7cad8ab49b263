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
        Configuration conf = new Configuration();
        conf.setString("state.backend.type", o.stateBackend());
        if (o.checkpointInterval() != null) {
            conf.setString("execution.checkpointing.interval", o.checkpointInterval().toMillis() + " ms");
            conf.setString("execution.checkpointing.dir", uri(o.checkpointDir()));
            conf.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
            if ("rocksdb".equals(o.stateBackend())) {
                conf.setString("execution.checkpointing.incremental", "true");
            }
        }
        if (o.restarts() > 0) {
            conf.setString("restart-strategy.type", "fixed-delay");
            conf.setString("restart-strategy.fixed-delay.attempts", Integer.toString(o.restarts()));
            conf.setString("restart-strategy.fixed-delay.delay", "1 s");
        } else {
            conf.setString("restart-strategy.type", "none");
        }
        conf.setString("parallelism.default", Integer.toString(o.parallelism()));
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
        if (dir.contains("://")) {
            return dir;
        }
        return Path.of(dir).toAbsolutePath().toUri().toString();
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
            out.deadLetters().sinkTo(Connectors.kafkaSink(o.kafkaBootstrap(), o.deadLetterTopic(), "osec-dead", timeout,
                            o.kafkaProperties()))
                    .uid("dead-letter-sink").name("dead letters to kafka").setParallelism(1);
            out.ruleEvents().sinkTo(Connectors.kafkaSink(o.kafkaBootstrap(), o.ruleEventsTopic(), "osec-rules", timeout,
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

    /** Extracts the bundled sample to a temporary file and returns its path. */
    public static String extractSample() {
        try (InputStream in = JobRunner.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample " + SAMPLE_RESOURCE + " is missing from the jar");
            }
            Path tmp = Files.createTempFile("osec-sample-", ".jsonl");
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the job on the environment the program was started in (a local mini-cluster under
     * {@code java -jar}, the cluster under {@code flink run}) and waits for it.
     */
    public static JobExecutionResult run(Options o) throws Exception {
        Configuration conf = configuration(o);
        StreamExecutionEnvironment env = o.webUi()
                ? StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf)
                : StreamExecutionEnvironment.getExecutionEnvironment(conf);
        wire(env, o);
        return env.execute("osec-screener " + o.baseline().id() + "@" + o.baseline().version());
    }

    /** Counts of what a file-sink run wrote, for the summary. */
    public record Summary(long assessments, long review, long alert, long deadLetters, long ruleEvents) {
        /** Prints the summary. */
        public void print(PrintWriter out, Path dir, double seconds) {
            out.printf(Locale.ROOT, "wrote %d assessments (REVIEW %d, ALERT %d), %d dead letters, %d rule events in %.1f s%n",
                    assessments, review, alert, deadLetters, ruleEvents, seconds);
            out.printf(Locale.ROOT, "alerts:      %s%ndead letter: %s%nrule events: %s%n", dir.resolve("alerts"),
                    dir.resolve("dead-letter"), dir.resolve("rule-events"));
        }
    }

    /** Reads back the committed output files of a file-sink run. */
    public static Summary summarise(Path dir) throws IOException {
        long[] levels = new long[3];
        long all = 0;
        for (String line : lines(dir.resolve("alerts"))) {
            all++;
            if (line.contains("\"level\":\"ALERT\"")) {
                levels[2]++;
            } else if (line.contains("\"level\":\"REVIEW\"")) {
                levels[1]++;
            }
        }
        return new Summary(all, levels[1], levels[2], lines(dir.resolve("dead-letter")).size(),
                lines(dir.resolve("rule-events")).size());
    }

    /** Every line of the committed part files under {@code dir} (in-progress files excluded). */
    public static List<String> lines(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
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
}
