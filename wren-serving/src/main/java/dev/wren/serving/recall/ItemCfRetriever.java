package dev.wren.serving.recall;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.CoOccurrence;
import dev.wren.serving.pipeline.Contextual;
import dev.wren.serving.pipeline.UserContext;
import dev.wren.serving.pipeline.UserContexts;
import java.util.List;

/** Items liked together with the user's recent positives (item-CF by co-occurrence). Thread-safe. */
public final class ItemCfRetriever implements Contextual.Retriever {
    public static final String NAME = "item-cf";
    private static final int SEEDS = 10;

    private final Catalog catalog;
    private final CoOccurrence coOccurrence;
    private final UserContexts users;
    private final double decay;

    public ItemCfRetriever(Catalog catalog, CoOccurrence coOccurrence, UserContexts users, double decay) {
        this.catalog = catalog;
        this.coOccurrence = coOccurrence;
        this.users = users;
        this.decay = decay;
    }

    @Override
    public List<Candidate> retrieve(RecommendRequest request, int budget) {
        return retrieve(request, users.context(request.userId()), budget);
    }

    @Override
    public List<Candidate> retrieve(RecommendRequest request, UserContext user, int budget) {
        Votes votes = new Votes();
        double weight = 1;
        for (int liked : user.recentPositives()
                .subList(0, Math.min(SEEDS, user.recentPositives().size()))) {
            for (CoOccurrence.Neighbour n : coOccurrence.neighbours(liked)) {
                if (Eligibility.eligible(n.itemId(), request, user, catalog)) {
                    votes.add(n.itemId(), weight * n.score(), liked);
                }
            }
            weight *= decay;
        }
        return votes.top(NAME, budget, catalog);
    }
}
