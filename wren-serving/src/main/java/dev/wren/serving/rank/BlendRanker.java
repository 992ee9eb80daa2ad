package dev.wren.serving.rank;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.Ranker;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.core.recommend.UserView;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.ItemStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A model-free ranker: a weighted sum of the recall score (divided by the best; the merger's fused scores are
 * comparable across channels), the item's Bayesian average rating (on a 0..1 scale) and its popularity (log count over the
 * log of the largest count). With zero rating and popularity weights it keeps recall's order. Thread-safe.
 */
public final class BlendRanker implements Ranker<UserView> {
    public static final String NAME = "blend";
    public static final String RECALL_ONLY = "recall";

    private final Catalog catalog;
    private final double recallWeight;
    private final double ratingWeight;
    private final double popularityWeight;
    private final double logMaxCount;

    public BlendRanker(Catalog catalog, double recallWeight, double ratingWeight, double popularityWeight) {
        this.catalog = catalog;
        this.recallWeight = recallWeight;
        this.ratingWeight = ratingWeight;
        this.popularityWeight = popularityWeight;
        int max = catalog.byPopularity().isEmpty()
                ? 1
                : catalog.stats(catalog.byPopularity().get(0)).count();
        this.logMaxCount = Math.log1p(Math.max(1, max));
    }

    /** The default weights: recall 0.5, rating 0.3, popularity 0.2. */
    public static BlendRanker standard(Catalog catalog) {
        return new BlendRanker(catalog, 0.5, 0.3, 0.2);
    }

    @Override
    public List<ScoredItem> rank(RequestContext<? extends UserView> context, List<Candidate> candidates) {
        double max = 0;
        for (Candidate c : candidates) {
            max = Math.max(max, Math.abs(c.recallScore()));
        }
        List<ScoredItem> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            double recall = max > 0 ? c.recallScore() / max : 0;
            ItemStats s = catalog.stats(c.itemId());
            double score = recallWeight * recall
                    + ratingWeight * s.bayesian() / 5.0
                    + popularityWeight * Math.log1p(s.count()) / logMaxCount;
            out.add(new ScoredItem(c.itemId(), score, c.channel(), c.reason()));
        }
        out.sort(Comparator.comparingDouble(ScoredItem::score).reversed().thenComparingInt(ScoredItem::itemId));
        return out;
    }
}
