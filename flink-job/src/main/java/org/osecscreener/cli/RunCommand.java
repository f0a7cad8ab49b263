package org.osecscreener.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.osecscreener.job.Checkpoints;
import org.osecscreener.job.ExecutionPlan;
import org.osecscreener.job.JobRunner;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleException;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.score.Level;
import org.osecscreener.job.IngestSettings;
import org.osecscreener.job.KafkaCheck;
import org.osecscreener.job.KafkaClientProperties;
import org.osecscreener.privacy.KeySource;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: the streaming Flink job. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
                "Runs the streaming screening job (Apache Flink). With no options: a local mini-cluster screens the",
                "bundled sample with the default rule pack and writes alerts, dead letters and rule events under",
                "osec-out/, then prints a summary. Under `flink run` the same options run it on a cluster."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the job finished and every record was screened (or the job was submitted, or --explain printed its plan)",
                "1:the job finished but some records (or rule bundles) were rejected: see the dead letter; or the rule bundle is invalid",
                "2:usage error or I/O failure, or the output or checkpoint directory belongs to another run",
                "3:the job failed; its newest checkpoint is kept: run it again with --resume to continue"})
final class RunCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ZoneOption zone = new ZoneOption();
    /** How long the start-up check waits for Kafka to answer. */
    static final Duration KAFKA_CHECK_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = "--source", defaultValue = "file", description = "file (default) or kafka.")
    String source;
    @Option(names = "--input", paramLabel = "PATH", description = "File or directory of JSON lines (default: the bundled sample).")
    String input;
    @Option(names = "--format", defaultValue = "jsonl", converter = InputFormat.Converter.class,
            description = "Input format: jsonl (default; one transaction per line) or pacs008 (ISO 20022 XML: one message per file or per Kafka record).")
    InputFormat format;
    @Option(names = "--monitor", paramLabel = "DURATION", description = "Keep watching the input directory for new files every DURATION (ISO-8601, e.g. PT5S).")
    Duration monitor;
    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT", defaultValue = "localhost:9092", description = "Kafka bootstrap servers (default ${DEFAULT-VALUE}).")
    String kafkaBootstrap;
    @Option(names = "--input-topic", defaultValue = "transactions", description = "Kafka topic of transactions (default ${DEFAULT-VALUE}).")
    String inputTopic;
    @Option(names = "--group-id", defaultValue = "osec-screener", description = "Kafka consumer group (default ${DEFAULT-VALUE}).")
    String groupId;
    @Option(names = "--kafka-properties", paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*, any other) for the Kafka source, sinks and rule topic.")
    Path kafkaPropertiesFile;
    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "One Kafka client property, applied after --kafka-properties (repeatable; secrets belong in the file).")
    java.util.List<String> kafkaPropertyOverrides = new java.util.ArrayList<>();
    @Option(names = "--bounded", description = "Kafka source: stop at the offsets current at start.")
    boolean bounded;
    @Option(names = "--sink", defaultValue = "file", description = "file (default) or kafka.")
    String sink;
    @Option(names = "--output", paramLabel = "DIR", defaultValue = "osec-out", description = "Output directory for the file sink (default ${DEFAULT-VALUE}).")
    String output;
    @Option(names = "--alerts-topic", defaultValue = "osec-alerts", description = "Kafka topic for alerts (default ${DEFAULT-VALUE}).")
    String alertsTopic;
    @Option(names = "--dead-letter-topic", defaultValue = "osec-dead-letter", description = "Kafka topic for dead letters (default ${DEFAULT-VALUE}).")
    String deadLetterTopic;
    @Option(names = "--rule-events-topic", defaultValue = "osec-rule-events", description = "Kafka topic for rule events (default ${DEFAULT-VALUE}).")
    String ruleEventsTopic;
    @Option(names = "--rules", paramLabel = "FILE", description = "Baseline rule bundle (default: the pack shipped in the jar).")
    Path rules;
    @Option(names = "--rules-dir", paramLabel = "DIR", description = "Watch DIR for rule bundle updates (file mode).")
    String rulesDir;
    @Option(names = "--rules-topic", paramLabel = "TOPIC", description = "Read rule bundle updates from a Kafka topic.")
    String rulesTopic;
    @Option(names = "--state-backend", defaultValue = "hashmap", description = "hashmap (heap, default) or rocksdb.")
    String stateBackend;
    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", defaultValue = "PT10S", description = "Checkpoint interval, ISO-8601 (default ${DEFAULT-VALUE}); PT0S disables checkpoints.")
    Duration checkpointInterval;
    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Checkpoint directory or URI (default: OUTPUT/checkpoints). Checkpoints are kept when the job fails or the process dies.")
    String checkpointDir;
    @Option(names = "--resume",
            description = "Continue the run whose output (and checkpoints) are in OUTPUT (or --checkpoint-dir) from its newest"
                    + " completed checkpoint, after the process was killed or the job failed. Give the same options as that run.")
    boolean resume;
    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism of the parallel stages (default ${DEFAULT-VALUE}).")
    int parallelism;
    @Option(names = "--lateness", paramLabel = "DURATION", defaultValue = "PT5S", description = "Allowed out-of-orderness of event time (default ${DEFAULT-VALUE}).")
    Duration lateness;
    @Option(names = "--min-level", defaultValue = "REVIEW", description = "Lowest level written: NONE, REVIEW (default) or ALERT.")
    Level minLevel;
    @Option(names = "--restarts", defaultValue = "3", description = "Restart attempts after a failure (default ${DEFAULT-VALUE}).")
    int restarts;
    @picocli.CommandLine.Mixin
    WatchlistOptions watch = new WatchlistOptions();

    @Option(names = "--web-ui", description = "Start the local Flink dashboard (http://localhost:8081).")
    boolean webUi;
    @Option(names = "--prometheus-port", paramLabel = "PORT[-PORT]",
            description = "Serve the job's metrics for Prometheus at http://HOST:PORT/metrics (a local run; a range takes the first free port).")
    String prometheusPort;
    @CommandLine.Mixin
    KeyOptions key;
    @Option(names = "--raw-dead-letters",
            description = "With a pseudonymisation key: still write each rejected record raw to the dead letter (personal data; opt-in).")
    boolean rawDeadLetters;
    @Option(names = "--max-future", paramLabel = "DURATION", defaultValue = "P1D", description = MaxFuture.RUN)
    String maxFuture;
    @Option(names = "--explain", arity = "0..1", fallbackValue = "text", paramLabel = "text|json",
            description = {"Print the job's execution plan and exit without running it: text (the default) is a table of"
                    + " the operators with their parallelism, max parallelism, uid and the ship strategy of each input;"
                    + " json is Flink's JSON plan (with uid and max_parallelism added). Options, input, rules, lists and"
                    + " Kafka properties are checked as for a run; nothing is written, no output or checkpoint directory"
                    + " is checked or created, Kafka is not contacted. Only the plan goes to standard output."})
    String explain;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        boolean explaining = explain != null;
        PrintWriter planOut = spec.commandLine().getOut();
        PrintWriter out = explaining ? err : planOut; // --explain: only the plan on standard output
        if (explaining && !explain.equals("text") && !explain.equals("json")) {
            err.println("error: --explain must be text or json, was " + explain);
            return Main.USAGE_OR_IO;
        }
        if (!source.equals("file") && !source.equals("kafka")) {
            err.println("error: --source must be file or kafka, was " + source);
            return Main.USAGE_OR_IO;
        }
        if (!sink.equals("file") && !sink.equals("kafka")) {
            err.println("error: --sink must be file or kafka, was " + sink);
            return Main.USAGE_OR_IO;
        }
        if (!stateBackend.equals("hashmap") && !stateBackend.equals("rocksdb")) {
            err.println("error: --state-backend must be hashmap or rocksdb, was " + stateBackend);
            return Main.USAGE_OR_IO;
        }
        if (parallelism < 1) {
            err.println("error: --parallelism must be at least 1, was " + parallelism);
            return Main.USAGE_OR_IO;
        }
        if (parallelism > org.osecscreener.job.ScreeningJob.SENDER_MAX_PARALLELISM) {
            err.println("error: --parallelism must be at most " + org.osecscreener.job.ScreeningJob.SENDER_MAX_PARALLELISM
                    + " (the sender stage's max parallelism, fixed so that savepoints restore), was " + parallelism);
            return Main.USAGE_OR_IO;
        }
        if (prometheusPort != null) {
            try {
                JobRunner.checkPortRange(prometheusPort);
            } catch (IllegalArgumentException e) {
                err.println("error: --prometheus-port: " + e.getMessage());
                return Main.USAGE_OR_IO;
            }
        }
        KafkaClientProperties kafkaProperties;
        try {
            kafkaProperties = KafkaClientProperties.load(kafkaPropertiesFile, kafkaPropertyOverrides);
        } catch (KafkaClientProperties.Invalid e) {
            err.println("error: invalid Kafka client properties:");
            e.errors().forEach(m -> err.println("  " + m));
            return Main.USAGE_OR_IO;
        }
        kafkaProperties.warnings().forEach(w -> err.println("warning: " + w));
        boolean usesKafka = "kafka".equals(source) || "kafka".equals(sink) || rulesTopic != null;
        KeySource keySource = key.source(spec.commandLine());
        IngestSettings ingest = new IngestSettings(keySource, rawDeadLetters, MaxFuture.parse(spec.commandLine(), maxFuture),
                zone.defaultZone);
        if (keySource != null) {
            keySource.pseudonymiser(); // fail here, with a clear message, rather than in every task
        }
        RuleBundle baseline;
        try {
            baseline = rules == null ? RuleBundleLoader.defaultBundle() : new RuleBundleLoader().load(rules);
        } catch (RuleBundleException e) {
            err.println("error: invalid rule bundle " + rules + ":");
            e.errors().forEach(v -> err.println("  " + v));
            return Main.FINDINGS;
        }
        org.osecscreener.findings.Watchlists lists;
        try {
            lists = watch.load(spec.commandLine(), out, err);
            org.osecscreener.findings.Watchlists.checkCovers(baseline, lists);
        } catch (WatchlistOptions.Invalid e) {
            return Main.FINDINGS;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Main.FINDINGS;
        }
        String in = input;
        if ("file".equals(source) && in == null && format == InputFormat.PACS008) {
            err.println("error: --format pacs008 needs --input (the bundled sample is JSON lines)");
            return Main.USAGE_OR_IO;
        }
        if ("file".equals(source) && in == null) {
            in = JobRunner.extractSample();
            out.println("input: the bundled sample (" + JobRunner.SAMPLE_RESOURCE + ")");
        }
        if ("file".equals(source) && !in.contains("://") && !Files.exists(Path.of(in))) {
            err.println("error: no such file or directory: " + in + " (--input)");
            return Main.USAGE_OR_IO;
        }
        if (resume && checkpointInterval.isZero()) {
            err.println("error: --resume needs checkpoints, but --checkpoint-interval is PT0S");
            return Main.USAGE_OR_IO;
        }
        Path outDir = Path.of(output);
        Path fileOut = "file".equals(sink) ? outDir : null;
        String ckDir = checkpointInterval.isZero() ? null
                : checkpointDir != null ? checkpointDir : outDir.resolve("checkpoints").toString();
        java.util.Map<String, String> record = RunDirectory.record(source, in, format.toString(), sink, fileOut, inputTopic,
                rulesDir, rulesTopic);
        Checkpoints.Completed resumeFrom = null;
        java.util.Set<Path> earlier = java.util.Set.of();
        try {
            if (explaining) {
                // nothing runs: the output and checkpoint directories are neither checked nor written
            } else if (resume) {
                resumeFrom = RunDirectory.checkResume(fileOut, ckDir, record);
                if (fileOut != null) {
                    earlier = JobRunner.committedFiles(fileOut);
                }
            } else {
                RunDirectory.checkFresh(fileOut, ckDir);
            }
        } catch (RunDirectory.Refused e) {
            err.println("error: " + e.getMessage());
            return Main.USAGE_OR_IO;
        }
        if (fileOut != null && !explaining) {
            Files.createDirectories(outDir);
        }
        if (ckDir != null && !resume && !explaining) {
            RunDirectory.writeRecord(ckDir, record);
        }
        JobRunner.Options o = new JobRunner.Options(source, in, format.toString(), monitor, kafkaBootstrap, inputTopic, groupId, bounded, sink,
                output, alertsTopic, deadLetterTopic, ruleEventsTopic, baseline, rulesDir, rulesTopic, stateBackend,
                checkpointInterval.isZero() ? null : checkpointInterval,
                ckDir != null ? ckDir : outDir.resolve("checkpoints").toString(), parallelism, lateness,
                minLevel, webUi, restarts, ingest, lists, kafkaProperties, prometheusPort);
        out.printf("rules: %s@%d; state backend: %s; parallelism %d; checkpoints every %s%s%n", baseline.id(),
                baseline.version(), stateBackend, parallelism, checkpointInterval,
                ckDir == null ? "" : " in " + ckDir);
        if (resumeFrom != null) {
            out.printf("resuming from checkpoint %d (%s)%n", resumeFrom.id(), resumeFrom.path());
        }
        if (keySource != null) {
            out.printf("identifiers pseudonymised at ingest (key read by each task from %s); dead letters %s%n", keySource,
                    rawDeadLetters ? "hold the RAW records (--raw-dead-letters)" : "hold reasons and positions only");
        }
        if (usesKafka) {
            out.printf("kafka: %s; client properties: %s%n", kafkaBootstrap,
                    kafkaProperties.isEmpty() ? "none (plaintext)" : kafkaProperties.describe());
        } else if (!kafkaProperties.isEmpty()) {
            err.println("warning: the Kafka client properties are not used: neither the source, the sink nor the rules come from Kafka");
        }
        if (zone.defaultZone != null) {
            out.printf("date-times without an offset are read in %s%n", zone.defaultZone.getId());
        }
        if (prometheusPort != null) {
            out.printf("metrics: Prometheus endpoint on port %s (http://localhost:PORT/metrics; a local run)%n", prometheusPort);
        }
        out.flush();
        if (explaining) { // before the Kafka check: the plan needs no broker
            return printPlan(JobRunner.explain(o), planOut, err);
        }
        if (usesKafka) {
            try {
                String warning = KafkaCheck.check(kafkaBootstrap, kafkaProperties, KAFKA_CHECK_TIMEOUT);
                if (warning != null) {
                    err.println("warning: " + warning);
                }
            } catch (KafkaCheck.Refused e) {
                err.println("error: " + e.getMessage());
                return Main.USAGE_OR_IO;
            }
        }
        long started = System.nanoTime();
        org.apache.flink.api.common.JobExecutionResult result;
        try {
            result = JobRunner.run(o, resumeFrom == null ? null : resumeFrom.path());
        } catch (Exception e) {
            Throwable auth = KafkaCheck.authenticationFailure(e);
            if (auth != null) {
                err.println("error: the job stopped: Kafka refused the connection: authentication failed ("
                        + kafkaProperties.redact(auth.getMessage()) + ")");
                return Main.USAGE_OR_IO;
            }
            err.println("error: the job failed: " + kafkaProperties.redact(rootCause(e)));
            java.util.Optional<Checkpoints.Completed> kept = ckDir == null ? java.util.Optional.empty() : Checkpoints.latest(ckDir);
            if (kept.isPresent()) {
                err.println("its last completed checkpoint (" + kept.get().id() + ") is kept in " + kept.get().path()
                        + "; once the cause is fixed, the same command with --resume continues from it");
            } else if (ckDir != null) {
                err.println("no checkpoint was completed; once the cause is fixed, run it again"
                        + (fileOut != null && !resume ? " (the output directory holds nothing committed)" : ""));
            }
            return Main.JOB_FAILED;
        }
        if (!result.isJobExecutionResult()) { // `flink run --detached`: submitted, still running
            out.printf("job %s submitted; it runs on the cluster (this command does not wait for it)%n", result.getJobID());
            return Main.OK;
        }
        jobFinished = true;
        double seconds = (System.nanoTime() - started) / 1e9;
        if (fileOut == null) {
            long dead = counter(result, JobRunner.DEAD_LETTER_COUNTER);
            long rejectedBundles = counter(result, JobRunner.REJECTED_BUNDLE_COUNTER);
            out.printf(java.util.Locale.ROOT, "job finished in %.1f s; %d dead letters to %s%s (counted by the job's last attempt:"
                    + " after a restart, those committed before it are not counted)%n", seconds, dead, deadLetterTopic,
                    rejectedBundles > 0 ? ", " + rejectedBundles + " rule bundles rejected" : "");
            return dead > 0 || rejectedBundles > 0 ? Main.FINDINGS : Main.OK;
        }
        JobRunner.Summary run = JobRunner.summarise(outDir);
        StringBuilder text = new StringBuilder();
        if (resumeFrom == null) {
            text.append(String.format(java.util.Locale.ROOT, "%s in %.1f s%n", run.counts(), seconds));
        } else {
            JobRunner.Summary mine = JobRunner.summarise(outDir, earlier);
            text.append(String.format(java.util.Locale.ROOT, "the whole run (every attempt, resumed from checkpoint %d): %s%n",
                    resumeFrom.id(), run.counts()));
            text.append(String.format(java.util.Locale.ROOT, "this process: %s in %.1f s (the rest was committed before it started)%n",
                    mine.counts().replaceFirst("^wrote", "committed"), seconds));
        }
        java.io.StringWriter dirs = new java.io.StringWriter();
        try (PrintWriter w = new PrintWriter(dirs)) {
            JobRunner.Summary.printDirectories(w, outDir);
        }
        text.append(dirs);
        JobRunner.deleteUncommitted(outDir);
        if (checkpointDir == null && ckDir != null) {
            RunDirectory.deleteTree(Path.of(ckDir)); // the finished job deleted its checkpoints; leftovers of killed attempts
        }
        Files.writeString(outDir.resolve(RunDirectory.SUMMARY), text.toString());
        out.print(text);
        return run.rejectedInput() ? Main.FINDINGS : Main.OK;
    }

    /**
     * Prints {@code plan} as {@code --explain} asks: Flink's JSON, or the table and what its columns
     * mean; warns of an operator whose parallelism is above its max parallelism (the job would not start).
     */
    private int printPlan(ExecutionPlan plan, PrintWriter planOut, PrintWriter err) {
        for (ExecutionPlan.Operator op : plan.operators()) {
            if (op.maxParallelism() > 0 && op.parallelism() > op.maxParallelism()) {
                err.printf("warning: %s (%s) has parallelism %d, above its max parallelism %d: Flink would refuse to"
                        + " start the job%n", op.uid() == null ? op.id() : op.uid(), op.name(), op.parallelism(),
                        op.maxParallelism());
            }
        }
        err.flush();
        if (explain.equals("json")) {
            planOut.println(plan.json());
        } else {
            planOut.printf("execution plan (not run): %d operators%n", plan.operators().size());
            planOut.print(plan.table());
            planOut.println("max: max parallelism (-: not set; Flink chooses it when the job starts).");
            planOut.println("inputs: FORWARD to the same subtask (Flink chains such operators into one task where it can),"
                    + " HASH by key, BROADCAST to every subtask, REBALANCE round robin.");
        }
        planOut.flush();
        return Main.OK;
    }

    /** Whether the job ran to its end (for {@link Main#runJob}). */
    boolean jobFinished;

    private static long counter(org.apache.flink.api.common.JobExecutionResult r, String name) {
        try {
            Object v = r.getAccumulatorResult(name);
            return v instanceof Number n ? n.longValue() : 0;
        } catch (RuntimeException notCounted) {
            return 0;
        }
    }

    /** The innermost cause's message: what went wrong, without Flink's wrapping. */
    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
