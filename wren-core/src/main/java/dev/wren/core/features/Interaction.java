package dev.wren.core.features;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Something a user did to an item, with what the user features need to know of the item.
 *
 * @param itemId the item
 * @param rating the rating, or NaN for a click (which has none)
 * @param timestamp seconds since the epoch
 * @param releaseYear the item's release year, when known
 * @param genres the item's genres
 */
public record Interaction(int itemId, double rating, long timestamp, OptionalInt releaseYear, List<String> genres) {
    public Interaction {
        Objects.requireNonNull(releaseYear, "releaseYear");
        genres = List.copyOf(genres);
        if (Double.isInfinite(rating)) {
            throw new IllegalArgumentException("rating must be finite or NaN (a click), got " + rating);
        }
    }

    /** A click: no rating. */
    public boolean isClick() {
        return Double.isNaN(rating);
    }
}
