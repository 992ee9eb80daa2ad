package dev.wren.serving.recall;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.Retriever;
import dev.wren.core.recommend.UserView;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.VectorIndex;
import java.util.List;

/** Nearest neighbours, in the item embedding space, of the user's recent positives (ANN search). Thread-safe. */
public final class ItemEmbeddingRetriever implements Retriever<UserView> {
    public static final String NAME = "item-embedding";
    private static final int SEEDS = 5;

    private final Catalog catalog;
    private final VectorIndex index;
    private final double decay;

    public ItemEmbeddingRetriever(Catalog catalog, VectorIndex index, double decay) {
        this.catalog = catalog;
        this.index = index;
        this.decay = decay;
    }

    @Override
    public List<Candidate> retrieve(RequestContext<? extends UserView> context, int budget) {
        RecommendRequest request = context.request();
        UserView user = context.user();
        if (index.size() == 0) {
            return List.of();
        }
        List<Integer> seeds = user.recentPositives()
                .subList(0, Math.min(SEEDS, user.recentPositives().size()));
        int k = Math.max(
                10, budget / Math.max(1, seeds.size()) * (request.genre().isPresent() ? 4 : 2));
        Votes votes = new Votes();
        double weight = 1;
        for (int liked : seeds) {
            // The seed's precomputed neighbour list covers the usual depth; a deeper ask (a genre filter over a
            // large budget) searches the index.
            List<VectorIndex.Hit> hits = k <= VectorIndex.NEIGHBOURS
                    ? index.neighbours(liked)
                    : index.vector(liked)
                            .map(v -> index.search(v, k + 1, id -> id != liked))
                            .orElse(List.of());
            int taken = 0;
            for (int i = 0; i < hits.size() && taken < k; i++) {
                VectorIndex.Hit hit = hits.get(i);
                taken++;
                if (Eligibility.eligible(hit.itemId(), request, user, catalog)) {
                    votes.add(hit.itemId(), weight * Math.max(0, hit.score()), liked);
                }
            }
            weight *= decay;
        }
        return votes.top(NAME, budget, catalog);
    }
}
