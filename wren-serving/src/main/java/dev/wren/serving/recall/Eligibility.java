package dev.wren.serving.recall;

import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.UserView;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.pipeline.UserContext;

/** Whether an item may be recommended for a request: in the catalogue, unseen, of the requested genre. */
public final class Eligibility {
    private Eligibility() {}

    public static boolean eligible(int itemId, RecommendRequest request, UserView user, Catalog catalog) {
        if (user.hasSeen(itemId)) {
            return false;
        }
        if (request.genre().isEmpty()) {
            return catalog.contains(itemId);
        }
        return hasGenre(itemId, request, catalog);
    }

    /**
     * As {@link #eligible}, for the item in a catalogue slot: the slot answers both "in the catalogue" and "seen",
     * where the id would be looked up twice in a table too large for the cache (the EASE channel asks this of
     * thousands of items per request).
     */
    public static boolean eligibleAt(
            int slot, int itemId, RecommendRequest request, UserContext user, Catalog catalog) {
        if (user.hasSeenAt(slot)) {
            return false;
        }
        return request.genre().isEmpty() || hasGenre(itemId, request, catalog);
    }

    private static boolean hasGenre(int itemId, RecommendRequest request, Catalog catalog) {
        return catalog.item(itemId)
                .map(i -> i.genres().contains(request.genre().get()))
                .orElse(false);
    }
}
