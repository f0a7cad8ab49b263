package org.osecscreener.bench;

import java.util.SplittableRandom;
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

/**
 * The time of one dependent random memory access on this machine (a pointer chase through one
 * random cycle over an {@code int[]} of {@code megabytes}), with and without transparent huge
 * pages for the heap. A screening that keeps state per sender, payee and cluster over hundreds of
 * thousands of keys pays this for every state object it reaches that is not in the CPU caches;
 * it bounds what any layout of that state can achieve per transaction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class MemoryLatencyBenchmark {
    static final int STEPS = 1 << 20;

    /** Size of the chased array; 4 MiB fits the last-level cache, 256 MiB does not. */
    @Param({"4", "256"})
    public int megabytes;
    private int[] next;
    private int at;

    @Setup(Level.Trial)
    public void setUp() {
        int n = megabytes << 18; // ints
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        next = new int[n];
        for (int i = 0; i < n; i++) {
            next[order[i]] = order[(i + 1) % n];
        }
    }

    /** One random access, 4 KiB pages (the JVM's default on Linux unless huge pages are asked for). */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int chase() {
        return walk();
    }

    /** The same with the heap on transparent huge pages (fewer page-table walks per miss). */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC", "-XX:+UseTransparentHugePages"})
    public int chaseHugePages() {
        return walk();
    }

    private int walk() {
        int[] p = next;
        int x = at;
        for (int i = 0; i < STEPS; i++) {
            x = p[x];
        }
        at = x;
        return x;
    }
}
