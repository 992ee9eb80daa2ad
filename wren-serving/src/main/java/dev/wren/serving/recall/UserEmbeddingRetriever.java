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

/** Items nearest to the user's embedding from the store (ANN search). Thread-safe. */
public final class UserEmbeddingRetriever implements Contextual.Retriever {
    public static final String NAME = "user-embedding";

    private final Catalog catalog;
    private final VectorIndex index;
    private final UserContexts users;

    public UserEmbeddingRetriever(Catalog catalog, VectorIndex index, UserContexts users) {
        this.catalog = catalog;
        this.index = index;
        this.users = users;
    }

    @Override
    public List<Candidate> retrieve(RecommendRequest request, int budget) {
        return retrieve(request, users.context(request.userId()), budget);
    }

    @Override
    public List<Candidate> retrieve(RecommendRequest request, UserContext user, int budget) {
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
