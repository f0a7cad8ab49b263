package org.osecscreener.job;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The job's real sources and sinks: files and Kafka. */
public final class Connectors {
    private Connectors() {
    }

    /** JSON lines from a file or a directory; with {@code monitor}, new files in the directory keep coming. */
    public static FileSource<RawRecord> fileSource(String path, Duration monitor) {
        FileSource.FileSourceBuilder<RawRecord> b = FileSource.forRecordStreamFormat(new JsonLinesFormat(), new Path(path));
        if (monitor != null) {
            b.monitorContinuously(monitor);
        }
        return b.build();
    }

    /** Whole files (one ISO 20022 message or envelope of messages per file) as raw records. */
    public static FileSource<RawRecord> wholeFileSource(String path, Duration monitor) {
        FileSource.FileSourceBuilder<RawRecord> b = FileSource.forBulkFileFormat(WholeFileFormat.MESSAGES, new Path(path));
        if (monitor != null) {
            b.monitorContinuously(monitor);
        }
        return b.build();
    }

    /** Rule bundle files dropped into a watched directory. */
    public static FileSource<RuleEvent> ruleFiles(String dir, Duration interval) {
        return FileSource.forBulkFileFormat(WholeFileFormat.RULES, new Path(dir)).monitorContinuously(interval).build();
    }

    /**
     * Watermarks of a rule-bundle stream: none, and the stream is always idle. Bundles apply when
     * they arrive, whatever their time, so the control stream must neither hold back the
     * event-time clock of the transactions it is connected with (an unbounded stream without
     * watermarks would) nor push it forward (a stream at "end of time" would, whenever the
     * transactions pause).
     */
    public static <T> WatermarkStrategy<T> rulesWatermarks() {
        return WatermarkStrategy.forGenerator(ctx -> new WatermarkGenerator<T>() {
            @Override
            public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
                output.markIdle();
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.markIdle();
            }
        });
    }

    /** JSON lines as Kafka record values; the position is the record's offset. */
    public static KafkaSource<RawRecord> kafkaSource(String bootstrap, String topic, String groupId, boolean bounded) {
        return kafkaSource(bootstrap, topic, groupId, bounded, KafkaClientProperties.NONE);
    }

    /**
     * JSON lines (or pacs.008 messages) as Kafka record values, read read_committed from the
     * group's committed offsets (else the earliest); the position is the record's offset.
     *
     * @param client the bank's client properties (security and others), applied before the job's own
     */
    @SuppressWarnings("deprecation") // the connector's committedOffsets still takes Kafka's OffsetResetStrategy
    public static KafkaSource<RawRecord> kafkaSource(String bootstrap, String topic, String groupId, boolean bounded,
                                                     KafkaClientProperties client) {
        var b = KafkaSource.<RawRecord>builder()
                .setProperties(client.toProperties())
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setProperty("isolation.level", "read_committed")
                .setDeserializer(new RawDeserializer());
        if (bounded) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

    /** Rule bundles as Kafka record values. */
    public static KafkaSource<RuleEvent> kafkaRules(String bootstrap, String topic, String groupId) {
        return kafkaRules(bootstrap, topic, groupId, KafkaClientProperties.NONE);
    }

    /**
     * Rule bundles as Kafka record values, read read_committed from the earliest record.
     *
     * @param client the bank's client properties (security and others), applied before the job's own
     */
    public static KafkaSource<RuleEvent> kafkaRules(String bootstrap, String topic, String groupId,
                                                    KafkaClientProperties client) {
        return KafkaSource.<RuleEvent>builder()
                .setProperties(client.toProperties())
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setProperty("isolation.level", "read_committed")
                .setDeserializer(new RuleDeserializer())
                .build();
    }

    /** A directory of JSON-lines part files, committed at each checkpoint (exactly once). */
    public static FileSink<String> fileSink(String dir, String prefix) {
        return FileSink.forRowFormat(new Path(dir), new SimpleStringEncoder<String>("UTF-8"))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix(prefix).withPartSuffix(".jsonl").build())
                .build();
    }

    /**
     * A transactional Kafka sink: records become visible to read_committed consumers when the
     * checkpoint that covers them completes, so a restart neither loses nor duplicates them.
     * Alerts are keyed by their alert id. Records carry the producer's clock as their Kafka
     * timestamp, not the transaction's event time ({@link Lines}).
     */
    public static KafkaSink<String> kafkaSink(String bootstrap, String topic, String transactionalIdPrefix,
                                              Duration transactionTimeout) {
        return kafkaSink(bootstrap, topic, transactionalIdPrefix, transactionTimeout, KafkaClientProperties.NONE);
    }

    /**
     * As {@link #kafkaSink(String, String, String, Duration)}, with the bank's client properties
     * (security and others) applied first; a {@code transaction.timeout.ms} among them replaces
     * {@code transactionTimeout}.
     */
    public static KafkaSink<String> kafkaSink(String bootstrap, String topic, String transactionalIdPrefix,
                                              Duration transactionTimeout, KafkaClientProperties client) {
        Properties p = new Properties();
        p.setProperty("transaction.timeout.ms", Long.toString(transactionTimeout.toMillis()));
        p.putAll(client.toProperties());
        return KafkaSink.<String>builder()
                .setBootstrapServers(bootstrap)
                .setKafkaProducerConfig(p)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setRecordSerializer(new Lines(topic))
                .build();
    }

    /**
     * Output lines as Kafka records on one topic, keyed by alert id (other lines unkeyed), and
     * stamped with the producer's clock. Flink would otherwise stamp each record with its event
     * time, the transaction's time; a broker refuses a record dated more than
     * {@code log.message.timestamp.after.max.ms} ahead of its own clock (one hour by default since
     * Kafka 4.0), while a transaction may be dated up to {@code --max-future} ahead (a day by
     * default) or anywhere in the future when that check is off, and the refusal fails the job
     * again on every restart. The alert's own {@code timestamp} field keeps the event time.
     */
    static final class Lines implements KafkaRecordSerializationSchema<String> {
        private final String topic;

        Lines(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(String line, KafkaSinkContext context, Long eventTime) {
            return new ProducerRecord<>(topic, null, null, alertKey(line), line.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The alert id of an alert line (its first field), or null for other lines. */
    static byte[] alertKey(String json) {
        String prefix = "{\"alertId\":\"";
        if (!json.startsWith(prefix)) {
            return null;
        }
        int end = json.indexOf('"', prefix.length());
        return json.substring(prefix.length(), end).getBytes(StandardCharsets.UTF_8);
    }

    static final class RawDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {
        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<RawRecord> out) {
            String text = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
            out.collect(new RawRecord("kafka:" + r.topic() + "/" + r.partition(), r.offset(), text));
        }

        @Override
        public TypeInformation<RawRecord> getProducedType() {
            return TypeExtractor.getForClass(RawRecord.class);
        }
    }

    static final class RuleDeserializer implements KafkaRecordDeserializationSchema<RuleEvent> {
        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<RuleEvent> out) {
            String text = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
            out.collect(new RuleEvent("kafka:" + r.topic() + "/" + r.partition() + "@" + r.offset(), text));
        }

        @Override
        public TypeInformation<RuleEvent> getProducedType() {
            return TypeExtractor.getForClass(RuleEvent.class);
        }
    }
}
