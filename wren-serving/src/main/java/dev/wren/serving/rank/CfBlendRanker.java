package dev.wren.serving.rank;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.CfModel;
import dev.wren.serving.data.TopK;
import dev.wren.serving.pipeline.Contextual;
import dev.wren.serving.pipeline.UserContext;
import dev.wren.serving.pipeline.UserContexts;
import java.util.ArrayList;
import java.util.List;

/**
 * Ranks candidates by a weighted sum of their EASE and ALS scores, each standardised over the catalogue items this user
 * has not seen (so that the two scales meet, whichever candidates recall found): two collaborative filters that err
 * differently do better together than either alone. A candidate without ALS factors takes the lowest ALS score among
 * the candidates. Thread-safe.
 */
public final class CfBlendRanker implements Contextual.Ranker {
    public static final String NAME = "cf";

    private final Catalog catalog;
    private final UserContexts users;
    private final double easeWeight;

    /** @param easeWeight EASE's weight, ALS's is 1 - easeWeight */
    public CfBlendRanker(Catalog catalog, UserContexts users, double easeWeight) {
        this.catalog = catalog;
        this.users = users;
        this.easeWeight = easeWeight;
    }

    @Override
    public List<ScoredItem> rank(RecommendRequest request, List<Candidate> candidates) {
        return rank(request, users.context(request.userId()), candidates);
    }

    @Override
    public List<ScoredItem> rank(RecommendRequest request, UserContext user, List<Candidate> candidates) {
        int n = candidates.size();
        double[] ease = new double[n];
        double[] als = new double[n];
        int[] ids = new int[n];
        CfModel.EaseScores easeScores = user.easeScores();
        float[] factors = user.cfFactors().orElse(null);
        double alsMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            ids[i] = candidates.get(i).itemId();
            int slot = catalog.slots().slot(ids[i]);
            ease[i] = slot < 0 ? 0 : easeScores.scores()[slot];
            als[i] = factors == null || slot < 0 ? Double.NaN : user.cf().factorScore(factors, slot);
            if (!Double.isNaN(als[i])) {
                alsMin = Math.min(alsMin, als[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(als[i])) {
                als[i] = Double.isInfinite(alsMin) ? 0 : alsMin;
            }
        }
        int[] seen = user.seenSlots();
        standardise(ease, easeScores.moments(seen));
        standardise(als, factors == null ? new double[] {0, 0} : user.cf().factorScoreMoments(factors, seen));
        // A user the filters know nothing about (a new user, or one whose items they do not model) keeps recall's
        // order: the fallback channels' popularity and genre picks, not ties broken by item id.
        boolean signal = easeScores.touched().length > 0 || factors != null;
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = signal
                    ? easeWeight * ease[i] + (1 - easeWeight) * als[i]
                    : candidates.get(i).recallScore();
        }
        List<ScoredItem> out = new ArrayList<>(n);
        for (int i : TopK.order(scores, ids, n)) {
            Candidate c = candidates.get(i);
            out.add(new ScoredItem(c.itemId(), scores[i], c.channel(), c.reason()));
        }
        return out;
    }

    /** In place: minus the mean, over the standard deviation (all zero when the deviation is). */
    static void standardise(double[] x, double[] meanAndDeviation) {
        double mean = meanAndDeviation[0];
        double sd = meanAndDeviation[1];
        for (int i = 0; i < x.length; i++) {
            x[i] = sd > 0 ? (x[i] - mean) / sd : 0;
        }
    }
}
