package org.osecscreener.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.job.JobRunner;
import org.osecscreener.job.RawRecord;
import org.osecscreener.job.RuleEvent;
import org.osecscreener.job.ScreeningJob;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.score.Level;

/**
 * End-to-end harness of the Flink job on a local mini-cluster (not JMH: a job run is seconds
 * long and includes deployment).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.osecscreener.bench.JobThroughput throughput FILE [hashmap|rocksdb] [parallelism]
 * java [-Dosec.bench.checkpointInterval="10 min"] [-Dosec.bench.incremental=true] -cp benchmarks/target/benchmarks.jar org.osecscreener.bench.JobThroughput latency FILE RATE [hashmap|rocksdb]
 * </pre>
 *
 * <p>Throughput: file in, files out (alerts, dead letters), checkpoints every 10 s, default
 * bundle; reports transactions per second over the job's run time (submission to finish).
 * Latency: the file's lines arrive on a schedule, RATE per second ({@link ScheduledArrivals}: line
 * i is due i / RATE seconds after the first; the source emits each line once it is due, and at
 * once when the job is behind, as a consumer reading a queue would); every assessment's wall-clock
 * delay from its line's due time to its arrival at the sink, queueing included, p50/p99;
 * with WARMUP_SECONDS, the lines scheduled in the first seconds (the JIT compiling the job) are
 * reported apart and the percentiles are of the steady state; with MIN_LEVEL (NONE, REVIEW or
 * ALERT; default NONE, every assessment) only assessments at that level or above are written and
 * timed: REVIEW gives the alert latency an analyst sees. Look-back alerts are counted, not timed:
 * they name an earlier payment of a sender, raised when its payee cluster reached ALERT later, so
 * their delay from that payment is the detection's, by design, not the job's latency.
 */
public final class JobThroughput {
    static final ConcurrentLinkedQueue<Long> DELAYS = new ConcurrentLinkedQueue<>();
    /** Each timed assessment as "due time (ms after the start) delay (ms)", for -Dosec.bench.delays=FILE. */
    static final ConcurrentLinkedQueue<String> TIMELINE = new ConcurrentLinkedQueue<>();
    /** Look-back alerts seen (not timed: see {@link #delay}). */
    static final java.util.concurrent.atomic.AtomicLong LOOK_BACKS = new java.util.concurrent.atomic.AtomicLong();
    /** Delays of assessments whose lines were scheduled in the warm-up (not in the percentiles). */
    static final ConcurrentLinkedQueue<Long> WARMUP_DELAYS = new ConcurrentLinkedQueue<>();
    static volatile long start;
    static volatile double rate;
    static volatile long warmupMillis;

    private JobThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: JobThroughput throughput FILE [hashmap|rocksdb] [parallelism] | latency FILE RATE [hashmap|rocksdb] [WARMUP_SECONDS] [MIN_LEVEL]");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        long lines;
        try (var s = Files.lines(file)) {
            lines = s.count();
        }
        if (args[0].equals("throughput")) {
            String backend = args.length > 2 ? args[2] : "hashmap";
            int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 2;
            Path out = Files.createTempDirectory("osec-bench-");
            JobRunner.Options o = new JobRunner.Options("file", file.toString(), "jsonl", null, null, null, null, false, "file",
                    out.toString(), null, null, null, RuleBundleLoader.defaultBundle(), null, null, backend,
                    Duration.ofSeconds(10), out.resolve("checkpoints").toString(), parallelism, Duration.ofSeconds(5),
                    Level.REVIEW, false, 0);
            long t0 = System.nanoTime();
            var result = JobRunner.run(o);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double jobSeconds = result.getNetRuntime() / 1000.0;
            System.out.printf(Locale.ROOT, "throughput %s p=%d: %d transactions in %.1f s job run time (%.1f s with start-up): %.0f transactions/s%n",
                    backend, parallelism, lines, jobSeconds, seconds, lines / jobSeconds);
            System.out.println(JobRunner.summarise(out).assessments() + " assessments written under " + out);
        } else {
            rate = Double.parseDouble(args[2]);
            String backend = args.length > 3 ? args[3] : "hashmap";
            warmupMillis = args.length > 4 ? (long) (Double.parseDouble(args[4]) * 1000) : 0;
            Level minLevel = args.length > 5 ? Level.valueOf(args[5]) : Level.NONE;
            latency(file, lines, rate, backend, minLevel);
        }
    }

    private static void latency(Path file, long count, double perSecond, String backend, Level minLevel) throws Exception {
        List<String> all = Files.readAllLines(file);
        for (int i = 0; i < all.size(); i++) {
            String l = all.get(i);
            int at = l.indexOf("\"id\":\"") + 6;
            if (at >= 6) {
                Lines.INDEX.put(l.substring(at, l.indexOf('"', at)), i);
            }
        }
        Configuration conf = new Configuration();
        conf.setString("state.backend.type", backend);
        // the interval the job runs with by default; -Dosec.bench.checkpointInterval (a Flink duration,
        // e.g. "10 min") moves it, to separate checkpoint stalls from other latency
        conf.setString("execution.checkpointing.interval", System.getProperty("osec.bench.checkpointInterval", "10 s"));
        conf.setString("execution.checkpointing.dir", Files.createTempDirectory("osec-bench-cp-").toUri().toString());
        // -Dosec.bench.incremental=true: RocksDB's incremental checkpoints (only new files uploaded)
        conf.setString("execution.checkpointing.incremental", System.getProperty("osec.bench.incremental", "false"));
        // as the job runs (JobRunner.configuration); -Dosec.bench.watermarkInterval moves it (Flink's
        // default: 200 ms), -Dosec.bench.bufferTimeout sets every network buffer's timeout (Flink's default
        // 100 ms; the job sets only the final stage's: ScreeningJob.ALERT_BUFFER_TIMEOUT_MS)
        conf.setString("pipeline.auto-watermark-interval",
                System.getProperty("osec.bench.watermarkInterval", JobRunner.WATERMARK_INTERVAL));
        if (System.getProperty("osec.bench.bufferTimeout") != null) {
            conf.setString("execution.buffer-timeout.interval", System.getProperty("osec.bench.bufferTimeout"));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        GeneratorFunction<Long, RawRecord> lines = i -> new RawRecord("bench", i + 1, Lines.ALL.get((int) (i % Lines.ALL.size())));
        Lines.ALL = all;
        DataStream<RawRecord> raw = env.fromSource(new DataGeneratorSource<>(lines, count,
                        new ScheduledArrivals(perSecond), TypeExtractor.getForClass(RawRecord.class)),
                WatermarkStrategy.noWatermarks(), "rate-limited lines").setParallelism(1);
        RuleBundle bundle = RuleBundleLoader.defaultBundle();
        DataStream<RuleEvent> rules = env.fromData(List.of(new RuleEvent("baseline", new RuleBundleLoader().toJson(bundle))),
                TypeExtractor.getForClass(RuleEvent.class));
        ScreeningJob.Outputs out = ScreeningJob.build(raw, rules, new ScreeningJob.Settings(bundle, ClusterConfig.defaults(),
                2, Duration.ofSeconds(1), Duration.ofSeconds(30), minLevel));
        out.assessments().map(JobThroughput::delay).setParallelism(1).filter(d -> d != Long.MIN_VALUE).setParallelism(1).sinkTo(new org.apache.flink.api.connector.sink2.Sink<Long>() {
            @Override
            public org.apache.flink.api.connector.sink2.SinkWriter<Long> createWriter(
                    org.apache.flink.api.connector.sink2.WriterInitContext context) {
                return new org.apache.flink.api.connector.sink2.SinkWriter<>() {
                    @Override
                    public void write(Long element, Context ctx) {
                        DELAYS.add(element);
                    }

                    @Override
                    public void flush(boolean endOfInput) {
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        }).setParallelism(1);
        out.deadLetters().sinkTo(new org.apache.flink.api.connector.sink2.Sink<String>() {
            @Override
            public org.apache.flink.api.connector.sink2.SinkWriter<String> createWriter(
                    org.apache.flink.api.connector.sink2.WriterInitContext context) {
                return new org.apache.flink.api.connector.sink2.SinkWriter<>() {
                    @Override
                    public void write(String element, Context ctx) {
                    }

                    @Override
                    public void flush(boolean endOfInput) {
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        });
        env.execute("osec latency benchmark");
        if (System.getProperty("osec.bench.delays") != null) {
            // when each slow assessment was due shows what stalled it (checkpoints, sweeps, GC: benchmarks/README)
            Files.write(Path.of(System.getProperty("osec.bench.delays")), TIMELINE);
        }
        List<Long> d = new ArrayList<>(DELAYS);
        Collections.sort(d);
        System.out.printf(Locale.ROOT, "latency %s at %.0f transactions/s, assessments at %s and above: %d, p50 %d ms, p99 %d ms, max %d ms%n",
                backend, perSecond, minLevel, d.size(), d.get(d.size() / 2), d.get((int) (d.size() * 0.99)), d.get(d.size() - 1));
        System.out.printf(Locale.ROOT, "look-back alerts, not timed (they name an earlier payment): %d%n", LOOK_BACKS.get());
        if (warmupMillis > 0) {
            List<Long> w = new ArrayList<>(WARMUP_DELAYS);
            Collections.sort(w);
            System.out.printf(Locale.ROOT, "(after a warm-up of %.0f s, excluded above: %d assessments, p50 %d ms, p99 %d ms, max %d ms)%n",
                    warmupMillis / 1000.0, w.size(), w.isEmpty() ? 0 : w.get(w.size() / 2),
                    w.isEmpty() ? 0 : w.get((int) (w.size() * 0.99)), w.isEmpty() ? 0 : w.get(w.size() - 1));
        }
    }

    /**
     * Lines arriving on a schedule: line i is due i / rate seconds after the first acquisition (the
     * schedule starts when the source first asks, after deployment). A due line is released at once,
     * however late; one not yet due waits for its time. Unlike Flink's per-second limiter, which never
     * lets a source that fell behind catch up (so a cold start's backlog stayed in every later
     * line's delay), this is how records arrive in a queue the job reads: what the job could not take
     * during its warm-up waits and is read as fast as the job can, and the delay counts that queueing.
     * One source subtask (the harness runs it at parallelism 1).
     */
    static final class ScheduledArrivals implements RateLimiterStrategy<org.apache.flink.api.connector.source.SourceSplit> {
        private final double perSecond;

        ScheduledArrivals(double perSecond) {
            this.perSecond = perSecond;
        }

        @Override
        public org.apache.flink.api.connector.source.util.ratelimit.RateLimiter<org.apache.flink.api.connector.source.SourceSplit> createRateLimiter(int parallelism) {
            return new org.apache.flink.api.connector.source.util.ratelimit.RateLimiter<>() {
                private long released;

                @Override
                public java.util.concurrent.CompletionStage<Void> acquire(int permits) {
                    if (released == 0) {
                        start = System.currentTimeMillis();
                    }
                    long due = start + (long) (released * 1000.0 / perSecond);
                    released += permits;
                    long wait = due - System.currentTimeMillis();
                    return wait <= 0 ? java.util.concurrent.CompletableFuture.completedFuture(null)
                            : java.util.concurrent.CompletableFuture.runAsync(() -> { },
                            java.util.concurrent.CompletableFuture.delayedExecutor(wait, java.util.concurrent.TimeUnit.MILLISECONDS));
                }
            };
        }
    }

    /** Delay of an assessment from its line's due time (index / rate after the start: {@link ScheduledArrivals}). */
    static long delay(String assessmentJson) {
        if (assessmentJson.startsWith("{\"kind\":\"look_back\"")) {
            // a look-back alert names an earlier payment of the sender, raised when the cluster reached
            // ALERT later: its delay from that payment is detection by design, not latency
            LOOK_BACKS.incrementAndGet();
            return Long.MIN_VALUE;
        }
        int at = assessmentJson.indexOf("\"transactionId\":\"") + 17;
        String id = assessmentJson.substring(at, assessmentJson.indexOf('"', at));
        Integer index = Lines.INDEX.get(id);
        long offset = (long) ((index == null ? 0 : index) * 1000.0 / rate);
        long delay = System.currentTimeMillis() - (start + offset);
        if (offset < warmupMillis) {
            WARMUP_DELAYS.add(delay);
            TIMELINE.add(offset + " " + delay);
            return Long.MIN_VALUE; // filtered out: not in the steady-state percentiles
        }
        TIMELINE.add(offset + " " + delay);
        return delay;
    }

    /** The replayed lines and their transaction ids' positions (same JVM: local mini-cluster). */
    static final class Lines {
        static volatile List<String> ALL = List.of();
        static final java.util.Map<String, Integer> INDEX = new java.util.concurrent.ConcurrentHashMap<>();
    }
}
