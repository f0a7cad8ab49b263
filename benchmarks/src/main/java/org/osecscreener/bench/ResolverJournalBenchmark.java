package org.osecscreener.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.ClusterResolver;
import org.osecscreener.stage.ResolverJournal;

/**
 * What a checkpoint of the payee-cluster resolver costs the Flink job's single cluster task, on its
 * thread: {@code journalCheckpoint} is this build's ({@link ResolverJournal#checkpoint}: seal the log
 * of CALLS calls since the last checkpoint, 10 s at 10,000 transactions a second), {@code
 * wholeSnapshot} what earlier builds wrote at every checkpoint (the whole resolver). The resolver
 * has seen a population of SIZE payees (ClusterResolverBenchmark's); the calls are payees of that
 * population drawn at random (fixed seed). {@code restoreWithLog} is what a restart from such a
 * checkpoint costs once: the base read and the calls replayed. One call per iteration, with the
 * journal made afresh before each; milliseconds.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ResolverJournalBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class ResolverJournalBenchmark {
    @Param({"100000"})
    int size;
    @Param({"100000"})
    int calls;

    private PayeePopulation population;
    private ClusterConfig config;
    private ResolverJournal.Checkpoint start;
    /** The base with CALLS calls logged since: what a restore reads. */
    private ResolverJournal.Checkpoint withLog;
    private ResolverJournal journal;
    private final Random rnd = new Random(42);

    @Setup(Level.Trial)
    public void fill() {
        population = new PayeePopulation(size, false);
        config = ClusterConfig.builder().maxBeneficiaries(size).maxIdentifiers(4 * size).build();
        ClusterResolver r = population.resolveAll(ClusterResolver.create(config));
        try (ResolverJournal j = ResolverJournal.fromSnapshot(config, r.snapshot(), false)) {
            start = j.checkpoint();
            Random draw = new Random(7);
            for (int i = 0; i < calls; i++) {
                int k = draw.nextInt(size);
                j.resolve(population.ids[k], population.normalised[k]);
            }
            withLog = j.checkpoint();
        }
    }

    /** A journal at the population's base, with CALLS calls logged since. */
    @Setup(Level.Iteration)
    public void log() {
        journal = ResolverJournal.restore(config, start, false);
        for (int i = 0; i < calls; i++) {
            int k = rnd.nextInt(size);
            journal.resolve(population.ids[k], population.normalised[k]);
        }
    }

    @TearDown(Level.Iteration)
    public void close() {
        journal.close();
    }

    @Benchmark
    public ResolverJournal.Checkpoint journalCheckpoint() {
        return journal.checkpoint();
    }

    /** A restore: the base read and CALLS calls replayed (what a job restarting from a checkpoint does once). */
    @Benchmark
    public ClusterResolver restoreWithLog() {
        try (ResolverJournal j = ResolverJournal.restore(config, withLog, false)) {
            return j.resolver();
        }
    }

    @Benchmark
    public byte[] wholeSnapshot() {
        return journal.resolver().snapshot();
    }
}
