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
import org.openjdk.jmh.annotations.Warmup;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.ClusterResolver;
import org.osecscreener.cluster.IdentifierNormaliser;

/**
 * Payee-cluster resolution of a 1M-beneficiary population ({@link PayeePopulation}: mostly
 * unique, families, facilitator rings, hubs), one thread. Each invocation resolves the whole
 * population into a fresh resolver; scores are per beneficiary (ops/s = resolutions/s).
 * {@code maxBeneficiaries} below the population size exercises eviction.
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

    @Setup(Level.Trial)
    public void configure() {
        config = ClusterConfig.builder().maxBeneficiaries(maxBeneficiaries).maxIdentifiers(4 * maxBeneficiaries).build();
    }

    @Setup(Level.Invocation)
    public void freshResolver() {
        resolver = ClusterResolver.create(config);
    }

    /** Identifiers already normalised: the resolver alone. */
    @Benchmark
    public ClusterResolver resolveNormalised(Normalised s) {
        return s.population.resolveAll(resolver);
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
