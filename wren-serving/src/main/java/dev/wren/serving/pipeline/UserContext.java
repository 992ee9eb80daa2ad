package dev.wren.serving.pipeline;

import dev.wren.serving.data.UserRatings;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the stages know about one user at request time: the ratings file plus the events since start-up, and the
 * serving features from the store.
 *
 * @param userId the user
 * @param rated the ratings loaded from the ratings file
 * @param liveSeen the items rated or clicked since start-up
 * @param recentPositives the most recent liked items, most recent first
 * @param embedding the user's embedding from the store, when it has one
 * @param topGenres the genres the user likes most, most liked first
 */
public record UserContext(
        int userId,
        UserRatings rated,
        Set<Integer> liveSeen,
        List<Integer> recentPositives,
        Optional<float[]> embedding,
        List<String> topGenres) {
    public UserContext {
        liveSeen = Set.copyOf(liveSeen);
        recentPositives = List.copyOf(recentPositives);
        topGenres = List.copyOf(topGenres);
    }

    /** Whether the user has rated or clicked the item. */
    public boolean hasSeen(int itemId) {
        return liveSeen.contains(itemId) || rated.rated(itemId);
    }

    /** How many items the user has rated or clicked (an upper bound: an item may be counted twice). */
    public int seenCount() {
        return rated.size() + liveSeen.size();
    }

    /** A user the system has never seen. */
    public boolean isCold() {
        return seenCount() == 0 && recentPositives.isEmpty() && embedding.isEmpty();
    }
}
