package dev.wren.serving.events;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where {@link KafkaEventLog} writes.
 *
 * @param bootstrapServers the brokers to start from, {@code HOST:PORT[,HOST:PORT...]}
 * @param eventsTopic the topic of events (ratings and clicks)
 * @param exposuresTopic the topic of exposures (lists shown); the same name as {@code eventsTopic} puts both in one
 *     topic, told apart by each record's {@code kind}
 * @param ackTimeout how long an event's request waits for the broker's acknowledgement before it is refused with 503;
 *     the producer gives a record up after the same time, so a refused event is not delivered later
 */
public record KafkaSettings(String bootstrapServers, String eventsTopic, String exposuresTopic, Duration ackTimeout) {
    public static final String DEFAULT_EVENTS_TOPIC = "wren.events";
    public static final String DEFAULT_EXPOSURES_TOPIC = "wren.exposures";
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern SERVER = Pattern.compile("[^\\s:,]+:\\d{1,5}|\\[[0-9a-fA-F:.]+]:\\d{1,5}");
    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(eventsTopic, "eventsTopic");
        Objects.requireNonNull(exposuresTopic, "exposuresTopic");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        bootstrapServers = bootstrapServers.strip();
        for (String server : bootstrapServers.split(",", -1)) {
            if (!SERVER.matcher(server.strip()).matches()) {
                throw new IllegalArgumentException(
                        "Kafka servers are HOST:PORT[,HOST:PORT...], got '" + bootstrapServers + "'");
            }
        }
        checkTopic(eventsTopic);
        checkTopic(exposuresTopic);
        if (ackTimeout.compareTo(Duration.ofMillis(100)) < 0 || ackTimeout.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException(
                    "the Kafka acknowledgement timeout must be 100 ms to 2 min, got " + ackTimeout);
        }
    }

    /** The default topics ({@value #DEFAULT_EVENTS_TOPIC}, {@value #DEFAULT_EXPOSURES_TOPIC}) and timeout. */
    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, DEFAULT_EVENTS_TOPIC, DEFAULT_EXPOSURES_TOPIC, DEFAULT_ACK_TIMEOUT);
    }

    public KafkaSettings withTopics(String events, String exposures) {
        return new KafkaSettings(bootstrapServers, events, exposures, ackTimeout);
    }

    public KafkaSettings withAckTimeout(Duration timeout) {
        return new KafkaSettings(bootstrapServers, eventsTopic, exposuresTopic, timeout);
    }

    /** Whether events and exposures share one topic. */
    public boolean oneTopic() {
        return eventsTopic.equals(exposuresTopic);
    }

    /** The topic of a record kind ({@link EventLog#EVENT} or {@link EventLog#EXPOSURE}). */
    public String topic(String kind) {
        return switch (kind) {
            case EventLog.EVENT -> eventsTopic;
            case EventLog.EXPOSURE -> exposuresTopic;
            default -> throw new IllegalArgumentException("no topic for records of kind " + kind);
        };
    }

    private static void checkTopic(String topic) {
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException(
                    "a Kafka topic name is 1 to 249 of the characters a-z A-Z 0-9 . _ -, got '" + topic + "'");
        }
    }
}
