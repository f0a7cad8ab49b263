package org.osecscreener.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.Warmup;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.ClusterResolver;

/**
 * The payee-cluster resolver's snapshot, which the Flink job's single-task cluster stage writes on
 * its thread at every checkpoint: milliseconds per snapshot of a resolver that has seen a population
 * of SIZE payees (ClusterResolverBenchmark's). {@code snapshot} is what the job calls
 * ({@code ClusterResolver#snapshot()}: the same bytes written straight into a byte array);
 * {@code snapshotThroughDataOutputStream} writes the same bytes through a {@code DataOutputStream}
 * over a {@code ByteArrayOutputStream}, as the job did before.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ResolverSnapshotBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class ResolverSnapshotBenchmark {
    @Param({"200000"})
    int size;

    private ClusterResolver resolver;

    @Setup(Level.Trial)
    public void fill() {
        resolver = new PayeePopulation(size, false).resolveAll(ClusterResolver.create(ClusterConfig.builder()
                .maxBeneficiaries(size).maxIdentifiers(4 * size).build()));
    }

    @Benchmark
    public byte[] snapshot() {
        return resolver.snapshot();
    }

    @Benchmark
    public byte[] snapshotThroughDataOutputStream() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            resolver.snapshot(out);
        }
        return bytes.toByteArray();
    }
}
