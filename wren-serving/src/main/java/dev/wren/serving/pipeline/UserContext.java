package dev.wren.serving.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the stages know about one user at request time: the ratings file plus the events since start-up, and the
 * serving features from the store.
 *
 * @param userId the user
 * @param seen every item the user has rated or clicked
 * @param recentPositives the most recent liked items, most recent first
 * @param embedding the user's embedding from the store, when it has one
 * @param topGenres the genres the user likes most, most liked first
 */
public record UserContext(
        int userId,
        Set<Integer> seen,
        List<Integer> recentPositives,
        Optional<float[]> embedding,
        List<String> topGenres) {
    public UserContext {
        seen = Set.copyOf(seen);
        recentPositives = List.copyOf(recentPositives);
        topGenres = List.copyOf(topGenres);
    }

    /** A user the system has never seen. */
    public boolean isCold() {
        return seen.isEmpty() && recentPositives.isEmpty() && embedding.isEmpty();
    }
}
