package dev.wren.serving.recall;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.Retriever;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.VectorIndex;
import dev.wren.serving.pipeline.UserContext;
import dev.wren.serving.pipeline.UserContexts;
import java.util.List;
import java.util.Optional;

/** Nearest neighbours, in the item embedding space, of the user's recent positives (ANN search). Thread-safe. */
public final class ItemEmbeddingRetriever implements Retriever {
    public static final String NAME = "item-embedding";
    private static final int SEEDS = 5;

    private final Catalog catalog;
    private final VectorIndex index;
    private final UserContexts users;
    private final double decay;

    public ItemEmbeddingRetriever(Catalog catalog, VectorIndex index, UserContexts users, double decay) {
        this.catalog = catalog;
        this.index = index;
        this.users = users;
        this.decay = decay;
    }

    @Override
    public List<Candidate> retrieve(RecommendRequest request, int budget) {
        if (index.size() == 0) {
            return List.of();
        }
        UserContext user = users.context(request.userId());
        List<Integer> seeds = user.recentPositives()
                .subList(0, Math.min(SEEDS, user.recentPositives().size()));
        int k = Math.max(
                10, budget / Math.max(1, seeds.size()) * (request.genre().isPresent() ? 4 : 2));
        Votes votes = new Votes();
        double weight = 1;
        for (int liked : seeds) {
            Optional<float[]> v = index.vector(liked);
            if (v.isPresent()) {
                for (VectorIndex.Hit hit : index.search(v.get(), k + 1)) {
                    if (hit.itemId() != liked && Eligibility.eligible(hit.itemId(), request, user, catalog)) {
                        votes.add(hit.itemId(), weight * Math.max(0, hit.score()), liked);
                    }
                }
            }
            weight *= decay;
        }
        return votes.top(NAME, budget, catalog);
    }
}
