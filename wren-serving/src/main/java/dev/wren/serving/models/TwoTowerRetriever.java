package dev.wren.serving.models;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.Retriever;
import dev.wren.core.recommend.UserView;
import dev.wren.core.store.Features;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.VectorIndex;
import dev.wren.serving.recall.Eligibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two-tower recall: the user's tower vector searched in the ANN index of the item-tower vectors built at load, by dot
 * product (the model's logit). The user tower reads the user's store row from the request's context. Finds nothing
 * when the models folder has no two-tower bundle, or when the store could not be read for this request (the request is
 * degraded already, and a tower fed an empty row would speak for nobody). Thread-safe.
 */
public final class TwoTowerRetriever implements Retriever<UserView> {
    public static final String NAME = "two-tower";

    private final Optional<ServingModels.Towers> towers;
    private final Catalog catalog;
    /** The user tower's vectors: a function of the user's row, computed once per row rather than per request. */
    private final UserRowCache<float[]> queries = new UserRowCache<>(ModelRanker.USERS_KEPT);

    public TwoTowerRetriever(Optional<ServingModels.Towers> towers, Catalog catalog) {
        this.towers = towers;
        this.catalog = catalog;
    }

    @Override
    public List<Candidate> retrieve(RequestContext<? extends UserView> context, int budget) {
        RecommendRequest request = context.request();
        UserView user = context.user();
        if (towers.isEmpty() || towers.get().index().size() == 0 || !user.storeHealthy()) {
            return List.of();
        }
        ServingModels.Towers t = towers.get();
        Features row = user.storeRow().orElse(Features.empty());
        int userId = user.userId();
        // Shared with later requests: the index only reads it.
        float[] query = queries.get(
                userId, row, r -> t.user(t.model().bundle().encoder().user(userId, r)));
        List<Candidate> out = new ArrayList<>(budget);
        for (VectorIndex.Hit hit :
                t.index().search(query, budget, id -> Eligibility.eligible(id, request, user, catalog))) {
            out.add(new Candidate(hit.itemId(), NAME, hit.score(), "the two-tower model's pick for you"));
        }
        return out;
    }
}
