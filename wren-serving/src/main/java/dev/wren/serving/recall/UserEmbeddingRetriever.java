package dev.wren.serving.recall;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.Retriever;
import dev.wren.core.recommend.UserView;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.VectorIndex;
import java.util.ArrayList;
import java.util.List;

/** Items nearest to the user's embedding from the store (ANN search). Thread-safe. */
public final class UserEmbeddingRetriever implements Retriever<UserView> {
    public static final String NAME = "user-embedding";

    private final Catalog catalog;
    private final VectorIndex index;

    public UserEmbeddingRetriever(Catalog catalog, VectorIndex index) {
        this.catalog = catalog;
        this.index = index;
    }

    @Override
    public List<Candidate> retrieve(RequestContext<? extends UserView> context, int budget) {
        RecommendRequest request = context.request();
        UserView user = context.user();
        if (user.embedding().isEmpty() || index.size() == 0) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>(budget);
        for (VectorIndex.Hit hit :
                index.search(user.embedding().get(), budget, id -> Eligibility.eligible(id, request, user, catalog))) {
            out.add(new Candidate(hit.itemId(), NAME, hit.score(), "close to your taste profile"));
        }
        return out;
    }
}
