package org.osecscreener.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.osecscreener.cluster.Identifier;
import org.osecscreener.cluster.IdentifierType;
import org.osecscreener.cluster.PayeeIdentifiers;
import org.osecscreener.findings.CoalitionKey;
import org.osecscreener.findings.Finding;
import org.osecscreener.findings.FindingsHeader;
import org.osecscreener.findings.Role;
import org.osecscreener.findings.Watchlist;
import org.osecscreener.findings.WatchlistMatcher;
import org.osecscreener.findings.Watchlists;

/**
 * Watchlist lookups against a list of {@code size} tokens (default one million): {@code lookup}
 * is one O(1) probe of the primitive token table with a precomputed token, half of them present;
 * {@code hashAndLookup} is what a party costs the first time it is seen (HMAC-SHA256 of one
 * normalised phone number with the coalition key, then the probe); later transfers of the party
 * hit the matcher's cache. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar WatchlistBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class WatchlistBenchmark {
    private static final int PROBES = 1 << 16;

    @Param({"1000000"})
    public int size;

    private Watchlist list;
    private WatchlistMatcher matcher;
    private final long[] hi = new long[PROBES];
    private final long[] lo = new long[PROBES];
    private final PayeeIdentifiers[] parties = new PayeeIdentifiers[PROBES];
    private int next;

    @Setup
    public void setUp() {
        byte[] k = new byte[32];
        new SplittableRandom(7).nextBytes(k);
        CoalitionKey key = CoalitionKey.of(k);
        List<Finding> entries = new ArrayList<>(size);
        LocalDate day = LocalDate.of(2026, 3, 1);
        for (int i = 0; i < size; i++) {
            entries.add(new Finding(key.pseudonymiser().pseudonym("phone", phone(i)), IdentifierType.PHONE, day, 0.9,
                    "payee", null, null));
        }
        list = Watchlist.of(new FindingsHeader("bench", "benchmark", day, key.checkValue(), size), entries);
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < PROBES; i++) {
            // half present (a listed phone), half absent (a phone beyond the list)
            int n = (i & 1) == 0 ? r.nextInt(size) : size + r.nextInt(size);
            String token = key.pseudonymiser().pseudonym("phone", phone(n));
            byte[] b = java.util.Base64.getUrlDecoder().decode(token.substring(6));
            hi[i] = java.nio.ByteBuffer.wrap(b, 0, 8).getLong();
            lo[i] = java.nio.ByteBuffer.wrap(b, 8, 8).getLong();
            parties[i] = PayeeIdentifiers.of(new Identifier(IdentifierType.PHONE, phone(n)));
        }
        matcher = new WatchlistMatcher(Watchlists.of(key, List.of(list)), p -> PayeeIdentifiers.empty(), 1);
        if (list.indexOf(hi[0], lo[0]) < 0 || list.indexOf(hi[1], lo[1]) >= 0) {
            throw new IllegalStateException("benchmark data is wrong: the probes do not hit and miss as planned");
        }
    }

    private static String phone(int n) {
        return "+63917" + String.format("%07d", n % 10_000_000) + (n >= 10_000_000 ? "9" : "");
    }

    @Benchmark
    public int lookup() {
        int i = next++ & (PROBES - 1);
        return list.indexOf(hi[i], lo[i]);
    }

    @Benchmark
    public int hashAndLookup() {
        int i = next++ & (PROBES - 1);
        return matcher.matches(parties[i], Role.BENEFICIARY).size();
    }
}
