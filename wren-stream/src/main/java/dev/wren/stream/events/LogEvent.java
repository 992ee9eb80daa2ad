package dev.wren.stream.events;

import dev.wren.core.features.Interaction;
import dev.wren.core.model.Item;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One record of the log as the job uses it: a user's rating or click, or one item of an exposure (a list shown to the
 * user), with the line it came from. A Flink POJO: a record of primitives and an enum, so that Flink serialises it
 * without Kryo.
 *
 * @param userId the user
 * @param itemId the item
 * @param kind a rating, a click, or an exposure of the item
 * @param value the rating; 1 for a click; 0 for an exposure
 * @param timeMillis when it happened, milliseconds since the epoch: an event's {@code loggedAt} when that falls in the
 *     second of its {@code timestamp} (serving stamped both as it received the event), otherwise the start of that
 *     second; an exposure's {@code loggedAt}
 * @param position an exposure's place in the list shown, from 0; 0 for an event
 * @param line the event log line (a Kafka record's offset), for messages
 * @param loggedAt when serving wrote the record, milliseconds since the epoch (0 when the record does not say), from
 *     which the sink measures how fresh the store is
 */
public record LogEvent(
        int userId, int itemId, Kind kind, double value, long timeMillis, int position, long line, long loggedAt) {
    /** What a record says the user did. */
    public enum Kind {
        RATING,
        CLICK,
        EXPOSURE;

        /** A rating or a click: something the user did to the item, which the user features count. */
        public boolean isEvent() {
            return this != EXPOSURE;
        }
    }

    public LogEvent {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
    }

    /** A rating or click at {@code timestamp} seconds, logged at an unknown time. */
    public static LogEvent event(int userId, int itemId, Kind kind, double value, long timestamp, long line) {
        return event(userId, itemId, kind, value, timestamp, line, 0);
    }

    /**
     * A rating or click at {@code timestamp} seconds, logged at {@code loggedAt} milliseconds: its time is {@code
     * loggedAt} when that falls in the same second, so that events of one second are ordered as they happened.
     */
    public static LogEvent event(
            int userId, int itemId, Kind kind, double value, long timestamp, long line, long loggedAt) {
        long time = Math.floorDiv(loggedAt, 1000) == timestamp ? loggedAt : timestamp * 1000;
        return new LogEvent(userId, itemId, kind, value, time, 0, line, loggedAt);
    }

    /** Event time in milliseconds, as Flink measures it. */
    public long eventTimeMillis() {
        return timeMillis;
    }

    /** The time in whole seconds since the epoch (an exposure's is rounded down). */
    public long timestamp() {
        return Math.floorDiv(timeMillis, 1000);
    }

    /**
     * The interaction the user features are computed from; {@code item} is empty for an item not in the catalogue.
     *
     * @throws IllegalStateException for an exposure, which is not an interaction
     */
    public Interaction interaction(Optional<Item> item) {
        if (!kind.isEvent()) {
            throw new IllegalStateException("an exposure is not an interaction");
        }
        double rating = kind == Kind.RATING ? value : Double.NaN;
        return new Interaction(
                itemId,
                rating,
                timestamp(),
                item.map(Item::year).orElse(OptionalInt.empty()),
                item.map(Item::genres).orElse(List.of()));
    }
}
