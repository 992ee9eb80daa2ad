package dev.wren.data.movielens;

import dev.wren.core.model.Rating;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives ratings one at a time as primitives, so streaming 25 million ratings boxes nothing. Use {@link #of} when a
 * {@link Rating} record is more convenient than speed.
 */
@FunctionalInterface
public interface RatingVisitor {
    /**
     * One valid rating.
     *
     * @param userId the user who rated
     * @param itemId the movie rated; always present in {@link MovieLensReader#items()}
     * @param rating the rating, on the layout's {@link RatingScale}
     * @param timestamp seconds since the Unix epoch
     */
    void visit(int userId, int itemId, float rating, long timestamp);

    /** Adapts a consumer of {@link Rating} records (one object per rating). */
    static RatingVisitor of(Consumer<? super Rating> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        return (user, item, rating, ts) -> consumer.accept(new Rating(user, item, rating, ts));
    }
}
