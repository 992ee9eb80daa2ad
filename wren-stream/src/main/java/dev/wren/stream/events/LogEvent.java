package dev.wren.stream.events;

import dev.wren.core.features.Interaction;
import dev.wren.core.model.Item;
import dev.wren.core.recommend.Event;
import java.util.List;
import java.util.OptionalInt;

/**
 * One user event of the log (a rating or a click) with the line it came from. A Flink POJO: a record of primitives and
 * an enum, so that Flink serialises it without Kryo.
 *
 * @param userId the user
 * @param itemId the item
 * @param type a rating or a click
 * @param value the rating; 1 for a click
 * @param timestamp when it happened, seconds since the epoch
 * @param line the event log line, for messages
 */
public record LogEvent(int userId, int itemId, Event.Type type, double value, long timestamp, long line) {
    public LogEvent {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
    }

    /** Event time in milliseconds, as Flink measures it. */
    public long eventTimeMillis() {
        return timestamp * 1000;
    }

    /** The interaction the user features are computed from; {@code item} is empty for an item not in the catalogue. */
    public Interaction interaction(java.util.Optional<Item> item) {
        double rating = type == Event.Type.RATING ? value : Double.NaN;
        return new Interaction(
                itemId,
                rating,
                timestamp,
                item.map(Item::year).orElse(OptionalInt.empty()),
                item.map(Item::genres).orElse(List.of()));
    }
}
