package org.osecscreener.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.ClusterResolver;
import org.osecscreener.cluster.IdentifierNormaliser;

/**
 * Payee-cluster resolution of a 1M-beneficiary population ({@link PayeePopulation}: mostly
 * unique, families, facilitator rings, hubs), one thread. Each invocation resolves the whole
 * population into a fresh resolver; scores are per beneficiary (ops/s = resolutions/s).
 * {@code maxBeneficiaries} below the population size exercises eviction. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar ClusterResolver -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+UseParallelGC"})
@OperationsPerInvocation(ClusterResolverBenchmark.SIZE)
public class ClusterResolverBenchmark {
    static final int SIZE = 1_000_000;

    @Param({"1000000", "200000"})
    int maxBeneficiaries;

    private ClusterConfig config;
    private ClusterResolver resolver;

    /** The population with identifiers already normalised (no raw parties on the heap). */
    @State(Scope.Benchmark)
    public static class Normalised {
        PayeePopulation population;

        @Setup(Level.Trial)
        public void generate() {
            population = new PayeePopulation(SIZE, false);
        }
    }

    /** The population as raw parties, for the benchmarks that normalise. */
    @State(Scope.Benchmark)
    public static class Raw {
        PayeePopulation population;

        @Setup(Level.Trial)
        public void generate() {
            population = new PayeePopulation(SIZE, true);
        }
    }

    /** A resolver that has already seen the whole population once (trial-scoped, keeps its state). */
    @State(Scope.Benchmark)
    public static class Filled {
        ClusterResolver resolver;

        @Setup(Level.Trial)
        public void fill(Normalised s, ClusterResolverBenchmark b) {
            resolver = s.population.resolveAll(ClusterResolver.create(b.config));
        }
    }

    @Setup(Level.Trial)
    public void configure() {
        config = ClusterConfig.builder().maxBeneficiaries(maxBeneficiaries).maxIdentifiers(4 * maxBeneficiaries).build();
    }

    @Setup(Level.Invocation)
    public void freshResolver() {
        resolver = ClusterResolver.create(config);
    }

    /**
     * Drops the filled resolver and collects it outside the measurement: a real resolver lives
     * for the life of the process, so reclaiming a whole 1M-beneficiary resolver is an artefact
     * of this benchmark, not a cost of resolution. (Building it, promotion included, is measured.)
     */
    @TearDown(Level.Invocation)
    public void discardResolver() {
        resolver = null;
        System.gc();
    }

    /** Identifiers already normalised: the resolver alone. */
    @Benchmark
    public ClusterResolver resolveNormalised(Normalised s) {
        return s.population.resolveAll(resolver);
    }

    /**
     * Beneficiaries seen before (the common case in live traffic: payees recur), identifiers
     * already normalised. With a bound below the population, this cycles through eviction.
     */
    @Benchmark
    public ClusterResolver resolveAgain(Normalised s, Filled f) {
        return s.population.resolveAll(f.resolver);
    }

    /** Normalisation (libphonenumber, address folding) plus resolution. */
    @Benchmark
    public ClusterResolver normaliseAndResolve(Raw s) {
        return s.population.normaliseAndResolveAll(resolver);
    }

    /** Normalisation alone. */
    @Benchmark
    public int normaliseOnly(Raw s) {
        return s.population.normaliseAll(resolver.normaliser());
    }
}
