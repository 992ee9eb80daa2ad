package dev.wren.core.features;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A user's store row from a history, by the rules every tier follows: interactions in {@link #TIME_ORDER}, the
 * {@link UserProfile}'s features, and the {@link UserEmbedding} of the positives. Serving's real-time updater and the
 * near-line stream job both build rows this way, so a user's row does not depend on which tier wrote it. Stateless and
 * thread-safe.
 */
public final class UserRows {
    /**
     * Time order, ties by item id: the offline pipeline's order, which {@link UserProfile#of} expects. Sort with a
     * stable sort, so that interactions equal in both keep the order of their sources (the ratings file, then events).
     */
    public static final Comparator<Interaction> TIME_ORDER =
            Comparator.comparingLong(Interaction::timestamp).thenComparingInt(Interaction::itemId);

    private UserRows() {}

    /**
     * The row: the profile's features and, when any positive has an item vector, the user embedding.
     *
     * @param history the user's interactions in {@link #TIME_ORDER}
     * @param vectors an item's embedding, or null when it has none
     */
    public static Features row(
            List<Interaction> history, UserFeatureRules rules, IntFunction<float[]> vectors, int dimension) {
        Features.Builder b = Features.builder();
        UserProfile.of(history, rules).features().values().forEach(b::value);
        UserEmbedding.of(positives(history, rules), vectors, dimension, rules.embeddingHalfLifeDays())
                .ifPresent(v -> b.vector(FeatureSchema.EMBEDDING, v));
        return b.build();
    }

    /** The positives of a history, in its order. */
    public static List<Interaction> positives(List<Interaction> history, UserFeatureRules rules) {
        return history.stream().filter(rules::isPositive).toList();
    }
}
