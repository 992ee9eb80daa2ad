package dev.wren.eval.baseline;

import dev.wren.eval.data.TrainingData;
import dev.wren.offline.cf.Ease;
import java.util.Arrays;

/**
 * EASE over the items with at least {@code minCount} training interactions, at most {@code maxItems} of them, the most
 * interacted-with (the others score lowest, in popularity order among themselves, which never matters within the first
 * hundred places). The cap bounds the dense inversion: n squared memory, n cubed time. Thread-safe after construction.
 */
public final class EaseRecommender implements TopKRecommender {
    private final TrainingData data;
    private final Ease ease;
    /** Catalogue slot -> EASE index, or -1. */
    private final int[] index;
    /** EASE index -> catalogue slot. */
    private final int[] slots;

    private final double lambda;
    private final double dropout;

    public EaseRecommender(TrainingData data, double lambda, int minCount, int maxItems) {
        this(data, lambda, 0, minCount, maxItems);
    }

    /** @param dropout EDLAE's dropout probability (see {@link Ease}); 0 is plain EASE */
    public EaseRecommender(TrainingData data, double lambda, double dropout, int minCount, int maxItems) {
        this.data = data;
        this.lambda = lambda;
        this.dropout = dropout;
        int n = data.items().size();
        this.index = new int[n];
        int m = 0;
        for (int s = 0; s < n; s++) {
            // Popularity ranks order by count, so the items above minCount hold the first ranks.
            index[s] = data.count(s) >= minCount && data.popularityRank(s) <= maxItems ? m++ : -1;
        }
        this.slots = new int[m];
        for (int s = 0; s < n; s++) {
            if (index[s] >= 0) {
                slots[index[s]] = s;
            }
        }
        int users = data.users().userCount();
        int[][] histories = new int[users][];
        for (int u = 0; u < users; u++) {
            histories[u] = Arrays.stream(data.slotsOf(u))
                    .map(s -> index[s])
                    .filter(i -> i >= 0)
                    .toArray();
        }
        this.ease = Ease.fit(histories, m, lambda, dropout);
    }

    @Override
    public String name() {
        return dropout > 0 ? "EDLAE" : "EASE";
    }

    /** The L2 weight it was fitted with. */
    public double lambda() {
        return lambda;
    }

    /** The dropout probability it was fitted with: 0 for plain EASE. */
    public double dropout() {
        return dropout;
    }

    @Override
    public int[] recommend(int userId, int k) {
        float[] scores = scores(userId);
        // Items outside the model sit below every modelled item, most popular first.
        float floor = Float.POSITIVE_INFINITY;
        for (int s = 0; s < scores.length; s++) {
            if (index[s] >= 0) {
                floor = Math.min(floor, scores[s]);
            }
        }
        floor = Float.isInfinite(floor) ? 0 : floor - 1;
        for (int s = 0; s < scores.length; s++) {
            if (index[s] < 0) {
                scores[s] = floor - (float) data.popularityRank(s) / scores.length;
            }
        }
        return SlotScores.best(scores, data.slotsOfUser(userId), k, data);
    }

    /** The user's score for every catalogue slot: 0 for items outside the model, as serving scores them. */
    float[] scores(int userId) {
        float[] inner = new float[ease.size()];
        for (int s : data.slotsOfUser(userId)) {
            if (index[s] >= 0) {
                ease.addRow(index[s], inner);
            }
        }
        float[] scores = new float[data.items().size()];
        for (int s = 0; s < scores.length; s++) {
            scores[s] = index[s] >= 0 ? inner[index[s]] : 0;
        }
        return scores;
    }
}
