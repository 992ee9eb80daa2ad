package dev.wren.serving.recall;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.Retriever;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.VectorIndex;
import dev.wren.serving.pipeline.UserContext;
import dev.wren.serving.pipeline.UserContexts;
import java.util.ArrayList;
import java.util.List;

/** Items nearest to the user's embedding from the store (ANN search). Thread-safe. */
public final class UserEmbeddingRetriever implements Retriever {
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
        UserContext user = users.context(request.userId());
        if (user.embedding().isEmpty() || index.size() == 0) {
            return List.of();
        }
        // Over-fetch for the seen items that will be skipped, but bounded: a beam of thousands costs more than it
        // finds.
        int k = (2 * budget + Math.min(user.seenCount(), 200))
                * (request.genre().isPresent() ? 3 : 1);
        List<Candidate> out = new ArrayList<>();
        for (VectorIndex.Hit hit : index.search(user.embedding().get(), k)) {
            if (out.size() >= budget) {
                break;
            }
            if (Eligibility.eligible(hit.itemId(), request, user, catalog)) {
                out.add(new Candidate(hit.itemId(), NAME, hit.score(), "close to your taste profile"));
            }
        }
        return out;
    }
}
