package org.osecscreener.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
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
import org.osecscreener.model.Channel;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.screen.Screener;

/**
 * Hot keys: one beneficiary paid by many senders, and one sender paying many beneficiaries.
 * The time per transaction must not grow with the hot key's history (profiles are bounded:
 * no scan proportional to history on the hot path), so the same benchmark runs with 1,000 and
 * with 100,000 counterparties and the two times are compared.
 *
 * <p>Before measuring, every counterparty transacts once with the hot key (event time one
 * second apart, inside every rule window), so the hot key's profile has seen all of them; the
 * measured calls go on cycling through the counterparties. {@code shape}: {@code hotBeneficiary}
 * (counterparties are senders, all paying beneficiary B-HOT) or {@code hotSender} (S-HOT pays
 * each counterparty, a beneficiary with its own phone).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HotKeyBenchmark {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final Currency USD = Currency.getInstance("USD");

    @Param({"hotBeneficiary", "hotSender"})
    public String shape;

    @Param({"1000", "100000"})
    public int counterparties;

    private Party hot;
    private Party[] others;
    private Screener screener;
    private long seq;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        boolean hotPayee = shape.equals("hotBeneficiary");
        hot = hotPayee
                ? Party.builder("B-HOT", "PH").name("Hot Payee Reyes").phone("+639170000001").build()
                : Party.builder("S-HOT", "US").name("Hot Sender").account("ACC-HOT").build();
        others = new Party[counterparties];
        for (int i = 0; i < counterparties; i++) {
            others[i] = hotPayee
                    ? Party.builder("S-" + i, i % 2 == 0 ? "US" : "AU").name("Sender " + i).build()
                    : Party.builder("B-" + i, "PH").name("Payee " + i + " Cruz")
                            .phone("+63918" + String.format("%07d", i)).build();
        }
        screener = Screener.builder().build();
        for (int i = 0; i < counterparties; i++) {
            screener.screen(next());
        }
    }

    private Transaction next() {
        long n = seq++;
        Party other = others[(int) (n % counterparties)];
        boolean hotPayee = hot.id().equals("B-HOT");
        return new Transaction("T" + n, T0.plusSeconds(n), new Money(2_000 + n % 3_000, USD), Channel.ONLINE, null,
                hotPayee ? other : hot, hotPayee ? hot : other, null);
    }

    /** Mean time per screened transaction on the hot key, in microseconds. */
    @Benchmark
    public Assessment screenHotKey() {
        return screener.screen(next());
    }
}
