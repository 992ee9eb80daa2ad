package dev.wren.eval.experiment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the serving log from its Kafka topics with a plain consumer: every partition assigned by hand (no consumer
 * group, no committed offsets), from the beginning up to the end offsets seen at the start, each value parsed like a
 * line of the file. A bad record is reported as {@code kafka:TOPIC/PARTITION} at its offset. Stateless.
 */
public final class KafkaLogReader {
    private KafkaLogReader() {}

    /**
     * @param bootstrap HOST:PORT of one or more brokers
     * @param topics the topics to read (events and exposures, or one shared topic)
     * @param timeout how long to wait for the brokers' metadata and for each poll that brings nothing
     * @throws IllegalStateException when a topic is unknown or the brokers do not answer in time
     */
    public static ExperimentLog read(String bootstrap, List<String> topics, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return read(consumer, bootstrap, topics, timeout);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " did not answer within " + timeout, e);
        }
    }

    /** Reads with a consumer made by the caller (which closes it). */
    static ExperimentLog read(
            Consumer<byte[], byte[]> consumer, String bootstrap, List<String> topics, Duration timeout) {
        ExperimentLogReader reader = new ExperimentLogReader();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("Kafka at " + bootstrap + " has no topic '" + topic + "'");
            }
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
        end.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
        while (!end.isEmpty()) {
            var records = consumer.poll(timeout);
            if (records.isEmpty()) {
                throw new IllegalStateException("Kafka at " + bootstrap + " sent nothing for " + timeout
                        + " before the end of " + end.keySet());
            }
            for (ConsumerRecord<byte[], byte[]> r : records) {
                String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
                reader.accept(value, Path.of("kafka:" + r.topic() + "/" + r.partition()), r.offset());
            }
            end.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
        }
        return reader.log();
    }
}
