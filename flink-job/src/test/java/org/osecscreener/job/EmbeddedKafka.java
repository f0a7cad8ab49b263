package org.osecscreener.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker (KRaft combined mode) in the test JVM, on loopback with
 * ephemeral ports, with every internal topic at replication factor 1 so that transactions work.
 */
final class EmbeddedKafka implements AutoCloseable {
    private final KafkaRaftServer server;
    /** The plaintext listener (test set-up and checks). */
    final String bootstrap;
    /** The SASL_SSL listener of a {@linkplain #startSecured secured} broker, else null. */
    final String secureBootstrap;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrap, String secureBootstrap) {
        this.server = server;
        this.bootstrap = bootstrap;
        this.secureBootstrap = secureBootstrap;
    }

    static EmbeddedKafka start(Path logDir) throws Exception {
        return start(logDir, null);
    }

    /**
     * A broker with a second listener, SASL_SSL with SCRAM-SHA-512: TLS with the key in
     * {@code keyStore} (PKCS12), and one SCRAM user created when the log directory is formatted.
     * The plaintext listener stays for the test's own set-up and checks.
     */
    static EmbeddedKafka startSecured(Path logDir, Path keyStore, String keyStorePassword, String user, String password)
            throws Exception {
        return start(logDir, new Secured(keyStore, keyStorePassword, user, password));
    }

    private record Secured(Path keyStore, String keyStorePassword, String user, String password) {
    }

    private static EmbeddedKafka start(Path logDir, Secured secured) throws Exception {
        int brokerPort = freePort();
        int controllerPort = freePort();
        int securePort = secured == null ? -1 : freePort();
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort
                + (secured == null ? "" : ",SASL_SSL://127.0.0.1:" + securePort));
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort
                + (secured == null ? "" : ",SASL_SSL://127.0.0.1:" + securePort));
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                + (secured == null ? "" : ",SASL_SSL:SASL_SSL"));
        if (secured != null) {
            p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
            p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            p.put("ssl.keystore.type", "PKCS12");
            p.put("ssl.keystore.location", secured.keyStore().toString());
            p.put("ssl.keystore.password", secured.keyStorePassword());
            p.put("ssl.key.password", secured.keyStorePassword());
        }
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        KafkaConfig config = new KafkaConfig(p, false);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setControllerListenerName("CONTROLLER")
                .setScramArguments(secured == null ? List.of()
                        : List.of("SCRAM-SHA-512=[name=" + secured.user() + ",password=" + secured.password() + "]"))
                .run();
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        EmbeddedKafka k = new EmbeddedKafka(server, "127.0.0.1:" + brokerPort,
                secured == null ? null : "127.0.0.1:" + securePort);
        k.awaitReady(Duration.ofSeconds(60));
        return k;
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
            }
        }
        throw new IllegalStateException("the embedded Kafka broker at " + bootstrap + " did not become ready in " + timeout, last);
    }

    void createTopics(String... names) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String n : names) {
                topics.add(new NewTopic(n, 1, (short) 1));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    void produce(String topic, List<String> values) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("enable.idempotence", "true");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, v));
            }
            producer.flush();
        }
    }

    /** Reads committed records of {@code topic} until {@code expected} arrived or {@code timeout} passed. */
    List<String> consumeCommitted(String topic, int expected, Duration timeout) {
        return consumeCommitted(bootstrap, Map.of(), topic, expected, timeout);
    }

    /** As {@link #consumeCommitted(String, int, Duration)}, through {@code listener} with client properties {@code client}. */
    List<String> consumeCommitted(String listener, Map<String, String> client, String topic, int expected, Duration timeout) {
        Properties p = new Properties();
        p.putAll(client);
        p.put("bootstrap.servers", listener);
        p.put("group.id", "verify-" + topic + "-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        p.put("isolation.level", "read_committed");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        List<String> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(topic));
            while (out.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
            }
            // one more short poll: anything beyond the expected count would be a duplicate
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                out.add(r.value());
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
