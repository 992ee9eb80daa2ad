package dev.wren.stream.samples;

import dev.wren.stream.kafka.KafkaInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Where fresh samples go: JSON-lines files committed on checkpoints, and a Kafka topic written in transactions. */
public final class SampleSinks {
    /**
     * How long an open transaction may wait for its commit: past a restart's delay and a long checkpoint, within the
     * broker's default {@code transaction.max.timeout.ms} (15 minutes). A transaction the broker aborts is lost.
     */
    static final String TRANSACTION_TIMEOUT_MS = "900000";

    private SampleSinks() {}

    /** A sample as a record of the samples topic: keyed by its user (decimal text), the JSON as the value. */
    static final class ToRecord implements KafkaRecordSerializationSchema<Sample> {
        private static final long serialVersionUID = 1L;
        private final String topic;

        ToRecord(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(Sample s, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(
                    topic,
                    null,
                    timestamp,
                    Integer.toString(s.userId()).getBytes(StandardCharsets.UTF_8),
                    s.json().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * JSON lines ({@code samples-<uuid>-<n>.jsonl}) directly in {@code dir}. A file is rolled and committed with each
     * checkpoint, so each sample is in exactly one committed file; files still being written are hidden ({@code
     * .samples-...inprogress...}), which Spark's reader skips.
     */
    public static FileSink<String> files(Path dir) {
        return FileSink.forRowFormat(
                        new org.apache.flink.core.fs.Path(dir.toAbsolutePath().toUri()),
                        new SimpleStringEncoder<String>(StandardCharsets.UTF_8.name()))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix("samples")
                        .withPartSuffix(".jsonl")
                        .build())
                .build();
    }

    /**
     * The samples topic, keyed by user, exactly once: records go out in a Kafka transaction that commits with the
     * checkpoint, so a {@code read_committed} consumer sees each sample once, whatever restarts happened.
     */
    public static KafkaSink<Sample> kafka(KafkaInput kafka) {
        return KafkaSink.<Sample>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setRecordSerializer(new ToRecord(kafka.samplesTopic()))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(kafka.transactionalIdPrefix())
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .build();
    }
}
