package dev.wren.serving.recall;

import dev.wren.core.model.Item;
import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.Retriever;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.CfModel;
import dev.wren.serving.data.IdSlots;
import dev.wren.serving.data.TopK;
import dev.wren.serving.pipeline.UserContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items EASE scores highest from everything the user interacted with: the sum, over the user's items, of the
 * weights the offline pipeline published for them. Thread-safe.
 */
public final class EaseRetriever implements Retriever<UserContext> {
    public static final String NAME = "ease";

    private final Catalog catalog;

    public EaseRetriever(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Candidate> retrieve(RequestContext<? extends UserContext> context, int budget) {
        RecommendRequest request = context.request();
        UserContext user = context.user();
        CfModel.EaseScores ease = user.easeScores();
        int[] touched = ease.touched();
        double[] scores = new double[touched.length];
        int[] ids = new int[touched.length];
        int[] slots = new int[touched.length];
        int n = 0;
        for (int slot : touched) {
            int id = catalog.idAt(slot);
            if (Eligibility.eligibleAt(slot, id, request, user, catalog)) {
                scores[n] = ease.score(slot);
                ids[n] = id;
                slots[n] = slot;
                n++;
            }
        }
        int[] best = TopK.best(scores, ids, n, budget);
        int[] bestSlots = new int[best.length];
        for (int i = 0; i < best.length; i++) {
            bestSlots[i] = slots[best[i]];
        }
        int[] because = ease.because(bestSlots, user::hasSeenAt);
        Map<Integer, String> reasons = new HashMap<>();
        List<Candidate> out = new ArrayList<>(best.length);
        for (int i = 0; i < best.length; i++) {
            String reason = because[i] != IdSlots.NONE
                    ? reasons.computeIfAbsent(catalog.idAt(because[i]), this::because)
                    : "people with your history watch it";
            out.add(new Candidate(ids[best[i]], NAME, scores[best[i]], reason));
        }
        return out;
    }

    private String because(int itemId) {
        return "because you watched " + catalog.item(itemId).map(Item::title).orElse("#" + itemId);
    }
}
