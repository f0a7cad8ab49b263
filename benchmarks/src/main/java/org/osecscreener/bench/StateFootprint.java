package org.osecscreener.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osecscreener.io.TransactionReader;
import org.osecscreener.screen.Screener;

/**
 * The heap that an embedded Screener's state holds after screening a file of ordinary traffic:
 * the realistic counterpart of {@link Cardinality} (whose traffic is all new parties). Not JMH:
 * what is measured is what stays, not time, so it is the same from run to run on any machine
 * with the same JVM.
 *
 * <pre>
 * java -Xmx6g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar org.osecscreener.bench.StateFootprint FILE [HOLD_SECONDS]
 * </pre>
 *
 * <p>Screens every line of FILE with the default pack and default bounds (rejected lines are
 * counted and skipped), collects garbage, and prints the heap in use beyond that of an empty
 * Screener, what is tracked, and the bytes per tracked sender + cluster + beneficiary. With
 * HOLD_SECONDS the process then waits that long, so that {@code jmap -histo:live PID} can show
 * what the bytes are.
 */
public final class StateFootprint {
    private StateFootprint() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: StateFootprint FILE [HOLD_SECONDS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long hold = args.length > 1 ? Long.parseLong(args[1]) : 0;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Screener screener = Screener.builder().build();
        long empty = Cardinality.heapAfterGc(memory);
        long t0 = System.nanoTime();
        long[] screened = new long[1];
        try (InputStream in = Files.newInputStream(file); TransactionReader reader = new TransactionReader(in)) {
            reader.forEach(tx -> {
                screener.screen(tx);
                screened[0]++;
            }, rejection -> { });
            long heap = Cardinality.heapAfterGc(memory) - empty;
            Screener.Tracked t = screener.tracked();
            long entities = t.senders() + t.clusters() + t.beneficiaries();
            System.out.printf("file=%s lines=%,d screened=%,d rejected=%,d in %.1f s%n", file, reader.linesRead(), screened[0],
                    reader.rejected(), (System.nanoTime() - t0) / 1e9);
            System.out.printf("state heap %,d bytes (%.1f MB) beyond an empty screener; senders %,d clusters %,d beneficiaries %,d"
                    + " transaction ids %,d; %,d bytes per tracked entity%n", heap, heap / 1e6, t.senders(), t.clusters(),
                    t.beneficiaries(), t.transactionIds(), entities == 0 ? 0 : heap / entities);
        }
        if (hold > 0) {
            System.out.printf("holding %d s (pid %d)%n", hold, ProcessHandle.current().pid());
            System.out.flush();
            Thread.sleep(hold * 1000);
        }
        // keep the screener reachable until here
        System.out.println(screener.tracked().senders() >= 0 ? "done" : "");
    }
}
