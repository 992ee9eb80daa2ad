package dev.wren.serving.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The durable record of what users did ({@value #EVENT} records) and what they were shown ({@value #EXPOSURE} records),
 * one schema-versioned JSON object per record whatever the mechanism: {@link JsonLinesEventLog} (a local file, the
 * embedded default) or {@link KafkaEventLog} (production). The format is documented in EVENT_LOG.md of this module.
 * Implementations are thread-safe.
 */
public interface EventLog extends AutoCloseable {
    /** The version of the record format written today; readers skip records of a newer version than they know. */
    int SCHEMA_VERSION = 1;

    String EVENT = "event";
    String EXPOSURE = "exposure";
    Set<String> KINDS = Set.of(EVENT, EXPOSURE);
    /** The Micrometer counter of offered records that were lost, tagged {@code kind}. */
    String LOST_COUNTER = "wren.eventlog.lost";

    /**
     * A new record of a kind, with the fields every record has ({@code kind}, {@code schemaVersion}, {@code loggedAt}),
     * to fill and then append. The caller must add {@code userId}: records are keyed and ordered by user.
     *
     * @throws IllegalArgumentException for a kind other than {@value #EVENT} or {@value #EXPOSURE}
     */
    default ObjectNode record(String kind) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("a record's kind is " + KINDS + ", not " + kind);
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", kind);
        node.put("schemaVersion", SCHEMA_VERSION);
        node.put("loggedAt", System.currentTimeMillis());
        return node;
    }

    /**
     * Appends a record and returns once it is durable (flushed to the operating system, or acknowledged by the broker),
     * within a bounded time.
     *
     * @throws EventLogException when the record could not be made durable; it may or may not have been stored
     */
    void append(ObjectNode record);

    /**
     * Hands a record over without waiting until it is durable, for records whose loss is tolerable (exposures: a
     * recommendation list is worth serving even when it cannot be logged). Never throws for the log's own failures: a
     * record it cannot take is counted in {@value #LOST_COUNTER} (tagged with its kind) and logged as a warning.
     */
    void offer(ObjectNode record);

    /** A short description for start-up logs, e.g. the file or the brokers and topics. */
    String describe();

    /** Releases the file or the producer; records handed over and not yet durable may be lost. */
    @Override
    void close();
}
