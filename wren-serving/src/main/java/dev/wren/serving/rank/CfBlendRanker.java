package dev.wren.serving.rank;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.Ranker;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.TopK;
import dev.wren.serving.pipeline.UserContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Ranks candidates by a weighted sum of their standardised EASE and ALS scores ({@link CfScores}): two collaborative
 * filters that err differently do better together than either alone. Thread-safe.
 */
public final class CfBlendRanker implements Ranker<UserContext> {
    public static final String NAME = "cf";

    private final Catalog catalog;
    private final double easeWeight;

    /** @param easeWeight EASE's weight, ALS's is 1 - easeWeight */
    public CfBlendRanker(Catalog catalog, double easeWeight) {
        this.catalog = catalog;
        this.easeWeight = easeWeight;
    }

    @Override
    public List<ScoredItem> rank(RequestContext<? extends UserContext> context, List<Candidate> candidates) {
        UserContext user = context.user();
        int n = candidates.size();
        CfScores cf = CfScores.of(catalog, user, candidates);
        int[] ids = new int[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = candidates.get(i).itemId();
            // A user the filters know nothing about keeps recall's order: the fallback channels' popularity and genre
            // picks, not ties broken by item id.
            scores[i] =
                    cf.signal() ? cf.blend(i, easeWeight) : candidates.get(i).recallScore();
        }
        List<ScoredItem> out = new ArrayList<>(n);
        for (int i : TopK.order(scores, ids, n)) {
            Candidate c = candidates.get(i);
            out.add(new ScoredItem(c.itemId(), scores[i], c.channel(), c.reason()));
        }
        return out;
    }

    /** EASE's weight in the blend. */
    public double easeWeight() {
        return easeWeight;
    }
}
