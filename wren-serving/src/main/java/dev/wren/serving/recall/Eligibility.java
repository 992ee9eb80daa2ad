package dev.wren.serving.recall;

import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.UserView;
import dev.wren.serving.data.Catalog;

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
        return catalog.item(itemId)
                .map(i -> i.genres().contains(request.genre().get()))
                .orElse(false);
    }
}
