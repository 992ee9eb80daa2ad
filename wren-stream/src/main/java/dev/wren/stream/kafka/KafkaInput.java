package dev.wren.stream.kafka;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Where the job reads serving's records from in Kafka, and where it writes fresh samples (wren-serving's EVENT_LOG.md
 * describes the topics). Serializable: it travels with the job graph.
 *
 * @param bootstrapServers {@code host:port[,host:port...]}
 * @param eventsTopic serving's events ({@code wren.events})
 * @param exposuresTopic serving's exposures ({@code wren.exposures}); may equal {@code eventsTopic}
 * @param groupId the consumer group, whose offsets are committed on each checkpoint (the checkpoint holds them too)
 * @param samplesTopic where fresh labelled samples go ({@code wren.samples})
 * @param transactionalIdPrefix the prefix of the samples producer's transactional ids: unique per job on the cluster
 */
public record KafkaInput(
        String bootstrapServers,
        String eventsTopic,
        String exposuresTopic,
        String groupId,
        String samplesTopic,
        String transactionalIdPrefix)
        implements Serializable {
    public static final String EVENTS = "wren.events";
    public static final String EXPOSURES = "wren.exposures";
    public static final String SAMPLES = "wren.samples";
    public static final String GROUP = "wren-stream";

    public KafkaInput {
        for (String s : List.of(bootstrapServers, eventsTopic, exposuresTopic, groupId, samplesTopic)) {
            if (Objects.requireNonNull(s, "Kafka settings").isBlank()) {
                throw new IllegalArgumentException("Kafka servers, topics and group must not be blank");
            }
        }
        Objects.requireNonNull(transactionalIdPrefix, "transactionalIdPrefix");
        if (!bootstrapServers.matches("[^\\s,:]+:\\d+(,[^\\s,:]+:\\d+)*")) {
            throw new IllegalArgumentException(
                    "Kafka servers must be HOST:PORT[,HOST:PORT...], got '" + bootstrapServers + "'");
        }
    }

    /** Serving's default topics, the default group, samples to {@code wren.samples}. */
    public static KafkaInput of(String bootstrapServers) {
        return new KafkaInput(bootstrapServers, EVENTS, EXPOSURES, GROUP, SAMPLES, GROUP + "-samples");
    }

    /** {@code EVENTS[,EXPOSURES]}, as serving's {@code --kafka-topics} takes them: one name serves both. */
    public KafkaInput withTopics(String topics) {
        String[] parts = topics.split(",", -1);
        if (parts.length > 2 || parts[0].isBlank() || (parts.length == 2 && parts[1].isBlank())) {
            throw new IllegalArgumentException("Kafka topics must be EVENTS[,EXPOSURES], got '" + topics + "'");
        }
        String exposures = parts.length == 2 ? parts[1].strip() : parts[0].strip();
        return new KafkaInput(
                bootstrapServers, parts[0].strip(), exposures, groupId, samplesTopic, transactionalIdPrefix);
    }

    public KafkaInput withGroup(String group) {
        return new KafkaInput(
                bootstrapServers, eventsTopic, exposuresTopic, group, samplesTopic, transactionalIdPrefix);
    }

    public KafkaInput withSamples(String topic, String idPrefix) {
        return new KafkaInput(bootstrapServers, eventsTopic, exposuresTopic, groupId, topic, idPrefix);
    }

    /** The topics to read, each once. */
    public List<String> topics() {
        return eventsTopic.equals(exposuresTopic) ? List.of(eventsTopic) : List.of(eventsTopic, exposuresTopic);
    }

    /** A short name of what is read, for messages and checkpoint folders. */
    public String describe() {
        return bootstrapServers + "/" + String.join(",", topics()) + "#" + groupId;
    }
}
