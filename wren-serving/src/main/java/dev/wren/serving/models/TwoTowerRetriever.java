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
        float[] query = t.user(t.model().bundle().encoder().user(request.userId(), row));
        List<Candidate> out = new ArrayList<>(budget);
        for (VectorIndex.Hit hit :
                t.index().search(query, budget, id -> Eligibility.eligible(id, request, user, catalog))) {
            out.add(new Candidate(hit.itemId(), NAME, hit.score(), "the two-tower model's pick for you"));
        }
        return out;
    }
}
