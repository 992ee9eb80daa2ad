package dev.wren.core.model;

/**
 * One explicit rating.
 *
 * @param userId the user who rated
 * @param itemId the item rated
 * @param rating the rating on the dataset's scale (MovieLens: 0.5 to 5)
 * @param timestamp seconds since the Unix epoch
 */
public record Rating(int userId, int itemId, float rating, long timestamp) {
    public Rating {
        if (!Float.isFinite(rating)) {
            throw new IllegalArgumentException("rating must be finite, got " + rating);
        }
    }
}
