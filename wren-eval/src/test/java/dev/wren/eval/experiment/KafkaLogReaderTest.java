package dev.wren.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The Kafka path with Kafka's own MockConsumer (no broker): every partition from the beginning to the end offsets. */
class KafkaLogReaderTest {
    private static final Duration TIMEOUT = Duration.ofMillis(200);

    @Test
    void readsEveryPartitionOfBothTopicsUpToTheEndOffsets() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        TopicPartition events0 = new TopicPartition("wren.events", 0);
        TopicPartition exposures0 = new TopicPartition("wren.exposures", 0);
        TopicPartition exposures1 = new TopicPartition("wren.exposures", 1);
        consumer.updatePartitions("wren.events", List.of(info(events0)));
        consumer.updatePartitions("wren.exposures", List.of(info(exposures0), info(exposures1)));
        consumer.updateBeginningOffsets(Map.of(events0, 0L, exposures0, 0L, exposures1, 0L));
        consumer.updateEndOffsets(Map.of(events0, 1L, exposures0, 2L, exposures1, 0L));
        consumer.schedulePollTask(() -> {
            consumer.addRecord(record(
                    events0,
                    0,
                    "{\"kind\":\"event\",\"schemaVersion\":1,\"loggedAt\":20,"
                            + "\"userId\":1,\"type\":\"click\",\"itemId\":7,\"value\":1.0,\"timestamp\":0}"));
            consumer.addRecord(record(
                    exposures0,
                    0,
                    "{\"kind\":\"exposure\",\"schemaVersion\":1,\"loggedAt\":10,"
                            + "\"userId\":1,\"variant\":\"e=a\",\"experiments\":{\"e\":\"a\"},\"items\":[7,8]}"));
            consumer.addRecord(record(exposures0, 1, "{\"kind\":\"exposure\"}"));
        });

        ExperimentLog log =
                KafkaLogReader.read(consumer, "test:9092", List.of("wren.events", "wren.exposures"), TIMEOUT);

        assertThat(log.exposures()).hasSize(1);
        assertThat(log.events()).hasSize(1);
        assertThat(log.badLineCount()).isEqualTo(1);
        assertThat(log.badLines().get(0).toString())
                .isEqualTo("kafka:wren.exposures/0 offset 1: an exposure needs an items array");
    }

    @Test
    void anUnknownTopicIsAnError() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        assertThatThrownBy(() -> KafkaLogReader.read(consumer, "test:9092", List.of("wren.events"), TIMEOUT))
                .hasMessage("Kafka at test:9092 has no topic 'wren.events'");
    }

    private static PartitionInfo info(TopicPartition tp) {
        Node node = new Node(0, "localhost", 9092);
        return new PartitionInfo(tp.topic(), tp.partition(), node, new Node[] {node}, new Node[] {node});
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition tp, long offset, String value) {
        return new ConsumerRecord<>(tp.topic(), tp.partition(), offset, null, value.getBytes(StandardCharsets.UTF_8));
    }
}
