package dev.wren.serving.pipeline;

import dev.wren.core.features.Interaction;
import dev.wren.core.features.UserEmbedding;
import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.features.UserProfile;
import dev.wren.core.model.Item;
import dev.wren.core.recommend.Event;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.UserRatings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * A user's serving features computed in serving, from the ratings file and the events since start-up, by the rules the
 * offline pipeline follows ({@link UserProfile}, {@link UserEmbedding}): the bootstrap snapshot, the real-time update
 * after each event, and a request made while the store is unreachable all come out as the offline pipeline would have
 * written them for the same history. Stateless and thread-safe.
 */
public final class UserFeatureRows {
    private UserFeatureRows() {}

    /** The user's interactions in time order, ties by item id (the offline pipeline's order). */
    public static List<Interaction> history(UserRatings base, List<Event> events, Catalog catalog) {
        List<Interaction> out = new ArrayList<>(base.size() + events.size());
        for (int i = 0; i < base.size(); i++) {
            out.add(interaction(base.items()[i], base.ratings()[i], base.timestamps()[i], catalog));
        }
        for (Event e : events) {
            double rating = e.type() == Event.Type.RATING ? e.value() : Double.NaN;
            out.add(interaction(e.itemId(), rating, e.timestamp(), catalog));
        }
        out.sort(Comparator.comparingLong(Interaction::timestamp).thenComparingInt(Interaction::itemId));
        return out;
    }

    private static Interaction interaction(int itemId, double rating, long ts, Catalog catalog) {
        Item item = catalog.item(itemId).orElse(null);
        OptionalInt year = item == null ? OptionalInt.empty() : item.year();
        return new Interaction(itemId, rating, ts, year, item == null ? List.of() : item.genres());
    }

    /**
     * The store row: the profile's features and, when any positive has an item vector, the user embedding.
     *
     * @param vectors an item's embedding, or null
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
