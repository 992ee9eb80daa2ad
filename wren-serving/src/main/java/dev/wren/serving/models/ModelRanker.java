package dev.wren.serving.models;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.Ranker;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.core.recommend.UserView;
import dev.wren.core.store.Features;
import dev.wren.model.serve.Scorer;
import dev.wren.serving.data.TopK;
import java.util.ArrayList;
import java.util.List;

/**
 * Ranks a request's candidates by a trained model's click probability: the user's store row, from the request's
 * context, is encoded once, the candidates' features were encoded at load, and all candidates are scored in one batched
 * call. When the store could not be read for this request the model has no user to score for, and the fallback ranker
 * (the blend ranker) ranks instead; the request is degraded already. Thread-safe (the scorer pools its predictors).
 */
public final class ModelRanker implements Ranker<UserView> {
    /** The ranker's registered name: the models folder's best ranking bundle, or the blend ranker without one. */
    public static final String NAME = "model";

    private final ServingModels.Encoded model;
    private final Ranker<UserView> fallback;
    /** The users encoded and prepared for the scorer: that work is per user and row, not per request. */
    private final UserRowCache<Scorer.PreparedUser> users = new UserRowCache<>(USERS_KEPT);

    /** How many users' prepared rows are kept: about 2 KB each, so some 30 MB when full. */
    static final int USERS_KEPT = 16_384;

    /** @param fallback ranks for requests whose store read failed */
    public ModelRanker(ServingModels.Encoded model, Ranker<UserView> fallback) {
        this.model = model;
        this.fallback = fallback;
    }

    @Override
    public List<ScoredItem> rank(RequestContext<? extends UserView> context, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        if (!context.user().storeHealthy()) {
            return fallback.rank(context, candidates);
        }
        Features row = context.user().storeRow().orElse(Features.empty());
        int userId = context.user().userId();
        Scorer.PreparedUser user = users.get(userId, row, r -> model.bundle()
                .scorer()
                .prepare(model.bundle().encoder().user(userId, r)));
        Scorer.PackedItem[] items = new Scorer.PackedItem[candidates.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = model.packed(candidates.get(i).itemId());
        }
        float[] scores = model.bundle().scorer().score(user, items);
        int n = scores.length;
        double[] widened = new double[n];
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            widened[i] = scores[i];
            ids[i] = candidates.get(i).itemId();
        }
        List<ScoredItem> out = new ArrayList<>(n);
        for (int i : TopK.order(widened, ids, n)) {
            Candidate c = candidates.get(i);
            out.add(new ScoredItem(c.itemId(), widened[i], c.channel(), c.reason()));
        }
        return out;
    }

    /** The bundle ranking, e.g. {@code deepfm/v2}. */
    public String bundle() {
        return model.bundle().label();
    }
}
