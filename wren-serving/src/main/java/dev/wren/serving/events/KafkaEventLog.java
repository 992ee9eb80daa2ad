package dev.wren.serving.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The event log as Kafka topics: each record is the same JSON as a line of {@link JsonLinesEventLog}, keyed by its
 * {@code userId} (so one user's records stay in order in one partition), events and exposures to the topics of {@link
 * KafkaSettings}. Producers wait for all in-sync replicas ({@code acks=all}) and are idempotent, so their own retries
 * never duplicate a record.
 *
 * <p>Two producers, because {@code send()} itself blocks while the producer has no metadata for the topic (always the
 * case while every broker is down: the client then re-bootstraps and forgets it). The one behind {@link #append} may
 * block up to the acknowledgement timeout, which the request waits anyway; the one behind {@link #offer} never blocks
 * ({@code max.block.ms=0}), so a Kafka outage adds no latency to recommendations, whose exposures are then counted as
 * lost. Thread-safe (producers are shared by all requests).
 */
public final class KafkaEventLog implements EventLog {
    /** Time beyond the producer's own delivery timeout before a waiting request gives up regardless. */
    private static final Duration GRACE = Duration.ofSeconds(1);
    /** Pause between metadata requests while the non-blocking producer warms up. */
    private static final long WARM_UP_PAUSE_MS = 20;

    private final Producer<String, String> durable;
    private final Producer<String, String> bestEffort;
    private final KafkaSettings settings;
    private final ObjectMapper json;
    private final LostRecords lost;

    private KafkaEventLog(
            Producer<String, String> durable,
            Producer<String, String> bestEffort,
            KafkaSettings settings,
            ObjectMapper json,
            LostRecords lost) {
        this.durable = durable;
        this.bestEffort = bestEffort;
        this.settings = settings;
        this.json = json;
        this.lost = lost;
    }

    /**
     * Connects and checks that the brokers answer and list the topics (or create them, when the brokers auto-create
     * topics), so that a wrong address fails at start-up rather than on the first event.
     *
     * @param metrics where records offered and lost are counted ({@value EventLog#LOST_COUNTER})
     * @throws IllegalStateException when the brokers or a topic cannot be reached within the acknowledgement timeout
     */
    public static KafkaEventLog open(KafkaSettings settings, ObjectMapper json, MeterRegistry metrics) {
        long blockMs = settings.ackTimeout().toMillis();
        Producer<String, String> durable = producer(settings, "wren-serving-events", blockMs);
        Producer<String, String> bestEffort = producer(settings, "wren-serving-exposures", 0);
        Set<String> topics = new LinkedHashSet<>(List.of(settings.eventsTopic(), settings.exposuresTopic()));
        String topic = settings.eventsTopic();
        try {
            for (String t : topics) {
                topic = t;
                durable.partitionsFor(t);
            }
            long deadline = System.nanoTime() + settings.ackTimeout().toNanos();
            for (String t : topics) {
                topic = t;
                warmUp(bestEffort, t, deadline);
            }
        } catch (KafkaException e) {
            durable.close(Duration.ZERO);
            bestEffort.close(Duration.ZERO);
            throw new IllegalStateException(
                    "Kafka at " + settings.bootstrapServers() + " did not list the topic " + topic + " within "
                            + blockMs + " ms (is the broker up, and the topic created?): " + e.getMessage(),
                    e);
        }
        return new KafkaEventLog(durable, bestEffort, settings, json, new LostRecords(metrics));
    }

    /** A producer with durable acknowledgements and one deadline, the acknowledgement timeout, for each record. */
    static Producer<String, String> producer(KafkaSettings settings, String clientId, long maxBlockMs) {
        int timeout = Math.toIntExact(settings.ackTimeout().toMillis());
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // An event's HTTP answer waits for its acknowledgement, so records are not held back to fill batches.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A record the producer gives up on is not sent again later: its deadline is the request's wait.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs);
        // Keep the metadata of our two topics through quiet hours, so the non-blocking producer does not lose it.
        config.put(ProducerConfig.METADATA_MAX_IDLE_CONFIG, Duration.ofDays(1).toMillis());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Asks until a producer that never blocks has the topic's metadata (each failed ask requests it). */
    private static void warmUp(Producer<String, String> producer, String topic, long deadlineNanos) {
        while (true) {
            try {
                producer.partitionsFor(topic);
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (System.nanoTime() - deadlineNanos > 0) {
                    throw e;
                }
                try {
                    Thread.sleep(WARM_UP_PAUSE_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new KafkaException("interrupted while connecting", interrupted);
                }
            }
        }
    }

    public KafkaSettings settings() {
        return settings;
    }

    /**
     * Sends the record and waits for the broker's acknowledgement, at most about the acknowledgement timeout (twice
     * that when the topic's metadata must be fetched again first).
     */
    @Override
    public void append(ObjectNode record) {
        CompletableFuture<Void> acked = send(durable, record);
        long waitMs = settings.ackTimeout().plus(GRACE).toMillis();
        try {
            acked.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof EventLogException refused
                    ? refused
                    : new EventLogException(notTaken(record, e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new EventLogException(notTaken(record, e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventLogException("interrupted while waiting for the event log (Kafka)", e);
        }
    }

    /**
     * Sends without waiting or blocking: the request is answered while the record is in flight, and a record that Kafka
     * does not acknowledge within the timeout, or that cannot even be sent for want of the topic's metadata, is counted
     * as lost (from the producer's I/O thread, or at once).
     */
    @Override
    public void offer(ObjectNode record) {
        String kind = record.path("kind").asText();
        send(bestEffort, record).whenComplete((ok, e) -> {
            if (e != null) {
                lost.lost(kind, e);
            }
        });
    }

    /** The records offered and lost, of a kind. */
    public long lost(String kind) {
        return lost.count(kind);
    }

    private CompletableFuture<Void> send(Producer<String, String> producer, ObjectNode record) {
        String kind = record.path("kind").asText();
        JsonNode user = record.get("userId");
        if (user == null || !user.canConvertToLong()) {
            throw new IllegalArgumentException("a " + kind + " record needs an integer userId to be keyed by");
        }
        String value;
        try {
            value = json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a record that is not JSON: " + e.getOriginalMessage(), e);
        }
        ProducerRecord<String, String> out =
                new ProducerRecord<>(settings.topic(kind), Long.toString(user.asLong()), value);
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer.send(out, (metadata, e) -> {
                if (e == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(new EventLogException(notTaken(record, e), e));
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            // No metadata for the topic in time, the buffer full, or the producer closed: refused before sending.
            acked.completeExceptionally(new EventLogException(
                    "the event log (Kafka) cannot be reached; the " + kind + " was not stored; try again", e));
        }
        return acked;
    }

    /** What a client is told: whether Kafka was too slow or refused the record, without hosts or topics. */
    private String notTaken(ObjectNode record, Throwable cause) {
        String kind = record.path("kind").asText();
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException || cause instanceof TimeoutException) {
            return "the event log (Kafka) did not acknowledge the " + kind + " within "
                    + settings.ackTimeout().toMillis() + " ms; try again";
        }
        return "the event log (Kafka) did not take the " + kind + " ("
                + cause.getClass().getSimpleName() + "); try again";
    }

    @Override
    public String describe() {
        return "Kafka " + settings.bootstrapServers() + " (topics "
                + (settings.oneTopic()
                        ? settings.eventsTopic()
                        : settings.eventsTopic() + ", " + settings.exposuresTopic())
                + ")";
    }

    /** Waits for records in flight at most the acknowledgement timeout per producer, even when Kafka is down. */
    @Override
    public void close() {
        try {
            durable.close(settings.ackTimeout());
        } finally {
            bestEffort.close(settings.ackTimeout());
        }
    }
}
