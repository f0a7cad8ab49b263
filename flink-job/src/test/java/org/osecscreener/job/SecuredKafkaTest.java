package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.cli.Main;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;

/**
 * The {@code run} command against a real broker whose client listener is SASL_SSL (SCRAM-SHA-512
 * over TLS with a self-signed certificate made by the JDK's keytool): with the right properties
 * file the alerts arrive exactly once (read_committed, through the secured listener); with a wrong
 * password the command stops within a minute, naming the authentication failure, and the job run
 * past the start-up check fails on its own within seconds instead of retrying; no output or log
 * line holds a password. Passwords are random per run (test-only).
 */
class SecuredKafkaTest {
    static final String USER = "osec-screener";
    static final String PASSWORD = "scram-" + UUID.randomUUID();
    static final String WRONG_PASSWORD = "wrong-" + UUID.randomUUID();
    static final String TRUSTSTORE_PASSWORD = "trust-" + UUID.randomUUID();
    static final String KEYSTORE_PASSWORD = "broker-" + UUID.randomUUID();

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static Path truststore;

    private LogCapture logs;

    @BeforeAll
    static void startSecuredKafka() throws Exception {
        Path keystore = dir.resolve("broker.p12");
        truststore = dir.resolve("truststore.p12");
        Path cert = dir.resolve("broker.crt");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", TRUSTSTORE_PASSWORD);
        kafka = EmbeddedKafka.startSecured(dir.resolve("kafka"), keystore, KEYSTORE_PASSWORD, USER, PASSWORD);
        kafka.createTopics("stx", "salerts", "sdead", "srule-events");
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(p.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }

    /** A client properties file as a bank would write it: the JAAS line continued over three lines. */
    private static Path propertiesFile(String name, String password) throws IOException {
        return Files.write(dir.resolve(name), List.of(
                "# SASL_SSL with SCRAM-SHA-512 (test-only credentials, made up for this run)",
                "security.protocol=SASL_SSL",
                "sasl.mechanism=SCRAM-SHA-512",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\",
                "    username=\"" + USER + "\" \\",
                "    password=\"" + password + "\";",
                "ssl.truststore.type=PKCS12",
                "ssl.truststore.location=" + truststore,
                "ssl.truststore.password=" + TRUSTSTORE_PASSWORD), StandardCharsets.UTF_8);
    }

    private static Map<String, String> secureClient() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("security.protocol", "SASL_SSL");
        m.put("sasl.mechanism", "SCRAM-SHA-512");
        m.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + USER
                + "\" password=\"" + PASSWORD + "\";");
        m.put("ssl.truststore.type", "PKCS12");
        m.put("ssl.truststore.location", truststore.toString());
        m.put("ssl.truststore.password", TRUSTSTORE_PASSWORD);
        return m;
    }

    record Result(int code, String out, String err, long millis) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void saslSsl_propertiesFile_runScreensThroughTheSecuredListener_alertsCommittedOnce() throws Exception {
        List<Transaction> txs = JobTestSupport.sample();
        List<String> lines = new ArrayList<>(txs.stream().map(JobTestSupport::json).toList());
        lines.add(3, "{\"id\":\"broken");
        kafka.produce("stx", lines);
        Path props = propertiesFile("client.properties", PASSWORD);

        Result r = run("run", "--source", "kafka", "--sink", "kafka", "--bounded", "--kafka-bootstrap", kafka.secureBootstrap,
                "--input-topic", "stx", "--alerts-topic", "salerts", "--dead-letter-topic", "sdead",
                "--rule-events-topic", "srule-events", "--group-id", "secured-test", "--kafka-properties", props.toString(),
                "--kafka-property", "client.dns.lookup=use_all_dns_ips", "--checkpoint-interval", "PT0.5S",
                "--restarts", "0", "--max-future", "off", "--output", dir.resolve("out").toString());

        assertThat(r.code()).as("exit code (the broken line is dead-lettered: 1); stderr: %s", r.err()).isEqualTo(Main.FINDINGS);
        assertThat(r.out()).contains("kafka: " + kafka.secureBootstrap + "; client properties: security.protocol=SASL_SSL,"
                + " sasl.mechanism=SCRAM-SHA-512, sasl.jaas.config=****, ssl.truststore.type=PKCS12, ssl.truststore.location="
                + truststore + ", ssl.truststore.password=****, client.dns.lookup=use_all_dns_ips");
        Map<String, Assessment> expected = JobTestSupport.embedded(txs, JobTestSupport.defaults());
        assertThat(expected).isNotEmpty();
        List<String> alerts = kafka.consumeCommitted(kafka.secureBootstrap, secureClient(), "salerts", expected.size(),
                Duration.ofSeconds(60));
        Map<String, JsonNode> actual = JobTestSupport.byTransaction(alerts); // throws on a duplicate
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, a) -> assertThat(actual.get(id).get("alertId").asText()).isEqualTo(a.alertId()));
        assertThat(kafka.consumeCommitted(kafka.secureBootstrap, secureClient(), "sdead", 1, Duration.ofSeconds(30)))
                .singleElement().asString().contains("malformed JSON");
        assertNoSecretIn(r);
    }

    @Test
    void wrongPassword_stopsWithinAMinute_namingTheAuthenticationFailure_withoutEchoingAnyPassword() throws Exception {
        Path props = propertiesFile("wrong.properties", WRONG_PASSWORD);

        Result r = run("run", "--source", "kafka", "--sink", "kafka", "--kafka-bootstrap", kafka.secureBootstrap,
                "--input-topic", "stx", "--alerts-topic", "salerts", "--dead-letter-topic", "sdead",
                "--rule-events-topic", "srule-events", "--group-id", "wrong-test", "--kafka-properties", props.toString(),
                "--output", dir.resolve("wrong-out").toString());

        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.millis()).as("time to fail").isLessThan(60_000);
        assertThat(r.err()).startsWith("error: Kafka at " + kafka.secureBootstrap
                        + " refused the connection: authentication failed (")
                .contains("SCRAM-SHA-512")
                .contains("check security.protocol, sasl.mechanism, the user name and password in sasl.jaas.config");
        assertNoSecretIn(r);
    }

    @Test
    void wrongPassword_pastTheStartUpCheck_theJobItselfFailsBounded_onTheAuthenticationFailure() throws Exception {
        KafkaClientProperties client = KafkaClientProperties.load(propertiesFile("wrong-job.properties", WRONG_PASSWORD),
                List.of());
        JobRunner.Options o = new JobRunner.Options("kafka", null, "jsonl", null, kafka.secureBootstrap, "stx", "job-wrong",
                true, "kafka", dir.resolve("job-wrong").toString(), "salerts", "sdead", "srule-events",
                JobTestSupport.defaults(), null, null, "hashmap", Duration.ofMillis(500),
                dir.resolve("job-wrong-checkpoints").toString(), 2, Duration.ofSeconds(5), org.osecscreener.score.Level.REVIEW,
                false, 1, IngestSettings.NONE, null, client, null);
        long start = System.nanoTime();
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> JobRunner.run(o));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(failure).as("the job fails").isNotNull();
        assertThat(millis).as("time to fail, with one restart").isLessThan(90_000);
        Throwable auth = KafkaCheck.authenticationFailure(failure);
        assertThat(auth).as("an authentication failure in %s", failure).isNotNull();
        assertThat(client.redact(auth.getMessage())).doesNotContain(WRONG_PASSWORD).contains("SCRAM-SHA-512");
        assertThat(logs.lines()).noneMatch(l -> l.contains(WRONG_PASSWORD) || l.contains(PASSWORD) || l.contains(TRUSTSTORE_PASSWORD));
    }

    private void assertNoSecretIn(Result r) {
        for (String secret : List.of(PASSWORD, WRONG_PASSWORD, TRUSTSTORE_PASSWORD)) {
            assertThat(r.out()).doesNotContain(secret);
            assertThat(r.err()).doesNotContain(secret);
            assertThat(logs.lines()).as("log lines at INFO").noneMatch(l -> l.contains(secret));
        }
        assertThat(logs.lines()).as("log lines were captured").isNotEmpty();
    }

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start("secret-scan");
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }
}
