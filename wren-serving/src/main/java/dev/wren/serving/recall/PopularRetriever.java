package dev.wren.serving.recall;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.pipeline.Contextual;
import dev.wren.serving.pipeline.UserContext;
import dev.wren.serving.pipeline.UserContexts;
import java.util.ArrayList;
import java.util.List;

/** The most rated items the user has not seen. The last resort of every fallback chain. Thread-safe. */
public final class PopularRetriever implements Contextual.Retriever {
    public static final String NAME = "popular";

    private final Catalog catalog;
    private final UserContexts users;

    public PopularRetriever(Catalog catalog, UserContexts users) {
        this.catalog = catalog;
        this.users = users;
    }

    @Override
    public List<Candidate> retrieve(RecommendRequest request, int budget) {
        return retrieve(request, users.context(request.userId()), budget);
    }

    @Override
    public List<Candidate> retrieve(RecommendRequest request, UserContext user, int budget) {
        String reason = request.genre().map(g -> "popular in " + g).orElse("popular with everyone");
        List<Candidate> out = new ArrayList<>();
        for (int id : catalog.byPopularity()) {
            if (out.size() >= budget) {
                break;
            }
            if (Eligibility.eligible(id, request, user, catalog)) {
                out.add(new Candidate(id, NAME, Math.log1p(catalog.stats(id).count()), reason));
            }
        }
        return out;
    }
}
