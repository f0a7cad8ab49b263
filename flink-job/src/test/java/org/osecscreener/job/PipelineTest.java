package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;

/** The whole pipeline on a mini-cluster at parallelism 2: file in, alerts out, same decisions as the embedded Screener. */
class PipelineTest {
    @RegisterExtension
    static final MiniClusterExtension MINI = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    Path dir;

    static void execute(JobRunner.Options o) throws Exception {
        Configuration conf = JobRunner.configuration(o);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(o.parallelism());
        JobRunner.wire(env, o);
        env.execute("pipeline-test");
    }

    @ParameterizedTest(name = "state backend {0}")
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void parallelismTwo_sameAlertsAsEmbeddedScreener(String backend) throws Exception {
        List<Transaction> txs = JobTestSupport.repeatedSample(3);
        Path input = JobTestSupport.write(dir.resolve("in.jsonl"), txs);
        Path out = dir.resolve("out");
        execute(JobTestSupport.fileRun(input, out, backend, 2, JobTestSupport.defaults(), null, Level.REVIEW));

        Map<String, Assessment> expected = JobTestSupport.embedded(txs, JobTestSupport.defaults());
        Map<String, JsonNode> actual = JobTestSupport.byTransaction(JobRunner.lines(out.resolve("alerts")));
        assertThat(expected).isNotEmpty();
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, Assessment> e : expected.entrySet()) {
            JsonNode a = actual.get(e.getKey());
            Assessment x = e.getValue();
            assertThat(a.get("alertId").asText()).as("alert id of %s", e.getKey()).isEqualTo(x.alertId());
            assertThat(a.get("level").asText()).as("level of %s", e.getKey()).isEqualTo(x.level().name());
            assertThat(a.get("score").asDouble()).as("score of %s", e.getKey()).isCloseTo(x.score(), within(1e-9));
            assertThat(a.get("clusterId").asText()).isEqualTo(x.clusterId());
            assertThat(a.get("hits").size()).isEqualTo(x.hits().size());
        }
        assertThat(actual.values()).anySatisfy(a -> assertThat(a.get("level").asText()).isEqualTo("ALERT"));
        assertThat(JobRunner.lines(out.resolve("dead-letter"))).isEmpty();

        // and every other output: sextortion-victim alerts, payee-cluster assessments, look-back alerts
        Map<String, JsonNode> all = JobTestSupport.byKey(JobRunner.lines(out.resolve("alerts")));
        Map<String, JsonNode> expectedAll = JobTestSupport.embeddedAll(txs, JobTestSupport.defaults(), Level.REVIEW);
        JobTestSupport.assertSameOutputs(expectedAll, all);
        for (String kind : List.of("cluster", "look_back", "sextortion_victim")) {
            assertThat(expectedAll.keySet()).as("the stream must produce %s outputs, so they are compared", kind)
                    .anyMatch(k -> k.startsWith(kind + "/"));
        }
    }

    @Test
    void pacs008Files_areScreened_likeTheEmbeddedScreenerReadingTheSameMessages() throws Exception {
        Path in = Files.createDirectories(dir.resolve("xml"));
        for (String f : List.of("pacs008-v08-full.xml", "pacs008-v13-envelopes.xml")) {
            Files.copy(Path.of("../core/src/test/resources/iso20022", f), in.resolve(f));
        }
        Path out = dir.resolve("out");
        JobRunner.Options jsonl = JobTestSupport.fileRun(in, out, "hashmap", 2, JobTestSupport.defaults(), null, Level.NONE);
        JobRunner.Options o = new JobRunner.Options(jsonl.source(), jsonl.input(), "pacs008", null, null, null, null, false,
                "file", jsonl.output(), null, null, null, jsonl.baseline(), null, null, "hashmap", jsonl.checkpointInterval(),
                jsonl.checkpointDir(), 2, jsonl.lateness(), Level.NONE, false, 0);
        execute(o);

        java.util.Set<String> expected = new java.util.TreeSet<>();
        long rejected = 0;
        for (String f : List.of("pacs008-v08-full.xml", "pacs008-v13-envelopes.xml")) {
            try (var r = new org.osecscreener.tools.iso20022.Pacs008Reader(Files.newInputStream(in.resolve(f)))) {
                org.osecscreener.io.ParseOutcome p;
                while ((p = r.next()) != null) {
                    if (p instanceof org.osecscreener.io.ParseOutcome.Parsed parsed) {
                        expected.add(parsed.transaction().id());
                    } else if (p instanceof org.osecscreener.io.ParseOutcome.Rejected) {
                        rejected++;
                    }
                }
            }
        }
        Map<String, JsonNode> actual = JobTestSupport.byTransaction(JobRunner.lines(out.resolve("alerts")));
        assertThat(expected).isNotEmpty();
        assertThat(new java.util.TreeSet<>(actual.keySet())).isEqualTo(expected);
        assertThat((long) JobRunner.lines(out.resolve("dead-letter")).size()).isEqualTo(rejected);
    }

    @Test
    void badRecords_goToDeadLetter_withReasonAndRawRecord_andNothingIsLost() throws Exception {
        List<Transaction> txs = JobTestSupport.sample().subList(0, 50);
        Path input = dir.resolve("mixed.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < txs.size(); i++) {
            sb.append(JobTestSupport.json(txs.get(i))).append('\n');
            if (i == 10) {
                sb.append("{not json\n");
            }
            if (i == 20) {
                sb.append(JobTestSupport.json(txs.get(i)).replace("\"PH\"", "\"XX\"").replace(txs.get(i).id(), "T-BAD")).append('\n');
            }
            if (i == 30) {
                sb.append('\n');
            }
        }
        Files.writeString(input, sb);
        Path out = dir.resolve("out");
        execute(JobTestSupport.fileRun(input, out, "hashmap", 2, JobTestSupport.defaults(), null, Level.NONE));
        List<String> dead = JobRunner.lines(out.resolve("dead-letter"));
        assertThat(dead).hasSize(2);
        assertThat(dead).anySatisfy(l -> assertThat(l).contains("\"line\":12").contains("malformed JSON").contains("{not json"));
        assertThat(dead).anySatisfy(l -> assertThat(l).contains("\"line\":23").contains("\"field\":\"beneficiary.country\"")
                .contains("T-BAD"));
        assertThat(JobRunner.lines(out.resolve("alerts"))).hasSize(txs.size()); // every valid line assessed once
    }
}
