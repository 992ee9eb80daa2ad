package dev.wren.core.recommend;

import java.util.Objects;

/**
 * Something a user did to an item, as it reaches the real-time tier.
 *
 * @param userId the user
 * @param itemId the item
 * @param type what happened
 * @param value the rating for {@link Type#RATING} (on the dataset's scale, MovieLens: 0.5 to 5); 1 for a click
 * @param timestamp seconds since the Unix epoch
 */
public record Event(int userId, int itemId, Type type, double value, long timestamp) {
    /** The kinds of event. */
    public enum Type {
        RATING,
        CLICK
    }

    public Event {
        Objects.requireNonNull(type, "type");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, got " + value);
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must not be negative, got " + timestamp);
        }
    }
}
