package dev.wren.serving.recall;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.Retriever;
import dev.wren.core.recommend.UserView;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.CoOccurrence;
import java.util.List;

/** Items liked together with the user's recent positives (item-CF by co-occurrence). Thread-safe. */
public final class ItemCfRetriever implements Retriever<UserView> {
    public static final String NAME = "item-cf";
    private static final int SEEDS = 10;

    private final Catalog catalog;
    private final CoOccurrence coOccurrence;
    private final double decay;

    public ItemCfRetriever(Catalog catalog, CoOccurrence coOccurrence, double decay) {
        this.catalog = catalog;
        this.coOccurrence = coOccurrence;
        this.decay = decay;
    }

    @Override
    public List<Candidate> retrieve(RequestContext<? extends UserView> context, int budget) {
        RecommendRequest request = context.request();
        UserView user = context.user();
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
