package dev.wren.serving.recall;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.Retriever;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.VectorIndex;
import dev.wren.serving.pipeline.UserContext;
import java.util.ArrayList;
import java.util.List;

/** The items whose ALS factors have the largest dot product with the user's (from the store). Thread-safe. */
public final class AlsRetriever implements Retriever<UserContext> {
    public static final String NAME = "als";

    private final Catalog catalog;
    private final VectorIndex factors;

    public AlsRetriever(Catalog catalog, VectorIndex factors) {
        this.catalog = catalog;
        this.factors = factors;
    }

    @Override
    public List<Candidate> retrieve(RequestContext<? extends UserContext> context, int budget) {
        RecommendRequest request = context.request();
        UserContext user = context.user();
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
