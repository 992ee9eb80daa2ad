package dev.wren.serving.rank;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.Ranker;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.model.topk.TopKRanker;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.TopK;
import dev.wren.serving.models.ServingModels;
import dev.wren.serving.pipeline.ServingData;
import dev.wren.serving.pipeline.UserContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranks candidates with the learned top-K ranker of the models folder ({@code wren train-ranker}): a small network over
 * {@link CandidateFeatures}, trained to put a user's held-out items first among what recall found for them. Without
 * such a ranker, or with one trained on other features, it ranks as the {@code cf} ranker does; users the filters know
 * nothing about keep recall's order either way. Thread-safe: the ranker's predictors are pooled.
 */
public final class LearnedRanker implements Ranker<UserContext> {
    public static final String NAME = "learned";
    private static final Logger log = LoggerFactory.getLogger(LearnedRanker.class);

    private final Catalog catalog;
    private final CandidateFeatures features;
    private final Optional<TopKRanker> model;
    private final CfBlendRanker fallback;

    LearnedRanker(Catalog catalog, double easeWeight, Optional<TopKRanker> model) {
        this.catalog = catalog;
        this.features = new CandidateFeatures(catalog, easeWeight);
        this.model = model;
        this.fallback = new CfBlendRanker(catalog, easeWeight);
    }

    /** The ranker over one serving state's models. */
    public static LearnedRanker of(ServingData data) {
        Optional<ServingModels.LoadedTopKRanker> loaded = data.models().topK();
        Optional<TopKRanker> model = loaded.map(ServingModels.LoadedTopKRanker::ranker);
        if (model.isPresent() && !Arrays.asList(model.get().featureNames()).equals(CandidateFeatures.NAMES)) {
            log.warn(
                    "{} was trained on features {}, this build computes {}: the 'learned' ranker ranks as 'cf'"
                            + " until it is retrained",
                    loaded.get().label(),
                    Arrays.toString(model.get().featureNames()),
                    CandidateFeatures.NAMES);
            model = Optional.empty();
        }
        return new LearnedRanker(data.catalog(), data.settings().cfBlendWeight(), model);
    }

    /** Whether a trained ranker is in use (otherwise this ranks as the {@code cf} ranker). */
    public boolean trained() {
        return model.isPresent();
    }

    @Override
    public List<ScoredItem> rank(RequestContext<? extends UserContext> context, List<Candidate> candidates) {
        if (model.isEmpty() || candidates.isEmpty()) {
            return fallback.rank(context, candidates);
        }
        UserContext user = context.user();
        CfScores cf = CfScores.of(catalog, user, candidates);
        if (!cf.signal()) {
            return fallback.rank(context, candidates);
        }
        float[] logits = model.get().score(features.rows(user, candidates, cf));
        int n = candidates.size();
        double[] scores = new double[n];
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            scores[i] = logits[i];
            ids[i] = candidates.get(i).itemId();
        }
        List<ScoredItem> out = new ArrayList<>(n);
        for (int i : TopK.order(scores, ids, n)) {
            Candidate c = candidates.get(i);
            out.add(new ScoredItem(c.itemId(), scores[i], c.channel(), c.reason()));
        }
        return out;
    }
}
