package org.osecscreener.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.osecscreener.io.TransactionWriter;
import org.osecscreener.tools.synth.Generator;
import org.osecscreener.tools.synth.GeneratorConfig;

/**
 * Synthetic traffic generator throughput on one thread, in transactions per second: one
 * invocation generates {@value #N} transactions of the default mix (population built, the
 * whole event-time merge, JSON lines written to a null stream). {@code fast} is the
 * generator's own writer ({@code generate} uses it); {@code codec} writes through
 * {@link TransactionWriter}; {@code none} generates without writing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(1)
public class GeneratorBenchmark {
    static final int N = 200_000;
    private static final GeneratorConfig CONFIG = GeneratorConfig.defaults();

    @Param({"fast", "codec", "none"})
    String writer;

    @Benchmark
    @OperationsPerInvocation(N)
    public long generate() throws IOException {
        Generator g = Generator.of(CONFIG, 42);
        switch (writer) {
            case "fast":
                return g.write(N, OutputStream.nullOutputStream(), n -> { });
            case "codec":
                try (TransactionWriter w = new TransactionWriter(OutputStream.nullOutputStream())) {
                    return g.write(N, w, n -> { });
                }
            default:
                long[] c = {0};
                g.generate(N, tx -> c[0]++, n -> { });
                return c[0];
        }
    }
}
