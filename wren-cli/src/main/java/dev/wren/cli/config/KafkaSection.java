package dev.wren.cli.config;

import dev.wren.serving.events.KafkaSettings;
import dev.wren.stream.kafka.KafkaInput;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code kafka} section, shared by serving (which writes the topics) and the stream job (which reads them), so
 * that the two agree on the topics.
 *
 * @param servers the brokers, {@code HOST:PORT[,HOST:PORT...]}; empty for the local event log instead of Kafka
 * @param eventsTopic the topic of events
 * @param exposuresTopic the topic of exposures
 * @param ackTimeout milliseconds an event's request waits for the brokers
 * @param group the stream job's consumer group
 * @param samplesTopic where the stream job writes fresh samples
 * @param transactionalIdPrefix the samples producer's transactional id prefix; empty for {@code <group>-samples}
 */
public record KafkaSection(
        String servers,
        String eventsTopic,
        String exposuresTopic,
        long ackTimeout,
        String group,
        String samplesTopic,
        String transactionalIdPrefix) {
    public KafkaSection {
        Objects.requireNonNull(servers, "kafka.servers");
        Objects.requireNonNull(eventsTopic, "kafka.events-topic");
        Objects.requireNonNull(exposuresTopic, "kafka.exposures-topic");
        Objects.requireNonNull(group, "kafka.group");
        Objects.requireNonNull(samplesTopic, "kafka.samples-topic");
        Objects.requireNonNull(transactionalIdPrefix, "kafka.transactional-id-prefix");
    }

    /** Where serving sends events and exposures on {@code brokers}. */
    public KafkaSettings serving(String brokers) {
        return new KafkaSettings(brokers, eventsTopic, exposuresTopic, Duration.ofMillis(ackTimeout));
    }

    /** Where the stream job reads them on {@code brokers}, and writes its samples. */
    public KafkaInput stream(String brokers) {
        return new KafkaInput(
                brokers,
                eventsTopic,
                exposuresTopic,
                group,
                samplesTopic,
                transactionalIdPrefix.isBlank() ? group + "-samples" : transactionalIdPrefix);
    }
}
