package dev.wren.serving.pipeline;

import dev.wren.core.features.Interaction;
import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.features.UserRows;
import dev.wren.core.model.Item;
import dev.wren.core.recommend.Event;
import dev.wren.core.store.Features;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.UserRatings;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * A user's serving features from the ratings file and the events since start-up: serving's side of wren-core's
 * {@link UserRows}, which the near-line stream job and the offline pipeline follow too. The bootstrap snapshot, the
 * real-time update after each event, and a request made while the store is unreachable all come out as the other tiers
 * would have written them for the same history; this class only turns serving's ratings and events into
 * {@link Interaction}s. Stateless and thread-safe.
 */
public final class UserFeatureRows {
    private UserFeatureRows() {}

    /** The user's interactions in {@link UserRows#TIME_ORDER}: the ratings file's, then the events, stably sorted. */
    public static List<Interaction> history(UserRatings base, List<Event> events, Catalog catalog) {
        List<Interaction> out = new ArrayList<>(base.size() + events.size());
        for (int i = 0; i < base.size(); i++) {
            out.add(interaction(base.items()[i], base.ratings()[i], base.timestamps()[i], catalog));
        }
        for (Event e : events) {
            double rating = e.type() == Event.Type.RATING ? e.value() : Double.NaN;
            out.add(interaction(e.itemId(), rating, e.timestamp(), catalog));
        }
        out.sort(UserRows.TIME_ORDER);
        return out;
    }

    private static Interaction interaction(int itemId, double rating, long ts, Catalog catalog) {
        Item item = catalog.item(itemId).orElse(null);
        OptionalInt year = item == null ? OptionalInt.empty() : item.year();
        return new Interaction(itemId, rating, ts, year, item == null ? List.of() : item.genres());
    }

    /**
     * The store row, by {@link UserRows#row}; serving itself calls that directly, this stays for wren-eval's parity test.
     *
     * @param vectors an item's embedding, or null
     */
    public static Features row(
            List<Interaction> history, UserFeatureRules rules, IntFunction<float[]> vectors, int dimension) {
        return UserRows.row(history, rules, vectors, dimension);
    }
}
