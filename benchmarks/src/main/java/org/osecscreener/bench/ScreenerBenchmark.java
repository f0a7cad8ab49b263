package org.osecscreener.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
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
import org.openjdk.jmh.infra.Blackhole;
import org.osecscreener.model.Channel;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.Hashing;
import org.osecscreener.score.Assessment;
import org.osecscreener.screen.Screener;

/**
 * The embedded Screener with the default rule pack on one thread, over 100,000 senders and
 * 300,000 beneficiaries ({@code senderCount}; three beneficiaries per sender) (the payee population of {@link PayeePopulation}: families, rings, hubs),
 * against a baseline that does one HashMap update per transaction.
 *
 * <p>Transactions are pre-built, as the issue asks ("screening pre-parsed transactions"): before
 * each measured invocation, {@link Batch} builds the next {@value #BATCH} transactions (fresh ids,
 * so that de-duplication never short-cuts them; event time advancing {@code eventMillisPerTransaction}, 0.1 s by default, so
 * windows fill and slide), outside the timed region. {@link #screen} then screens
 * the batch ({@code @OperationsPerInvocation}, so the score is transactions per second), and
 * {@link #baselineHashMapUpdate} does one HashMap update per transaction of the same batch.
 * {@link #screenLatency} times single calls (a transaction built before each, untimed). State is
 * warmed with two million transactions first.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
public class ScreenerBenchmark {
    /** Senders tracked; beneficiaries are three times as many. 100,000 is the size; smaller sizes show what fits in the caches. */
    @Param({"100000"})
    public int senderCount;
    /**
     * Event time between two transactions, in milliseconds. The default 100 (864,000 a day, every
     * sender about nine times a day) fills every window and makes most transfers REVIEW or ALERT:
     * a stress load. 6000 (14,400 a day, a sender about every week) is closer to remittance traffic.
     */
    @Param({"100"})
    public long eventMillisPerTransaction;
    /**
     * Whether each transaction gets its own copies of its parties (new strings, as parsing makes
     * them). Default false: transactions share the population's party objects, so comparing a
     * party with the one cached for it is an identity check, which real traffic never gives.
     */
    @Param({"false"})
    public boolean freshParties;
    static final int PLAN = 1 << 20;
    static final int BATCH = 4096;
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final ZoneOffset[] OFFSETS = {ZoneOffset.ofHours(-5), ZoneOffset.ofHours(10), ZoneOffset.UTC,
            ZoneOffset.ofHours(3), ZoneOffset.ofHours(8)};
    static final String[] COUNTRIES = {"US", "AU", "GB", "SA", "SG"};
    static final String[] CURRENCIES = {"USD", "AUD", "GBP", "SAR", "SGD"};

    private Party[] senders;
    private Party[] payees;
    private int[] planSender;
    private int[] planPayee;
    private Money[] planAmount;
    private String[] planPurpose;
    private Screener screener;
    private final Map<String, long[]> baseline = new HashMap<>();
    private long[] floorSeen;
    private int floorSeenSize;
    private Map<String, long[]> floorSenders;
    private Map<String, int[]> floorPayees;
    private long[][] floorClusters;
    private long seq;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        final int SENDERS = senderCount;
        final int BENEFICIARIES = 3 * senderCount;
        payees = new PayeePopulation(BENEFICIARIES, true).parties;
        senders = new Party[SENDERS];
        for (int i = 0; i < SENDERS; i++) {
            senders[i] = Party.builder("S-" + i, COUNTRIES[i % COUNTRIES.length]).name("Sender " + i + " Surname" + (i % 977))
                    .account("ACC-" + i).build();
        }
        SplittableRandom rnd = new SplittableRandom(20261129);
        planSender = new int[PLAN];
        planPayee = new int[PLAN];
        planAmount = new Money[PLAN];
        planPurpose = new String[PLAN];
        String[] purposes = {null, null, "family support", "allowance", "gift", "school fees", "rent", null};
        for (int i = 0; i < PLAN; i++) {
            int s = (int) Math.min(SENDERS - 1, Math.abs(rnd.nextGaussian()) * SENDERS / 3);
            s = rnd.nextInt(4) == 0 ? rnd.nextInt(SENDERS) : s;
            planSender[i] = s;
            planPayee[i] = rnd.nextInt(10) == 0 ? rnd.nextInt(BENEFICIARIES) : (s * 3 + rnd.nextInt(3)) % BENEFICIARIES;
            Currency c = Currency.getInstance(CURRENCIES[s % CURRENCIES.length]);
            planAmount[i] = new Money(500 + rnd.nextInt(60_000), c);
            planPurpose[i] = purposes[rnd.nextInt(purposes.length)];
        }
        floorSeen = new long[1 << 24];
        floorSenders = new HashMap<>();
        for (Party p : senders) {
            floorSenders.put(p.id(), new long[4]);
        }
        floorPayees = new HashMap<>();
        floorClusters = new long[BENEFICIARIES][];
        for (int i = 0; i < BENEFICIARIES; i++) {
            floorPayees.put(payees[i].id(), new int[] {i});
            floorClusters[i] = new long[4];
        }
        screener = Screener.builder().maxSenders(SENDERS * 2L).maxClusters(BENEFICIARIES * 2L).build();
        for (int i = 0; i < 2_000_000; i++) {
            screener.screen(next());
        }
    }

    Transaction next() {
        long n = seq++;
        int i = (int) (n & (PLAN - 1));
        int s = planSender[i];
        OffsetDateTime at = T0.plusNanos(n * eventMillisPerTransaction * 1_000_000L).withOffsetSameInstant(OFFSETS[s % OFFSETS.length]);
        Party sender = senders[s];
        Party payee = payees[planPayee[i]];
        if (freshParties) {
            sender = copy(sender);
            payee = copy(payee);
        }
        return new Transaction("T" + n, at, planAmount[i], Channel.ONLINE, planPurpose[i], sender, payee, null);
    }

    /** A party equal to {@code p} made of new strings, as the parser would return it. */
    static Party copy(Party p) {
        return new Party(fresh(p.id()), p.type(), fresh(p.name()), fresh(p.country()), fresh(p.account()),
                fresh(p.phone()), fresh(p.wallet()), fresh(p.email()), fresh(p.address()), fresh(p.pickupLocation()),
                fresh(p.device()), fresh(p.ip()));
    }

    private static String fresh(String s) {
        return s == null ? null : new String(s.toCharArray());
    }

    /** The screener, for {@link ScreenerLoop}. */
    Screener screenerForLoop() {
        return screener;
    }

    /** The next {@value #BATCH} transactions, built before each invocation (not timed). */
    @State(Scope.Thread)
    public static class Batch {
        final Transaction[] txs = new Transaction[BATCH];

        @Setup(Level.Invocation)
        public void fill(ScreenerBenchmark b) {
            for (int i = 0; i < BATCH; i++) {
                txs[i] = b.next();
            }
        }
    }

    /** The next transaction, built before each invocation (not timed). */
    @State(Scope.Thread)
    public static class One {
        Transaction tx;

        @Setup(Level.Invocation)
        public void fill(ScreenerBenchmark b) {
            tx = b.next();
        }
    }

    /** Screening throughput: transactions per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OperationsPerInvocation(BATCH)
    public void screen(Batch batch, Blackhole bh) {
        for (Transaction tx : batch.txs) {
            bh.consume(screener.screen(tx));
        }
    }

    /** Screening latency distribution per call (p50, p99, p99.9); each sample includes one System.nanoTime pair. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Assessment screenLatency(One one) {
        return screener.screen(one.tx);
    }

    /**
     * The floor of any screening that keeps state per transaction id, sender, payee and payee
     * cluster: one open-addressing insert of the id's 64-bit hash (the de-duplication table, sized
     * like the screener's) and three hash look-ups with one field updated each (sender, payee, its
     * cluster), over the same populations. No rule logic and no bounds: what the state walk costs
     * at its very least on this machine's memory.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OperationsPerInvocation(BATCH)
    public void stateFloor(Batch batch, Blackhole bh) {
        long[] seen = floorSeen;
        int mask = seen.length - 1;
        for (Transaction tx : batch.txs) {
            long h = Hashing.hash64(tx.id()) | 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (seen[i] != 0 && seen[i] != h) {
                i = (i + 1) & mask;
            }
            if (seen[i] == 0) {
                seen[i] = h;
                if (++floorSeenSize > seen.length * 0.6) {
                    java.util.Arrays.fill(seen, 0);
                    floorSeenSize = 0;
                }
            }
            long[] s = floorSenders.get(tx.sender().id());
            s[0] += tx.amount().minorUnits();
            long[] c = floorClusters[floorPayees.get(tx.beneficiary().id())[0]];
            c[0] += tx.amount().minorUnits();
            bh.consume(s);
            bh.consume(c);
        }
    }

    /** Baseline: one HashMap update per pre-built transaction. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OperationsPerInvocation(BATCH)
    public void baselineHashMapUpdate(Batch batch, Blackhole bh) {
        for (Transaction tx : batch.txs) {
            long[] c = baseline.computeIfAbsent(tx.sender().id(), k -> new long[1]);
            c[0] += tx.amount().minorUnits();
            bh.consume(c);
        }
    }
}
