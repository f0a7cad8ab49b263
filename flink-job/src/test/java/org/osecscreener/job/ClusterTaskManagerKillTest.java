package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.cli.Main;

/**
 * A standalone Flink cluster, its JobManager and TaskManagers separate JVMs started from the
 * Maven jars' Flink classes (as {@code scripts/flink-cluster-demo.sh} does), runs the job Kafka →
 * Kafka, submitted the way {@code flink run} does ({@code CliFrontend run -c RunMain}), with
 * RocksDB state and a checkpoint every 2 s. The TaskManager that runs the job is killed with
 * SIGKILL twice mid-stream; a standby TaskManager, started and registered before each kill, is
 * where the job restarts from its last checkpoint, by itself. The alerts and dead letters committed to Kafka (read {@code read_committed}) equal those
 * of a failure-free screening of the same transactions by the embedded screener: none lost, none
 * duplicated, the same alert ids, levels and scores.
 *
 * <p>Each kill falls at a random point (fixed seed): once the committed alerts reach a random share
 * (10–60%, rising) of the expected ones, after at least one new checkpoint since the job (re)started,
 * plus 0–1 s.
 */
@Tag("process")
class ClusterTaskManagerKillTest {
    static final long SEED = 20261208L;
    static final int BROKEN = FaultFixture.BROKEN;
    static final int KILLS = 2;
    static final Duration STEP = Duration.ofMinutes(5);

    @TempDir
    Path dir;
    /** Logs of the processes, kept under target/ for a failed build to show. */
    final Path logs = Path.of("target", "process-logs", getClass().getSimpleName());
    final long t0 = System.nanoTime();
    final List<Jvm> started = new ArrayList<>();
    EmbeddedKafka kafka;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String rest;

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Jvm j : started) {
            j.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void taskManagerKilledTwiceWithSigkill_kafkaToKafka_commitsTheAlertsOfAFailureFreeRun_exactlyOnce() throws Exception {
        Random random = new Random(SEED);
        FaultFixture fixture = FaultFixture.get();
        Map<String, JsonNode> expected = fixture.expected();
        step("input of " + FaultFixture.TRANSACTIONS + " transactions screened by the embedded screener: "
                + expected.size() + " alerts expected");
        kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        kafka.createTopics("tx", "alerts", "dead", "rule-events");
        kafka.produce("tx", fixture.lines()); // one partition: record offset = line number - 1

        step("Kafka broker started, transactions produced");
        Path conf = clusterConfiguration();
        Jvm jobManager = startJobManager(conf);
        int taskManagers = 0;
        Jvm taskManager = startTaskManager(conf, ++taskManagers);
        awaitTaskManagers(1, jobManager);

        step("JobManager up, TaskManager registered");
        Path jar = emptyJar(); // the job's classes are on the cluster's classpath, as a fat jar's would be
        Jvm client = Jvm.start("flink run", List.of(), "org.apache.flink.client.cli.CliFrontend",
                List.of("run", "-c", RunMain.class.getName(), jar.toString(),
                        "--source", "kafka", "--sink", "kafka", "--kafka-bootstrap", kafka.bootstrap, "--input-topic", "tx",
                        "--bounded", "--max-future", "off", "--alerts-topic", "alerts", "--dead-letter-topic", "dead", "--rule-events-topic", "rule-events",
                        "--state-backend", "rocksdb", "--checkpoint-interval", "PT2S",
                        "--checkpoint-dir", dir.resolve("checkpoints").toString(), "--restarts", "10"),
                logs.resolve("client.log"), Map.of("FLINK_CONF_DIR", conf.toString()));
        started.add(client);
        String job = awaitRunningJob(client);
        step("job " + job + " running");

        double[] shares = new double[KILLS];
        for (int k = 0; k < KILLS; k++) {
            shares[k] = 0.1 + 0.5 * random.nextDouble();
        }
        Arrays.sort(shares);
        List<String> kills = new ArrayList<>();
        try (KafkaConsumer<String, String> committed = committedReader("alerts")) {
            long[] seen = {0};
            for (int k = 0; k < KILLS; k++) {
                long checkpointAtStart = latestCheckpoint(job);
                long target = (long) (shares[k] * expected.size());
                long extraMillis = random.nextInt(1000);
                int kill = k + 1;
                Jvm standby = startTaskManager(conf, ++taskManagers); // where the job restarts when the running one dies
                awaitTaskManagers(2, jobManager);
                Jvm.await(() -> {
                    seen[0] += committed.poll(Duration.ofMillis(100)).count();
                    return seen[0] >= target && latestCheckpoint(job) > checkpointAtStart && running(job);
                }, STEP, () -> "kill " + kill + ": job " + job + " running with a checkpoint after " + checkpointAtStart
                        + " and " + target + " committed alerts (seen " + seen[0] + ")");
                Thread.sleep(extraMillis); // the random kill point, not a wait for a condition
                assertThat(status(job)).as("the job is mid-stream when its TaskManager is killed").isEqualTo("RUNNING");
                taskManager.kill();
                seen[0] += committed.poll(Duration.ofMillis(100)).count();
                kills.add(String.format("kill %d: %s at %.0f%% of the expected alerts + %d ms; %d of %d alerts committed, checkpoint %d",
                        kill, taskManager, 100 * shares[k], extraMillis, seen[0], expected.size(), latestCheckpoint(job)));
                assertThat(seen[0]).as("killed before every alert was committed").isLessThan(expected.size());
                step(kills.get(k));
                taskManager = standby;
                awaitTaskManagers(1, jobManager); // the killed one is gone: the next standby registers as the second
            }
        }
        int code = client.awaitExit(Duration.ofMinutes(10));
        step("flink run exited " + code);
        assertThat(code).as("flink run exits 0 (a finished job whose rejected records went to the dead letter); log:%n%s",
                client.tail()).isZero();
        assertThat(client.output()).contains("job finished");
        JsonNode exceptions = get("/jobs/" + job + "/exceptions");
        assertThat(exceptions.path("exceptionHistory").path("entries").size())
                .as("the job failed and restarted once per killed TaskManager: %s", exceptions).isGreaterThanOrEqualTo(KILLS);

        step("reading the committed alerts");
        List<String> alerts = kafka.consumeCommitted("alerts", expected.size(), Duration.ofSeconds(120));
        Map<String, JsonNode> actual = JobTestSupport.byKey(alerts); // fails on a duplicate
        JobTestSupport.assertSameKeys(actual, expected);
        expected.forEach((id, e) -> {
            JsonNode a = actual.get(id);
            assertThat(a.get("alertId").asText()).as("alert id of %s", id).isEqualTo(e.get("alertId").asText());
            assertThat(a.get("level").asText()).as("level of %s", id).isEqualTo(e.get("level").asText());
            assertThat(a.get("score").asDouble()).as("score of %s", id).isCloseTo(e.get("score").asDouble(), within(1e-9));
        });
        List<Long> deadOffsets = JobTestSupport.deadLetterLines(kafka.consumeCommitted("dead", BROKEN, Duration.ofSeconds(60)));
        assertThat(deadOffsets).as("each broken record dead-lettered exactly once, by its offset")
                .containsExactlyElementsOf(fixture.brokenLines().stream().map(n -> n - 1).toList());
    }

    // ---- the cluster

    private Path clusterConfiguration() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        int rpcPort = freePort();
        int restPort = freePort();
        rest = "http://localhost:" + restPort;
        Files.writeString(conf.resolve("config.yaml"), String.join("\n",
                "jobmanager.rpc.address: localhost",
                "jobmanager.rpc.port: " + rpcPort,
                "jobmanager.bind-host: localhost",
                "taskmanager.bind-host: localhost",
                "taskmanager.host: localhost",
                "rest.address: localhost",
                "rest.bind-address: localhost",
                "rest.port: " + restPort,
                "jobmanager.memory.process.size: 1024m",
                "taskmanager.memory.process.size: 1536m",
                "taskmanager.memory.managed.size: 128m",
                "taskmanager.numberOfTaskSlots: 2",
                "parallelism.default: 2",
                // a killed TaskManager is noticed within seconds, not the default 50 s
                "heartbeat.interval: 1000",
                "heartbeat.timeout: 8000",
                "") + "\n");
        Files.writeString(conf.resolve("log4j.properties"), String.join("\n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = OUT",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5level %c{1} - %msg%n",
                "logger.kafka.name = org.apache.kafka",
                "logger.kafka.level = WARN",
                ""));
        return conf;
    }

    private Jvm startJobManager(Path conf) throws Exception {
        Jvm jm = Jvm.start("JobManager", jvmOptions(conf, "GET_JM_RESOURCE_PARAMS").get(0),
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", List.of("--configDir", conf.toString()),
                logs.resolve("jobmanager.log"));
        started.add(jm);
        return jm;
    }

    private Jvm startTaskManager(Path conf, int n) throws Exception {
        List<List<String>> p = jvmOptions(conf, "GET_TM_RESOURCE_PARAMS");
        List<String> args = new ArrayList<>(List.of("--configDir", conf.toString()));
        args.addAll(p.get(1));
        Jvm tm = Jvm.start("TaskManager " + n, p.get(0), "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", args,
                logs.resolve("taskmanager-" + n + ".log"));
        started.add(tm);
        return tm;
    }

    /**
     * The JVM options (first list) and dynamic properties (second) Flink's scripts compute for a
     * JobManager or TaskManager from the configuration, with {@code BashJavaUtils}.
     */
    private List<List<String>> jvmOptions(Path conf, String what) throws Exception {
        Path log = logs.resolve("bash-java-utils-" + what + ".log");
        try (Jvm utils = Jvm.start("BashJavaUtils", List.of(), "org.apache.flink.runtime.util.bash.BashJavaUtils",
                List.of(what, "--configDir", conf.toString()), log)) {
            assertThat(utils.awaitExit(Duration.ofMinutes(2))).as("BashJavaUtils %s: %s", what, utils.tail()).isZero();
        }
        List<List<String>> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("BASH_JAVA_UTILS_EXEC_RESULT:")) {
                out.add(new ArrayList<>(List.of(line.substring("BASH_JAVA_UTILS_EXEC_RESULT:".length()).trim().split("\\s+"))));
            }
        }
        assertThat(out).as("BashJavaUtils %s printed its results: %s", what, Files.readString(log)).isNotEmpty();
        List<String> jvm = out.get(0);
        jvm.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties"));
        jvm.add("-Dlog4j2.configurationFile=" + conf.resolve("log4j.properties"));
        return out;
    }

    /** Waits until exactly {@code n} TaskManagers are registered. */
    private void awaitTaskManagers(int n, Jvm jobManager) throws InterruptedException {
        Jvm.await(() -> get("/taskmanagers").path("taskmanagers").size() == n, STEP,
                () -> n + " TaskManager(s) registered with " + jobManager + ", no more, no fewer");
    }

    private String awaitRunningJob(Jvm client) throws InterruptedException {
        String[] id = new String[1];
        Jvm.await(() -> {
            if (!client.isAlive()) {
                return true;
            }
            for (JsonNode j : get("/jobs").path("jobs")) {
                if ("RUNNING".equals(j.path("status").asText())) {
                    id[0] = j.path("id").asText();
                    return true;
                }
            }
            return false;
        }, STEP, () -> "the job submitted by " + client + " to be running");
        assertThat(id[0]).as("flink run submitted the job; its log:%n%s", tailOf(client)).isNotNull();
        return id[0];
    }

    private boolean running(String job) {
        return "RUNNING".equals(status(job));
    }

    private String status(String job) {
        return get("/jobs/" + job).path("state").asText();
    }

    /** The id of the newest completed checkpoint of {@code job} (counting on across restarts), or 0. */
    private long latestCheckpoint(String job) {
        return get("/jobs/" + job + "/checkpoints").path("latest").path("completed").path("id").asLong(0);
    }

    /** A GET of the cluster's REST API; an empty object while it does not answer. */
    private JsonNode get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(rest + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JobTestSupport.JSON.readTree(r.body()) : JobTestSupport.JSON.createObjectNode();
        } catch (IOException e) {
            return JobTestSupport.JSON.createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private KafkaConsumer<String, String> committedReader(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrap);
        p.put("group.id", "progress-" + topic);
        p.put("auto.offset.reset", "earliest");
        p.put("isolation.level", "read_committed");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(topic));
        return c;
    }

    private Path emptyJar() throws IOException {
        Path jar = dir.resolve("job.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.flush();
        }
        return jar;
    }

    /** Prints a step with the seconds since the test started (in the test's report). */
    private void step(String what) {
        System.out.printf(java.util.Locale.ROOT, "%6.1f s  %s%n", (System.nanoTime() - t0) / 1e9, what);
    }

    private static String tailOf(Jvm j) {
        try {
            return j.tail();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
