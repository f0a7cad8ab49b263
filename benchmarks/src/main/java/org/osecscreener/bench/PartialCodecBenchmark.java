package org.osecscreener.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.osecscreener.detect.ClusterView;
import org.osecscreener.detect.PairStore;
import org.osecscreener.detect.PartialAssessment;
import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.io.binary.BinaryCodec;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.ClusterProfile;
import org.osecscreener.profile.PairProfile;
import org.osecscreener.profile.SenderProfile;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.tools.synth.Generator;
import org.osecscreener.tools.synth.GeneratorConfig;

/**
 * The record the Flink job's sender stage sends to its final stage: a partial assessment in the
 * structured form ({@link BinaryCodec#writePartialStructured}, with reasons and evidence), written
 * into and read from Flink's own serialisation buffers, as the network stack does. The partials are
 * real ones: the default pack's sender step over 50,000 generated transactions (seed 42), each
 * sender's and cluster's profiles in plain maps. Nanoseconds per record, cycling through them.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PartialCodecBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class PartialCodecBenchmark {
    private PartialAssessment[] partials;
    private byte[][] encoded;
    private int next;
    private final DataOutputSerializer out = new DataOutputSerializer(1024);
    private final DataInputDeserializer in = new DataInputDeserializer();

    @Setup(Level.Trial)
    public void partials() throws IOException {
        ScreeningEngine engine = ScreeningEngine.of(RuleBundleLoader.defaultBundle());
        Map<String, ClusterProfile> clusters = new HashMap<>();
        Map<String, SenderProfile> senders = new HashMap<>();
        Map<String, Map<String, PairProfile>> pairs = new HashMap<>();
        List<Transaction> txs = new ArrayList<>();
        Generator.of(GeneratorConfig.defaults(), 42).generate(50_000, txs::add, x -> { });
        List<PartialAssessment> list = new ArrayList<>();
        for (Transaction tx : txs) {
            String clusterId = "C-" + tx.beneficiary().id();
            ClusterView view = engine.clusterStep(clusters.computeIfAbsent(clusterId, k -> new ClusterProfile()), tx,
                    clusterId, 1, ScreeningEngine.surnameKey(tx.beneficiary().name()),
                    ScreeningEngine.addressKey(tx.beneficiary().address()));
            list.add(engine.senderStep(senders.computeIfAbsent(tx.sender().id(), k -> new SenderProfile()),
                    PairStore.of(pairs.computeIfAbsent(tx.sender().id(), k -> new HashMap<>())), tx, view));
        }
        partials = list.toArray(PartialAssessment[]::new);
        encoded = new byte[partials.length][];
        long bytes = 0;
        for (int i = 0; i < partials.length; i++) {
            out.clear();
            BinaryCodec.writePartialStructured(out, partials[i], true);
            encoded[i] = out.getCopyOfBuffer();
            bytes += encoded[i].length;
        }
        System.out.printf("%n# %,d partials, %.0f bytes each on average%n", partials.length, bytes / (double) partials.length);
    }

    private int index() {
        int i = next;
        next = i + 1 == partials.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public int write() throws IOException {
        out.clear();
        BinaryCodec.writePartialStructured(out, partials[index()], true);
        return out.length();
    }

    @Benchmark
    public PartialAssessment read() throws IOException {
        in.setBuffer(encoded[index()]);
        return BinaryCodec.readPartialStructured(in);
    }
}
