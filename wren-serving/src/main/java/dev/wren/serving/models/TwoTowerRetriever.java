package dev.wren.serving.models;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.VectorIndex;
import dev.wren.serving.pipeline.Contextual;
import dev.wren.serving.pipeline.UserContext;
import dev.wren.serving.pipeline.UserContexts;
import dev.wren.serving.recall.Eligibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two-tower recall: the user's tower vector searched in the ANN index of the item-tower vectors built at load, by dot
 * product (the model's logit). Finds nothing when the models folder has no two-tower bundle. Thread-safe.
 */
public final class TwoTowerRetriever implements Contextual.Retriever {
    public static final String NAME = "two-tower";

    private final Optional<ServingModels.Towers> towers;
    private final Catalog catalog;
    private final UserContexts users;
    private final FeatureStore store;
    /** The user tower's vectors: a function of the user's row, computed once per row rather than per request. */
    private final UserRowCache<float[]> queries = new UserRowCache<>(ModelRanker.USERS_KEPT);

    public TwoTowerRetriever(
            Optional<ServingModels.Towers> towers, Catalog catalog, UserContexts users, FeatureStore store) {
        this.towers = towers;
        this.catalog = catalog;
        this.users = users;
        this.store = store;
    }

    @Override
    public List<Candidate> retrieve(RecommendRequest request, int budget) {
        return retrieve(request, users.context(request.userId()), budget);
    }

    @Override
    public List<Candidate> retrieve(RecommendRequest request, UserContext user, int budget) {
        if (towers.isEmpty() || towers.get().index().size() == 0) {
            return List.of();
        }
        ServingModels.Towers t = towers.get();
        Features row = store.get(EntityKind.USER, request.userId()).orElse(Features.empty());
        int userId = request.userId();
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
