package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.osecscreener.cli.Main;

/**
 * The input of the process-failure tests and what a failure-free run makes of it, computed once
 * per test JVM: 200,000 transactions from {@code generate --seed 20261207}, with 150 malformed
 * lines at random places (fixed seed), screened by the embedded screener ({@code screen}).
 *
 * @param input        the JSON-lines file
 * @param brokenLines  the line numbers of the malformed lines (1-based)
 * @param expected     the embedded screener's output (transaction, cluster, look-back and victim-side
 *                     assessments) by {@link JobTestSupport#key}
 * @param alertsBytes  the size of the embedded screener's alert file (for progress shares)
 */
record FaultFixture(Path input, TreeSet<Long> brokenLines, Map<String, JsonNode> expected, long alertsBytes) {
    static final long SEED = 20261207L;
    static final int TRANSACTIONS = 200_000;
    static final int BROKEN = 150;

    private static FaultFixture shared;

    /** The fixture, made on first use in a temporary directory removed when the JVM exits. */
    static synchronized FaultFixture get() throws IOException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("osec-fault-fixture-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            Path generated = dir.resolve("generated.jsonl");
            assertThat(JobTestSupport.cli("generate", "--seed", Long.toString(SEED), "--transactions",
                    Integer.toString(TRANSACTIONS), "--output", generated.toString())).isEqualTo(Main.OK);
            Path input = dir.resolve("in.jsonl");
            TreeSet<Long> broken = JobTestSupport.withBrokenLines(generated, input, BROKEN, new Random(SEED));
            Files.delete(generated);
            Path alerts = dir.resolve("expected.jsonl");
            Path dead = dir.resolve("expected.rejected.jsonl");
            assertThat(JobTestSupport.cli("screen", "--input", input.toString(), "--output", alerts.toString(),
                    "--dead-letter", dead.toString())).as("screen exits 1: some lines were rejected").isEqualTo(Main.FINDINGS);
            Map<String, JsonNode> expected = JobTestSupport.byKey(Files.readAllLines(alerts)); // every kind of assessment
            assertThat(expected).hasSizeGreaterThan(1000);
            assertThat(JobTestSupport.deadLetterLines(Files.readAllLines(dead))).containsExactlyElementsOf(broken);
            shared = new FaultFixture(input, broken, expected, Files.size(alerts));
        }
        return shared;
    }

    /** Every line of the input. */
    List<String> lines() throws IOException {
        return Files.readAllLines(input);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
