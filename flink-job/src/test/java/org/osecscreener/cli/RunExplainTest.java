package org.osecscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.job.ExecutionPlan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code run --explain}: the plan of the job the same options would run, printed without running
 * it (no mini-cluster, no Kafka connection, nothing written), after the same checks of options,
 * input and rules as a run, with the same exit codes when they fail.
 */
class RunExplainTest {
    static final String SAMPLE = RunCommandTest.SAMPLE;

    @TempDir
    Path dir;

    /** The table's rows by uid: id, parallelism, max, uid, operator, inputs (columns are 2+ spaces apart). */
    static Map<String, String[]> rowsByUid(String table) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        table.lines().filter(l -> l.matches("\\s*\\d+\\s{2,}\\d+\\s{2,}.*")).forEach(l -> {
            String[] cells = l.strip().split("\\s{2,}");
            assertThat(cells).as(l).hasSize(6);
            rows.put(cells[3], cells);
        });
        return rows;
    }

    /** Each row by uid, its id left out and the ids of its inputs replaced by their uids. */
    static Map<String, List<String>> byUid(String table) {
        Map<String, String[]> rows = rowsByUid(table);
        Map<String, String> uidOf = new LinkedHashMap<>();
        rows.forEach((uid, cells) -> uidOf.put(cells[0], uid));
        Map<String, List<String>> out = new LinkedHashMap<>();
        rows.forEach((uid, cells) -> {
            String inputs = Arrays.stream(cells[5].split(", "))
                    .map(i -> i.equals("-") ? i : uidOf.get(i.split(" ")[0]) + " " + i.split(" ")[1])
                    .collect(java.util.stream.Collectors.joining(", "));
            out.put(uid, List.of(cells[1], cells[2], cells[4], inputs));
        });
        assertThat(out).hasSizeGreaterThan(10);
        return out;
    }

    @Test
    void fileToFile_atParallelism2_listsEachOperatorsParallelism_andWritesNothing() {
        Path out = dir.resolve("out");
        MainTest.Result r = RunCommandTest.run("--input", SAMPLE, "--output", out.toString(), "--parallelism", "2",
                "--explain");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(out).as("neither output nor checkpoint directory is created").doesNotExist();
        assertThat(r.out()).startsWith("execution plan (not run): ").doesNotContain("rules:").doesNotContain("wrote");
        assertThat(r.err()).as("what a run says before it starts goes to stderr").contains("rules: ").contains("parallelism 2");

        Map<String, String[]> rows = rowsByUid(r.out());
        assertThat(rows.keySet()).contains("file-source", "baseline-rules", "rules-no-event-time", "parse", "watermarks",
                "cluster-stage", "cluster-stage-never-idle", "sender-stage", "final-stage", "alerts-sink", "dead-letter-sink",
                "rule-events-sink");
        // parallelism and max parallelism: the parallel stages at --parallelism, the global stages single tasks
        assertThat(rows.get("file-source")[1]).isEqualTo("2");
        assertThat(rows.get("parse")[1]).isEqualTo("2");
        assertThat(rows.get("sender-stage")).startsWith(rows.get("sender-stage")[0], "2", "128");
        assertThat(rows.get("cluster-stage")).startsWith(rows.get("cluster-stage")[0], "1", "1");
        assertThat(rows.get("final-stage")).startsWith(rows.get("final-stage")[0], "1", "1");
        assertThat(rows.get("alerts-sink")[1]).isEqualTo("1");
        assertThat(rows.get("parse")[2]).as("max parallelism not set").isEqualTo("-");
        // ship strategies, by the ids in the table
        String id = rows.get("watermarks")[0];
        assertThat(rows.get("parse")[5]).isEqualTo(rows.get("file-source")[0] + " FORWARD");
        // rule bundles reach the cluster stage without event time, and its output goes on never idle (EventTimeGate)
        assertThat(rows.get("rules-no-event-time")[5]).isEqualTo(rows.get("baseline-rules")[0] + " FORWARD");
        assertThat(rows.get("cluster-stage")[5]).isEqualTo(id + " HASH, " + rows.get("rules-no-event-time")[0] + " BROADCAST");
        assertThat(rows.get("cluster-stage-never-idle")).startsWith(rows.get("cluster-stage-never-idle")[0], "1", "1");
        assertThat(rows.get("cluster-stage-never-idle")[5]).isEqualTo(rows.get("cluster-stage")[0] + " FORWARD");
        assertThat(rows.get("sender-stage")[5]).isEqualTo(rows.get("cluster-stage-never-idle")[0] + " HASH");
        assertThat(rows.get("final-stage")[5]).isEqualTo(rows.get("sender-stage")[0] + " HASH");
        assertThat(rows.get("file-source")[5]).isEqualTo("-");
    }

    @Test
    void json_isFlinksPlan_withUidAndMaxParallelism_andTheTableSaysTheSame() throws IOException {
        Path out = dir.resolve("out");
        MainTest.Result json = RunCommandTest.run("--input", SAMPLE, "--output", out.toString(), "--parallelism", "3",
                "--explain=json");
        assertThat(json.code()).as(json.err()).isEqualTo(Main.OK);
        JsonNode plan = new ObjectMapper().readTree(json.out()); // the whole of stdout is the JSON
        assertThat(plan.path("nodes").isArray()).isTrue();
        JsonNode sender = null;
        for (JsonNode n : plan.path("nodes")) {
            assertThat(n.has("id") && n.has("type") && n.has("pact") && n.has("parallelism")).as(n.toString()).isTrue();
            if ("sender-stage".equals(n.path("uid").asText())) {
                sender = n;
            }
        }
        assertThat(sender).isNotNull();
        assertThat(sender.path("parallelism").asInt()).isEqualTo(3);
        assertThat(sender.path("max_parallelism").asInt()).isEqualTo(128);
        assertThat(sender.path("predecessors").get(0).path("ship_strategy").asText()).isEqualTo("HASH");

        MainTest.Result text = RunCommandTest.run("--input", SAMPLE, "--output", out.toString(), "--parallelism", "3",
                "--explain", "text");
        assertThat(text.code()).as(text.err()).isEqualTo(Main.OK);
        // the table is read from the JSON; ids differ between two plans built in one JVM (Flink numbers
        // operators with a global counter), so operators and inputs are compared by uid
        assertThat(byUid(text.out())).isEqualTo(byUid(ExecutionPlan.parse(json.out()).table()));
        assertThat(out).doesNotExist();
    }

    @Test
    void aParallelismAboveTheMaxParallelism_isAUsageError_beforeAnythingRuns() {
        MainTest.Result r = RunCommandTest.run("--input", SAMPLE, "--output", dir.resolve("out").toString(),
                "--parallelism", "200", "--explain");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("error: --parallelism must be at most 128 (the sender stage's max parallelism");
        assertThat(r.out()).isEmpty();
        MainTest.Result fine = RunCommandTest.run("--input", SAMPLE, "--output", dir.resolve("out").toString(),
                "--parallelism", "128", "--explain");
        assertThat(fine.code()).as(fine.err()).isEqualTo(Main.OK);
        assertThat(rowsByUid(fine.out()).get("sender-stage")).startsWith(rowsByUid(fine.out()).get("sender-stage")[0], "128", "128");
        assertThat(fine.err()).doesNotContain("warning");
    }

    @Test
    void kafka_isExplainedWithoutABroker_afterItsOptionsAreChecked() {
        // port 1 on loopback: nothing listens; a run would stop at its start-up check
        MainTest.Result r = RunCommandTest.run("--source", "kafka", "--sink", "kafka", "--kafka-bootstrap", "127.0.0.1:1",
                "--rules-topic", "osec-rules", "--output", dir.resolve("out").toString(), "--explain");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        Map<String, String[]> rows = rowsByUid(r.out());
        assertThat(rows.keySet()).contains("kafka-source", "kafka-rules", "alerts-sink", "dead-letter-count");
        assertThat(rows.get("kafka-source")[4]).isEqualTo("Source: kafka transactions");
        assertThat(rows.get("alerts-sink")[4]).isEqualTo("alerts to kafka: Writer");
        assertThat(r.err()).doesNotContain("error");
        assertThat(dir.resolve("out")).doesNotExist();

        MainTest.Result bad = RunCommandTest.run("--source", "kafka", "--kafka-property", "bogus", "--explain");
        assertThat(bad.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(bad.err()).contains("invalid Kafka client properties");
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void badOptionsInputOrRules_keepTheirExitCodes_andPrintNoPlan() throws IOException {
        for (String[] args : List.of(new String[] {"--explain=yaml"}, new String[] {"--source", "ftp", "--explain"},
                new String[] {"--parallelism", "0", "--explain=json"}, new String[] {"--explain", "--no-such-option"},
                new String[] {"--input", dir.resolve("nope.jsonl").toString(), "--explain"},
                new String[] {"--input", SAMPLE, "--resume", "--checkpoint-interval", "PT0S", "--explain"})) {
            MainTest.Result r = RunCommandTest.run(args);
            assertThat(r.code()).as(Arrays.toString(args) + ": " + r.err()).isEqualTo(Main.USAGE_OR_IO);
            assertThat(r.out()).as(Arrays.toString(args)).doesNotContain("execution plan").doesNotContain("\"nodes\"");
        }
        Path rules = Files.writeString(dir.resolve("bad.yaml"), "id: x\nversion: 0\n");
        MainTest.Result invalid = RunCommandTest.run("--input", SAMPLE, "--rules", rules.toString(), "--explain");
        assertThat(invalid.code()).isEqualTo(Main.FINDINGS);
        assertThat(invalid.err()).contains("invalid rule bundle");
        assertThat(invalid.out()).isEmpty();
    }

    @Test
    void theOutputOfAnotherRun_isNeitherRefusedNorTouched() throws IOException {
        Path out = dir.resolve("out");
        Path part = Files.writeString(Files.createDirectories(out.resolve("alerts")).resolve("alerts-1-0.jsonl"), "{}\n");
        MainTest.Result r = RunCommandTest.run("--input", SAMPLE, "--output", out.toString(), "--explain");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.toList()).containsExactlyInAnyOrder(out, out.resolve("alerts"), part);
        }
        assertThat(Files.readString(part)).isEqualTo("{}\n");
    }
}
