package org.osecscreener.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;

import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.model.Channel;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.screen.Screener;

/**
 * The cardinality attack on the embedded Screener: N transactions whose senders and
 * beneficiaries are all different (each beneficiary with its own phone and account), so that
 * every transaction asks for new state. Not JMH: what is measured is the heap that stays after
 * the run, against the configured bounds.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar org.osecscreener.bench.Cardinality [N] [BOUND]
 * </pre>
 *
 * <p>N transactions (default 10,000,000) go through a Screener whose bounds on senders,
 * clusters and beneficiaries are all BOUND (default 1,000,000; identifiers 4 × BOUND,
 * transaction ids 10 × BOUND). Event time advances 0.1 s per transaction, so nothing expires
 * by age during the run: only the size bounds hold the state. After every tenth of the run
 * the harness collects garbage and prints the heap in use, what is tracked, and the bytes per
 * tracked entity. The run fails (exit 1) if a tracked count exceeds its bound.
 */
public final class Cardinality {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final Currency USD = Currency.getInstance("USD");

    private Cardinality() {
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        int bound = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 1_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = heapAfterGc(memory);
        Screener screener = Screener.builder()
                .maxSenders(bound).maxClusters(bound).maxTrackedTransactionIds(10L * bound)
                .clusterConfig(ClusterConfig.builder().maxBeneficiaries(bound).maxIdentifiers(4 * bound).build())
                .build();
        long empty = heapAfterGc(memory) - before;
        System.out.printf("N=%,d bound=%,d; heap of an empty screener: %,d bytes%n", n, bound, empty);
        System.out.println("transactions  heapUsedMB  senders  clusters  beneficiaries  txIds  bytes/entity  tx/s");
        long step = Math.max(1, n / 10);
        long t0 = System.nanoTime();
        long tStep = t0;
        boolean overBound = false;
        for (long i = 0; i < n; i++) {
            screener.screen(transaction(i));
            if ((i + 1) % step == 0 || i + 1 == n) {
                long now = System.nanoTime();
                double rate = step / ((now - tStep) / 1e9);
                Screener.Tracked t = screener.tracked();
                long heap = heapAfterGc(memory) - before;
                long entities = t.senders() + t.clusters() + t.beneficiaries();
                System.out.printf("%,12d  %10.0f  %,7d  %,8d  %,13d  %,d  %,12d  %,.0f%n", i + 1, heap / 1e6, t.senders(),
                        t.clusters(), t.beneficiaries(), t.transactionIds(), entities == 0 ? 0 : heap / entities, rate);
                overBound |= t.senders() > bound || t.clusters() > bound || t.beneficiaries() > bound
                        || t.transactionIds() > 10L * bound;
                tStep = System.nanoTime();
            }
        }
        System.out.printf("done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        if (overBound) {
            System.out.println("FAILED: a tracked count exceeded its bound");
            System.exit(1);
        }
    }

    /** Transaction {@code i}: sender i and beneficiary i, never seen before. */
    static Transaction transaction(long i) {
        Party sender = Party.builder("S-" + i, (i & 1) == 0 ? "US" : "AU").name("Sender " + i)
                .account("ACC-" + i).build();
        Party payee = Party.builder("B-" + i, "PH").name("Payee " + i + " Santos")
                .phone("+63917" + String.format("%07d", i % 10_000_000)).account("PH-" + i).build();
        return new Transaction("T-" + i, T0.plusNanos(i * 100_000_000L), new Money(1_000 + i % 9_000, USD),
                Channel.ONLINE, null, sender, payee, null);
    }

    /** The heap in use after three full collections (also used by {@link StateFootprint}). */
    static long heapAfterGc(MemoryMXBean memory) {
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
