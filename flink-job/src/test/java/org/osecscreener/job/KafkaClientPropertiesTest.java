package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.cli.Main;

class KafkaClientPropertiesTest {
    static final String SECRET = "s3cr3t-test-only-Zq9";

    @TempDir
    Path dir;

    private Path file(String... lines) throws Exception {
        return Files.write(dir.resolve("client-" + System.nanoTime() + ".properties"), List.of(lines), StandardCharsets.UTF_8);
    }

    @Test
    void propertiesFile_standardSyntax_continuedJaasLine_commentsAndSeparators_readAsKafkaWould() throws Exception {
        Path f = file("# SASL over TLS",
                "! another comment",
                "",
                "security.protocol=SASL_SSL",
                "sasl.mechanism: SCRAM-SHA-512",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\",
                "    username=\"osec\" \\",
                "    password=\"" + SECRET + "\";",
                "ssl.truststore.location /etc/kafka/truststore.p12",
                "ssl.endpoint.identification.algorithm=");
        KafkaClientProperties p = KafkaClientProperties.load(f, List.of());
        Properties expected = new Properties();
        try (var in = Files.newBufferedReader(f)) {
            expected.load(in);
        }
        assertThat(p.toProperties()).isEqualTo(expected);
        assertThat(p.asMap().get("sasl.jaas.config")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"osec\" password=\"" + SECRET + "\";");
        assertThat(p.asMap().get("ssl.endpoint.identification.algorithm")).isEmpty();
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void overrides_applyAfterTheFile_inOrder() throws Exception {
        Path f = file("security.protocol=SSL", "client.id=from-file");
        KafkaClientProperties p = KafkaClientProperties.load(f, List.of("client.id=first", "client.id=second",
                "ssl.endpoint.identification.algorithm="));
        assertThat(p.asMap()).containsEntry("security.protocol", "SSL").containsEntry("client.id", "second")
                .containsEntry("ssl.endpoint.identification.algorithm", "");
    }

    @Test
    void describeAndToString_maskEverySecretValue_showOthers() throws Exception {
        Path f = file("security.protocol=SASL_SSL",
                "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"" + SECRET + "\";",
                "ssl.truststore.password=" + SECRET + "-t",
                "ssl.keystore.key=" + SECRET + "-k",
                "sasl.oauthbearer.token.endpoint.url=https://idp.example/token",
                "basic.auth.credentials.source=" + SECRET + "-c");
        KafkaClientProperties p = KafkaClientProperties.load(f, List.of());
        assertThat(p.describe()).doesNotContain(SECRET)
                .contains("security.protocol=SASL_SSL")
                .contains("sasl.jaas.config=****")
                .contains("ssl.truststore.password=****")
                .contains("ssl.keystore.key=****");
        assertThat(p.toString()).isEqualTo(p.describe());
    }

    @Test
    void redact_removesSecretValuesAndQuotedJaasValues_fromAnyMessage() throws Exception {
        Path f = file("sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"osec-user\" password=\"" + SECRET + "\";",
                "ssl.truststore.password=trust-" + SECRET);
        KafkaClientProperties p = KafkaClientProperties.load(f, List.of());
        String kafkaSaid = "Invalid JAAS config: value " + SECRET + " near password=\"" + SECRET + "\" and trust-" + SECRET;
        assertThat(p.redact(kafkaSaid)).doesNotContain(SECRET).contains("****");
        assertThat(p.redact("no secret here")).isEqualTo("no secret here");
    }

    @Test
    void unreadableFile_namesThePathAndTheReason() throws Exception {
        Path missing = dir.resolve("nope.properties");
        KafkaClientProperties.Invalid e = catchThrowableOfType(KafkaClientProperties.Invalid.class,
                () -> KafkaClientProperties.load(missing, List.of()));
        assertThat(e.errors()).containsExactly("cannot read the Kafka properties file " + missing + ": no such file");
        KafkaClientProperties.Invalid d = catchThrowableOfType(KafkaClientProperties.Invalid.class,
                () -> KafkaClientProperties.load(dir, List.of()));
        assertThat(d.errors()).containsExactly("cannot read the Kafka properties file " + dir + ": it is a directory");
        Path latin1 = Files.write(dir.resolve("latin1.properties"), new byte[] {'a', '=', (byte) 0xE9, (byte) 0xFF});
        assertThat(catchThrowableOfType(KafkaClientProperties.Invalid.class, () -> KafkaClientProperties.load(latin1, List.of()))
                .errors()).containsExactly("cannot read the Kafka properties file " + latin1 + ": it is not UTF-8 text");
    }

    @Test
    void malformedLines_namedByLine_withoutShowingTheirText() throws Exception {
        Path f = file("security.protocol=SASL_SSL",
                SECRET,
                "=orphan-value",
                "security.protocol=SSL");
        KafkaClientProperties.Invalid e = catchThrowableOfType(KafkaClientProperties.Invalid.class,
                () -> KafkaClientProperties.load(f, List.of()));
        assertThat(e.errors()).containsExactly(
                f + " line 2: no '=' between a property name and its value (expected KEY=VALUE; the line is not shown, as it may hold a secret)",
                f + " line 3: a property name is missing before '='",
                f + " line 4: 'security.protocol' is set again (first on line 1); keep one");
        assertThat(e.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void overrideWithoutEquals_isRefused_andASecretLookingArgumentIsNotEchoed() {
        KafkaClientProperties.Invalid e = catchThrowableOfType(KafkaClientProperties.Invalid.class,
                () -> KafkaClientProperties.load(null, List.of("client.id", "p@ss " + SECRET)));
        assertThat(e.errors()).containsExactly(
                "--kafka-property 'client.id' has no '=': write KEY=VALUE, for example --kafka-property client.id=osec-screener",
                "--kafka-property an argument of " + ("p@ss " + SECRET).length()
                        + " characters (not shown) has no '=': write KEY=VALUE, for example --kafka-property client.id=osec-screener");
    }

    @Test
    void secretsAsOverrides_areRefused_becauseTheCommandLineShowsInTheProcessList() {
        KafkaClientProperties.Invalid e = catchThrowableOfType(KafkaClientProperties.Invalid.class,
                () -> KafkaClientProperties.load(null, List.of("ssl.truststore.password=" + SECRET,
                        "sasl.jaas.config=x password=\"" + SECRET + "\";", "ssl.keystore.key=" + SECRET)));
        assertThat(e.errors()).hasSize(3).allSatisfy(m -> assertThat(m)
                .contains("a secret is never accepted on the command line").contains("--kafka-properties file")
                .doesNotContain(SECRET));
        // a location is not a secret
        assertThat(catchThrowableOfType(KafkaClientProperties.Invalid.class, () -> KafkaClientProperties.load(null,
                List.of("ssl.keystore.location=/etc/k.p12", "ssl.truststore.location=/etc/t.p12")))).isNull();
    }

    @Test
    void propertiesTheJobOwns_areRefused_eachWithItsReason_theJobsOwnValueIsAccepted() throws Exception {
        Path f = file("isolation.level=read_uncommitted",
                "transactional.id=bank-tx",
                "enable.idempotence=false",
                "acks=1",
                "enable.auto.commit=true",
                "group.id=other",
                "bootstrap.servers=broker:9093",
                "auto.offset.reset=latest",
                "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer");
        KafkaClientProperties.Invalid e = catchThrowableOfType(KafkaClientProperties.Invalid.class,
                () -> KafkaClientProperties.load(f, List.of("commit.offsets.on.checkpoint=false")));
        assertThat(e.errors()).containsExactly(
                f + " line 1: 'isolation.level' cannot be set to anything but read_committed: the job's sources read"
                        + " read_committed, so that records of aborted transactions (an upstream exactly-once writer that"
                        + " failed) are never screened",
                f + " line 2: 'transactional.id' cannot be set: the exactly-once sinks name their transactions themselves"
                        + " (prefixes osec-alerts, osec-dead, osec-rules and the subtask); one fixed id would make the sinks"
                        + " fence each other",
                f + " line 3: 'enable.idempotence' cannot be set to anything but true: the exactly-once sinks write in"
                        + " transactions, which need idempotent producers",
                f + " line 4: 'acks' cannot be set to anything but all: the exactly-once sinks write in transactions,"
                        + " which need acks=all",
                f + " line 5: 'enable.auto.commit' cannot be set to anything but false: the source commits its offsets"
                        + " when a checkpoint completes; auto-commit would mark records as read before they are screened,"
                        + " and a new run after a crash would skip them",
                f + " line 6: 'group.id' cannot be set: the consumer group is given with --group-id (the rule-bundle"
                        + " source uses GROUP-rules)",
                f + " line 7: 'bootstrap.servers' cannot be set: the brokers are given with --kafka-bootstrap",
                f + " line 8: 'auto.offset.reset' cannot be set: the job starts from its consumer group's committed"
                        + " offsets, else from the earliest record, and sets this itself",
                f + " line 9: 'value.deserializer' cannot be set: the connector reads and writes record bytes itself",
                "--kafka-property: 'commit.offsets.on.checkpoint' cannot be set to anything but true: the job starts from"
                        + " its consumer group's committed offsets; without commits a new run would screen the whole topic again");
        Path same = file("isolation.level=read_committed", "enable.idempotence=true", "acks=all", "enable.auto.commit=false");
        assertThat(KafkaClientProperties.load(same, List.of("acks=-1")).asMap()).hasSize(4);
    }

    @Test
    void unknownKeys_arePassedOn_withAWarningNamingWhere() throws Exception {
        Path f = file("sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required",
                "password=\"" + SECRET + "\";",
                "client.id.prefix=osec",
                "config.providers=file");
        KafkaClientProperties p = KafkaClientProperties.load(f, List.of());
        assertThat(p.asMap()).containsKey("password");
        assertThat(p.warnings()).containsExactly(f + " line 2: 'password' is not a Kafka client property; it is passed on,"
                + " and Kafka ignores what it does not know (a sasl.jaas.config value continued on the next line needs a"
                + " backslash at the end of each line but the last)");
        assertThat(String.join(" ", p.warnings())).doesNotContain(SECRET);
    }

    @Test
    void runCommand_badKafkaProperties_stopsBeforeTheJob_withEveryProblem_andNoSecret() throws Exception {
        Path f = file("security.protocol=SASL_SSL", "isolation.level=read_uncommitted", "ssl.truststore.password=" + SECRET);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"run", "--source", "kafka", "--kafka-bootstrap", "127.0.0.1:1",
            "--kafka-properties", f.toString(), "--kafka-property", "ssl.truststore.password=" + SECRET,
            "--kafka-property", "client.id"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(Main.USAGE_OR_IO);
        assertThat(err.toString()).startsWith("error: invalid Kafka client properties:")
                .contains(f + " line 2: 'isolation.level' cannot be set")
                .contains("--kafka-property 'ssl.truststore.password': a secret is never accepted on the command line")
                .contains("--kafka-property 'client.id' has no '='")
                .doesNotContain(SECRET);
        assertThat(out.toString()).doesNotContain(SECRET);
    }

    @Test
    void runCommand_prometheusPort_mustBeAPortOrARange() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"run", "--prometheus-port", "9300-9200"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).isEqualTo(Main.USAGE_OR_IO);
        assertThat(err.toString()).contains("error: --prometheus-port: '9300-9200' is not a port or a port range");
        assertThat(JobRunner.checkPortRange(" 9249-9259 ")).isEqualTo("9249-9259");
    }
}
