package dev.wren.core.recommend;

import dev.wren.core.store.Features;
import java.util.List;
import java.util.Optional;

/**
 * What the stages know about the user of one request, gathered once when the request starts: the history, the taste
 * features, and the user's feature store row with whether the store answered. Stages read it instead of going back to
 * the store, so a request reads the user's row once however many stages need it. Implementations are immutable (apart
 * from values derived on first use) and safe to read from several threads.
 */
public interface UserView {
    int userId();

    /** Whether the user has rated or clicked the item: recommending it again is pointless. */
    boolean hasSeen(int itemId);

    /** How many items the user has rated or clicked (an upper bound where one item may be counted twice). */
    int seenCount();

    /** The most recent liked items, most recent first. */
    List<Integer> recentPositives();

    /** The genres the user likes most, most liked first. */
    List<String> topGenres();

    /** The user's embedding, when they have one. */
    Optional<float[]> embedding();

    /**
     * The user's row in the feature store, as read for this request; empty when the user has none or when the store
     * could not be read ({@link #storeHealthy} tells which).
     */
    Optional<Features> storeRow();

    /** Whether the store answered this request's read of the user's row. */
    boolean storeHealthy();

    /** A user the system has never seen: no history, no recent positives, no embedding. */
    default boolean isCold() {
        return seenCount() == 0 && recentPositives().isEmpty() && embedding().isEmpty();
    }
}
