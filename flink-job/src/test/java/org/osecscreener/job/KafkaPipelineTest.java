package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;

/** Transactions in from a real Kafka broker, alerts out through the transactional sink, verified read_committed. */
class KafkaPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension MINI = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void kafkaIn_alertsOutExactlyOnce_readCommitted_equalEmbeddedScreener() throws Exception {
        kafka.createTopics("tx", "alerts", "dead", "rule-events");
        List<Transaction> txs = JobTestSupport.repeatedSample(2);
        List<String> lines = new java.util.ArrayList<>(txs.stream().map(JobTestSupport::json).toList());
        lines.add(7, "{\"id\":\"broken");
        kafka.produce("tx", lines);

        JobRunner.Options o = new JobRunner.Options("kafka", null, "jsonl", null, kafka.bootstrap, "tx", "osec-test", true, "kafka",
                null, "alerts", "dead", "rule-events", JobTestSupport.defaults(), null, null, "hashmap",
                Duration.ofMillis(500), dir.resolve("checkpoints").toString(), 2, Duration.ofSeconds(5), Level.REVIEW, false, 0);
        Configuration conf = JobRunner.configuration(o);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        JobRunner.wire(env, o);
        env.execute("kafka-pipeline-test");

        Map<String, Assessment> expected = JobTestSupport.embedded(txs, JobTestSupport.defaults());
        List<String> alerts = kafka.consumeCommitted("alerts", expected.size(), Duration.ofSeconds(60));
        Map<String, JsonNode> actual = JobTestSupport.byTransaction(alerts); // throws on a duplicate
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, a) -> assertThat(actual.get(id).get("alertId").asText()).isEqualTo(a.alertId()));
        List<String> dead = kafka.consumeCommitted("dead", 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1).first().asString().contains("malformed JSON").contains("kafka:tx/0");
    }

    @Test
    void runCommand_kafkaToKafka_futureDatedTransactions_reachTheAlertsTopic_andARejectedRecordExitsOne() throws Exception {
        kafka.createTopics("tx-future", "alerts-future", "dead-future", "rule-events-future");
        // a year ahead: far beyond the one hour ahead of its clock that a broker accepts as a record's timestamp
        List<Transaction> txs = JobTestSupport.sample().stream()
                .map(t -> new Transaction(t.id(), t.timestamp().plusDays(365), t.amount(), t.channel(), t.purpose(),
                        t.sender(), t.beneficiary(), t.label()))
                .toList();
        List<String> lines = new java.util.ArrayList<>(txs.stream().map(JobTestSupport::json).toList());
        lines.add(3, "{\"id\":\"broken");
        kafka.produce("tx-future", lines);

        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.osecscreener.cli.Main.run(new String[] {"run", "--source", "kafka", "--sink", "kafka",
                "--kafka-bootstrap", kafka.bootstrap, "--input-topic", "tx-future", "--group-id", "future", "--bounded",
                "--alerts-topic", "alerts-future", "--dead-letter-topic", "dead-future", "--rule-events-topic", "rule-events-future",
                "--max-future", "off", "--checkpoint-interval", "PT0.5S", "--checkpoint-dir", dir.resolve("ck-future").toString(),
                "--restarts", "0"}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertThat(code).as("exit 1: the job finished, one record was dead-lettered%n%s%s", out, err)
                .isEqualTo(org.osecscreener.cli.Main.FINDINGS);
        assertThat(out.toString()).contains("job finished").contains("1 dead letters to dead-future");

        Map<String, Assessment> expected = JobTestSupport.embedded(txs, JobTestSupport.defaults());
        Map<String, JsonNode> actual = JobTestSupport.byTransaction(
                kafka.consumeCommitted("alerts-future", expected.size(), Duration.ofSeconds(60)));
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }
}
