package dev.wren.core.recommend;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link UserView} held in plain collections, for pipelines without a catalogue of their own (tests, small tools);
 * the embedding is the store row's {@link FeatureSchema#EMBEDDING}.
 *
 * @param userId the user
 * @param seen the items the user has rated or clicked
 * @param recentPositives the most recent liked items, most recent first
 * @param topGenres the genres the user likes most, most liked first
 * @param storeRow the user's feature store row, when there is one and the store answered
 * @param storeHealthy whether the store answered the read of the row
 */
public record UserSnapshot(
        int userId,
        Set<Integer> seen,
        List<Integer> recentPositives,
        List<String> topGenres,
        Optional<Features> storeRow,
        boolean storeHealthy)
        implements UserView {
    public UserSnapshot {
        seen = Set.copyOf(seen);
        recentPositives = List.copyOf(recentPositives);
        topGenres = List.copyOf(topGenres);
        Objects.requireNonNull(storeRow, "storeRow");
        if (!storeHealthy && storeRow.isPresent()) {
            throw new IllegalArgumentException("a row cannot have been read from a store that did not answer");
        }
    }

    /** A user with no history and no store row, read from a store that answered. */
    public static UserSnapshot unknown(int userId) {
        return new UserSnapshot(userId, Set.of(), List.of(), List.of(), Optional.empty(), true);
    }

    @Override
    public boolean hasSeen(int itemId) {
        return seen.contains(itemId);
    }

    @Override
    public int seenCount() {
        return seen.size();
    }

    @Override
    public Optional<float[]> embedding() {
        return storeRow.flatMap(r -> r.vector(FeatureSchema.EMBEDDING));
    }
}
