package org.osecscreener.bench;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.TransactionCodec;
import org.osecscreener.io.TransactionReader;
import org.osecscreener.io.TransactionWriter;
import org.osecscreener.model.Transaction;

/**
 * JSON-lines codec throughput on one thread: parsing single lines, reading a whole stream
 * (line splitting included), and writing. Lines look like the documented example (all
 * optional fields present, about 700 bytes), each with its own id, amount and time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
// The throughput collector with a fixed heap and a 1 GB young generation: a parser allocates
// about 2.5 KB per line and keeps nothing, so young collections are all it pays for. Two forks,
// because run-to-run JIT differences on this machine are as large as 20%.
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Xmn1g", "-XX:+UseParallelGC"})
public class CodecBenchmark {
    static final int LINES = 4096;

    private final TransactionCodec codec = TransactionCodec.standard();
    private byte[][] lines;
    private byte[] stream;
    private Transaction[] transactions;
    private JsonGenerator generator;
    private TransactionWriter writer;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        lines = new byte[LINES][];
        transactions = new Transaction[LINES];
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            String line = SampleLines.typical(i);
            lines[i] = line.getBytes(StandardCharsets.UTF_8);
            all.append(line).append('\n');
            ParseOutcome o = codec.parse(lines[i], 0, lines[i].length, i + 1);
            if (!(o instanceof ParseOutcome.Parsed p)) {
                throw new IllegalStateException("sample line rejected: " + o);
            }
            transactions[i] = p.transaction();
        }
        stream = all.toString().getBytes(StandardCharsets.UTF_8);
        generator = codec.newGenerator(OutputStream.nullOutputStream());
        writer = new TransactionWriter(OutputStream.nullOutputStream(), codec);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        generator.close();
        writer.close();
    }

    /** One line parsed into a Transaction (or a rejection): lines per second. */
    @Benchmark
    public ParseOutcome parseLine() {
        byte[] line = lines[next++ & (LINES - 1)];
        return codec.parse(line, 0, line.length, next);
    }

    /** A whole stream of 4096 lines through TransactionReader (line splitting included). */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public long readStream() throws IOException {
        try (TransactionReader reader = new TransactionReader(new ByteArrayInputStream(stream), codec)) {
            while (reader.next() != null) {
                // count only
            }
            return reader.valid();
        }
    }

    /** One Transaction written as a JSON line by {@link TransactionWriter} into a discarding stream: lines per second. */
    @Benchmark
    public void writeLine() throws IOException {
        writer.write(transactions[next++ & (LINES - 1)]);
    }

    /** The same through the codec's Jackson generator alone (the writer's fallback for lines that need escaping). */
    @Benchmark
    public void writeLineJackson() throws IOException {
        codec.write(transactions[next++ & (LINES - 1)], generator);
    }
}
