package dev.wren.eval.experiment;

import java.util.Objects;

/**
 * One {@code event} line of the serving log: a rating or a click.
 *
 * @param userId the user
 * @param loggedAt when the server wrote it, epoch milliseconds
 * @param type {@code rating} or {@code click}
 * @param itemId the item
 * @param value the rating (0.5 to 5), or 1 for a click
 * @param timestamp when it happened, epoch seconds
 */
public record EventRecord(int userId, long loggedAt, String type, int itemId, double value, long timestamp) {
    public static final String RATING = "rating";
    public static final String CLICK = "click";

    public EventRecord {
        Objects.requireNonNull(type, "type");
        if (!type.equals(RATING) && !type.equals(CLICK)) {
            throw new IllegalArgumentException("type must be \"rating\" or \"click\", got \"" + type + "\"");
        }
        if (type.equals(RATING) && !(value >= 0.5 && value <= 5)) {
            throw new IllegalArgumentException("a rating must be in 0.5..5, got " + value);
        }
    }

    public boolean isRating() {
        return type.equals(RATING);
    }
}
