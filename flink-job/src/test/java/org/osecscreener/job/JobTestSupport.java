package org.osecscreener.job;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osecscreener.io.TransactionCodec;
import org.osecscreener.io.TransactionReader;
import org.osecscreener.io.TransactionWriter;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;
import org.osecscreener.screen.Screener;

/** Shared helpers of the job tests. */
final class JobTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();

    private JobTestSupport() {
    }

    /** Options for a bounded file-to-file run with checkpoints every 200 ms. */
    static JobRunner.Options fileRun(Path input, Path output, String backend, int parallelism, RuleBundle baseline,
                                     String rulesDir, Level minLevel) {
        return new JobRunner.Options("file", input.toString(), "jsonl", null, null, null, null, false, "file", output.toString(),
                null, null, null, baseline, rulesDir, null, backend, Duration.ofMillis(200),
                output.resolve("checkpoints").toString(), parallelism, Duration.ofSeconds(5), minLevel, false, 0);
    }

    /** The shipped pack's text with another version and effective day. */
    static String defaultText(int version, String effectiveFrom) {
        String text = new String(RuleBundleLoader.defaultBundleText(), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("(?m)^version: 1$", "version: " + version)
                .replaceFirst("(?m)^effectiveFrom: [0-9-]+$", "effectiveFrom: " + effectiveFrom);
        if (!text.contains("version: " + version + "\n") || !text.contains("effectiveFrom: " + effectiveFrom + "\n")) {
            throw new AssertionError("the shipped pack's version or effectiveFrom line moved");
        }
        return text;
    }

    /** The shipped pack with another version and effective day. */
    static RuleBundle defaultPack(int version, String effectiveFrom) {
        try {
            return new RuleBundleLoader().load("pack-v" + version + ".yaml",
                    defaultText(version, effectiveFrom).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (org.osecscreener.rules.RuleBundleException e) {
            throw new AssertionError(e.errors().toString(), e);
        }
    }

    static List<Transaction> sample() throws IOException {
        List<Transaction> txs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of("../samples/transactions.jsonl"));
             TransactionReader r = new TransactionReader(in)) {
            r.forEach(txs::add, rej -> {
                throw new AssertionError(rej.describe());
            });
        }
        return txs;
    }

    /**
     * The sample repeated {@code copies} times with disjoint parties (ids suffixed) and times
     * shifted by copy, interleaved in event-time order: a larger input with the same patterns.
     */
    static List<Transaction> repeatedSample(int copies) throws IOException {
        List<Transaction> base = sample();
        List<Transaction> out = new ArrayList<>(base.size() * copies);
        for (Transaction t : base) {
            for (int k = 0; k < copies; k++) {
                String s = "-" + k;
                out.add(new Transaction(t.id() + s, t.timestamp().plusSeconds(k), t.amount(), t.channel(), t.purpose(),
                        suffixed(t.sender(), s, k), suffixed(t.beneficiary(), s, k), t.label()));
            }
        }
        return out;
    }

    private static Party suffixed(Party p, String s, int k) {
        return new Party(p.id() + s, p.type(), p.name(), p.country(), p.account() == null ? null : p.account() + s,
                p.phone() == null ? null : p.phone().replaceAll("\\d{2}$", String.format("%02d", k % 100)) + (k >= 100 ? s : ""),
                p.wallet() == null ? null : p.wallet() + s, p.email(), p.address() == null ? null : p.address() + s,
                p.pickupLocation(), p.device(), p.ip());
    }

    static Path write(Path file, List<Transaction> txs) throws IOException {
        try (TransactionWriter w = new TransactionWriter(Files.newOutputStream(file))) {
            for (Transaction t : txs) {
                w.write(t);
            }
        }
        return file;
    }

    /** The embedded screener's REVIEW and ALERT assessments by transaction id. */
    static Map<String, Assessment> embedded(List<Transaction> txs, RuleBundle bundle) throws Exception {
        Screener s = Screener.builder().bundle(bundle).build();
        Map<String, Assessment> out = new LinkedHashMap<>();
        for (Transaction t : txs) {
            Assessment a = s.screen(t);
            if (a.level().atLeast(Level.REVIEW)) {
                out.put(a.transactionId(), a);
            }
        }
        return out;
    }

    /** Transaction assessment lines ({@code kind} transaction) by transaction id. */
    static Map<String, JsonNode> byTransaction(List<String> lines) throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String l : lines) {
            JsonNode n = JSON.readTree(l);
            if (!n.path("kind").asText("transaction").equals("transaction")) {
                continue;
            }
            if (out.put(n.get("transactionId").asText(), n) != null) {
                throw new AssertionError("transaction " + n.get("transactionId") + " assessed twice in the output");
            }
        }
        return out;
    }

    /**
     * Every output line of the embedded Screener at or above {@code minLevel} (transaction
     * assessments, sextortion-victim alerts, cluster assessments, look-back alerts), by
     * {@link #key}, as the job would write them.
     */
    static Map<String, JsonNode> embeddedAll(List<Transaction> txs, RuleBundle bundle, Level minLevel) throws Exception {
        Screener s = Screener.builder().bundle(bundle).build();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (org.osecscreener.screen.AssessmentWriter w = new org.osecscreener.screen.AssessmentWriter(bytes)) {
            for (Transaction t : txs) {
                w.write(s.screenAll(t), minLevel);
            }
        }
        String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        return byKey(text.isEmpty() ? List.of() : List.of(text.split("\n")));
    }

    /** Output lines by {@link #key}; a key seen twice is an error (a duplicated output). */
    static Map<String, JsonNode> byKey(List<String> lines) throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String l : lines) {
            JsonNode n = JSON.readTree(l);
            if (out.put(key(n), n) != null) {
                throw new AssertionError(key(n) + " written twice in the output");
            }
        }
        return out;
    }

    /** What identifies an output line: its kind, and its transaction (and cluster, for a cluster assessment). */
    static String key(JsonNode n) {
        String kind = n.path("kind").asText("transaction");
        return kind + "/" + (kind.equals("cluster") ? n.get("clusterId").asText() + "/" : "")
                + n.get("transactionId").asText();
    }

    /** Asserts that two outputs hold the same records with the same ids, levels, scores and hits. */
    static void assertSameOutputs(Map<String, JsonNode> expected, Map<String, JsonNode> actual) {
        org.assertj.core.api.Assertions.assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
            JsonNode x = e.getValue();
            JsonNode a = actual.get(e.getKey());
            org.assertj.core.api.Assertions.assertThat(a.path("alertId").asText()).as("alert id of %s", e.getKey())
                    .isEqualTo(x.path("alertId").asText());
            org.assertj.core.api.Assertions.assertThat(a.get("level").asText()).as("level of %s", e.getKey())
                    .isEqualTo(x.get("level").asText());
            org.assertj.core.api.Assertions.assertThat(a.get("score").asDouble()).as("score of %s", e.getKey())
                    .isCloseTo(x.get("score").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
            org.assertj.core.api.Assertions.assertThat(a.path("clusterId").asText()).as("cluster of %s", e.getKey())
                    .isEqualTo(x.path("clusterId").asText());
            org.assertj.core.api.Assertions.assertThat(a.get("hits").size()).as("hits of %s", e.getKey())
                    .isEqualTo(x.get("hits").size());
            org.assertj.core.api.Assertions.assertThat(a.path("clusterAlertId").asText()).as("cluster alert of %s", e.getKey())
                    .isEqualTo(x.path("clusterAlertId").asText());
            org.assertj.core.api.Assertions.assertThat(a.path("lookBack").toString()).as("look-back of %s", e.getKey())
                    .isEqualTo(x.path("lookBack").toString());
        }
    }

    static RuleBundle defaults() {
        return RuleBundleLoader.defaultBundle();
    }

    static String json(Transaction t) {
        return TransactionCodec.standard().toJson(t);
    }

    /** Copies {@code from} to {@code to} with {@code broken} malformed lines at random places; returns their line numbers. */
    static TreeSet<Long> withBrokenLines(Path from, Path to, int broken, Random random) throws IOException {
        List<String> lines = Files.readAllLines(from);
        TreeSet<Integer> at = new TreeSet<>();
        while (at.size() < broken) {
            at.add(random.nextInt(lines.size()));
        }
        TreeSet<Long> numbers = new TreeSet<>();
        long n = 0;
        try (BufferedWriter w = java.nio.file.Files.newBufferedWriter(to)) {
            for (int i = 0; i < lines.size(); i++) {
                if (at.contains(i)) {
                    w.write("{\"id\":\"broken-" + i + "\",\"amount\":");
                    w.newLine();
                    numbers.add(++n);
                }
                w.write(lines.get(i));
                w.newLine();
                n++;
            }
        }
        return numbers;
    }

    static List<Long> deadLetterLines(List<String> deadLetters) throws IOException {
        List<Long> out = new ArrayList<>();
        for (String l : deadLetters) {
            out.add(JobTestSupport.JSON.readTree(l).get("line").asLong());
        }
        out.sort(null);
        return out;
    }

    /** Runs a CLI command in this JVM; fails on exit codes above 1. */
    static int cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = org.osecscreener.cli.Main.run(args, new PrintWriter(out), new PrintWriter(err));
        if (code > org.osecscreener.cli.Main.FINDINGS) {
            throw new AssertionError(String.join(" ", args) + " exited " + code + ": " + err);
        }
        return code;
    }

    /** Asserts that {@code actual} has exactly the transactions of {@code expected}, naming the lost and the unexpected (linear time). */
    static void assertSameKeys(Map<String, ?> actual, Map<String, ?> expected) {
        java.util.Set<String> lost = new java.util.TreeSet<>(expected.keySet());
        lost.removeAll(actual.keySet());
        java.util.Set<String> extra = new java.util.TreeSet<>(actual.keySet());
        extra.removeAll(expected.keySet());
        org.assertj.core.api.Assertions.assertThat(lost).as("outputs lost (expected but not committed)").isEmpty();
        org.assertj.core.api.Assertions.assertThat(extra).as("outputs committed but not expected").isEmpty();
    }
}
