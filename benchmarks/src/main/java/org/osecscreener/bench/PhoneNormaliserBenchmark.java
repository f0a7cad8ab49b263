package org.osecscreener.bench;

import java.util.ArrayList;
import java.util.List;
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
import org.osecscreener.cluster.IdentifierNormaliser;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.tools.secondopinion.SecondOpinionGenerator;
import org.osecscreener.tools.synth.Generator;
import org.osecscreener.tools.synth.GeneratorConfig;

/**
 * Normalisation of typical beneficiaries, one thread, mean time per beneficiary: the payees of
 * {@value #N} generated transactions ({@code main}: the default generator, seed 42;
 * {@code secondOpinion}: the second-opinion set, seed 14), as the screener normalises them.
 * {@code normalise} is {@link IdentifierNormaliser#normalise} with the default configuration
 * (phone, phone-like wallet, account, e-mail, device, address); {@code phoneE164} is
 * {@link IdentifierNormaliser#toE164} of the same payees' phones alone (the libphonenumber part;
 * {@value #N} phones, the payees' cycled, so its score is per phone).
 * Run the same class against two builds to compare them (see benchmarks/README.md):
 * {@code java -jar benchmarks/target/benchmarks.jar PhoneNormaliser -f 1 -wi 3 -w 2 -i 5 -r 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class PhoneNormaliserBenchmark {
    static final int N = 20_000;

    @Param({"main", "secondOpinion"})
    String set;

    private Party[] payees;
    private String[] phones;
    private String[] phoneRegions;
    private IdentifierNormaliser normaliser;

    @Setup(Level.Trial)
    public void generate() {
        List<Party> out = new ArrayList<>(N);
        if (set.equals("main")) {
            Generator.of(GeneratorConfig.defaults(), 42).generate(N, (Transaction t) -> out.add(t.beneficiary()), x -> { });
        } else {
            SecondOpinionGenerator.of(14).generate(N, t -> out.add(t.beneficiary()), null);
        }
        payees = out.toArray(new Party[0]);
        List<String> ph = new ArrayList<>();
        List<String> rg = new ArrayList<>();
        for (Party p : payees) {
            if (p.phone() != null) {
                ph.add(p.phone());
                rg.add(p.country());
            }
        }
        // N phones (the payees' phones, cycled), so that the score is per phone
        phones = new String[N];
        phoneRegions = new String[N];
        for (int i = 0; i < N; i++) {
            phones[i] = ph.get(i % ph.size());
            phoneRegions[i] = rg.get(i % rg.size());
        }
        normaliser = new IdentifierNormaliser(ClusterConfig.defaults());
    }

    /** Whole normalisation of every payee; the score is per payee. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int normalise() {
        int sum = 0;
        for (Party p : payees) {
            sum += normaliser.normalise(p).size();
        }
        return sum;
    }

    /** E.164 of {@value #N} payee phones; the score is per phone. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int phoneE164() {
        int sum = 0;
        for (int i = 0; i < phones.length; i++) {
            String e = IdentifierNormaliser.toE164(phones[i], phoneRegions[i]);
            sum += e == null ? 0 : e.length();
        }
        return sum;
    }
}
