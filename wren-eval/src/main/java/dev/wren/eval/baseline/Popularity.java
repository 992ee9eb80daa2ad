package dev.wren.eval.baseline;

import dev.wren.eval.data.TrainingData;
import java.util.Arrays;

/** The most interacted-with items in training that the user has not seen. Thread-safe. */
public final class Popularity implements TopKRecommender {
    private final TrainingData data;
    private final int[] bySlotRank;

    public Popularity(TrainingData data) {
        this.data = data;
        this.bySlotRank = new int[data.items().size()];
        for (int s = 0; s < bySlotRank.length; s++) {
            bySlotRank[data.popularityRank(s) - 1] = s;
        }
    }

    @Override
    public String name() {
        return "popularity";
    }

    @Override
    public int[] recommend(int userId, int k) {
        int[] seen = data.slotsOfUser(userId);
        int[] out = new int[k];
        int m = 0;
        for (int i = 0; i < bySlotRank.length && m < k; i++) {
            if (Arrays.binarySearch(seen, bySlotRank[i]) < 0) {
                out[m++] = data.items().id(bySlotRank[i]);
            }
        }
        return Arrays.copyOf(out, m);
    }
}
