package dev.wren.serving.recall;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.VectorIndex;
import dev.wren.serving.pipeline.Contextual;
import dev.wren.serving.pipeline.UserContext;
import dev.wren.serving.pipeline.UserContexts;
import java.util.ArrayList;
import java.util.List;

/** The items whose ALS factors have the largest dot product with the user's (from the store). Thread-safe. */
public final class AlsRetriever implements Contextual.Retriever {
    public static final String NAME = "als";

    private final Catalog catalog;
    private final VectorIndex factors;
    private final UserContexts users;

    public AlsRetriever(Catalog catalog, VectorIndex factors, UserContexts users) {
        this.catalog = catalog;
        this.factors = factors;
        this.users = users;
    }

    @Override
    public List<Candidate> retrieve(RecommendRequest request, int budget) {
        return retrieve(request, users.context(request.userId()), budget);
    }

    @Override
    public List<Candidate> retrieve(RecommendRequest request, UserContext user, int budget) {
        if (user.cfFactors().isEmpty() || factors.size() == 0) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>(budget);
        for (VectorIndex.Hit hit : factors.search(
                user.cfFactors().get(), budget, id -> Eligibility.eligible(id, request, user, catalog))) {
            out.add(new Candidate(hit.itemId(), NAME, hit.score(), "people with tastes like yours watch it"));
        }
        return out;
    }
}
