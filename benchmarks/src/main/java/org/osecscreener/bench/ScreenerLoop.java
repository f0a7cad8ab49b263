package org.osecscreener.bench;

import java.util.Locale;

import org.osecscreener.model.Transaction;
import org.osecscreener.screen.Screener;

/**
 * A plain loop over {@link ScreenerBenchmark}'s state, for comparing two builds by running them
 * alternately (A, B, A, B): single JMH runs vary by ±15% on the project's machine, more than most
 * single changes gain. After the benchmark's warm-up (two million transactions), screens ROUNDS
 * rounds of 500,000 pre-built transactions and prints each round's rate, and a checksum of the
 * hit counts (equal checksums: the two builds made the same decisions).
 *
 * <pre>
 * java -Xms6g -Xmx6g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar \
 *     org.osecscreener.bench.ScreenerLoop [senders] [rounds] [eventMillisPerTransaction] [freshParties]
 * </pre>
 *
 * Defaults: 100000 senders, 6 rounds, 100 ms, false (the benchmark's defaults).
 */
public final class ScreenerLoop {
    static final int ROUND = 500_000;

    private ScreenerLoop() {
    }

    public static void main(String[] args) throws Exception {
        ScreenerBenchmark b = new ScreenerBenchmark();
        b.senderCount = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        b.eventMillisPerTransaction = args.length > 2 ? Long.parseLong(args[2]) : 100;
        b.freshParties = args.length > 3 && Boolean.parseBoolean(args[3]);
        b.setUp();
        Screener screener = b.screenerForLoop();
        Transaction[] txs = new Transaction[ROUND];
        long checksum = 0;
        StringBuilder out = new StringBuilder("tx/s per round:");
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < ROUND; i++) {
                txs[i] = b.next();
            }
            long t0 = System.nanoTime();
            for (Transaction tx : txs) {
                checksum += screener.screen(tx).hits().size();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.append(String.format(Locale.ROOT, " %.0f", ROUND / seconds));
        }
        System.out.println(out + "; hit-count checksum " + checksum);
    }
}
