package dev.wren.eval.baseline;

import dev.wren.eval.data.TrainingData;
import dev.wren.serving.data.TopK;
import java.util.Arrays;

/** Picks a user's best unseen items from a dense score per catalogue slot. Stateless. */
final class SlotScores {
    private SlotScores() {}

    /**
     * The best {@code k} item ids by score, the user's own slots left out; ties go to the smaller item id.
     *
     * @param seen the user's item slots, sorted
     */
    static int[] best(float[] scores, int[] seen, int k, TrainingData data) {
        int n = scores.length;
        double[] s = new double[n];
        int[] ids = new int[n];
        int m = 0;
        for (int slot = 0; slot < n; slot++) {
            if (Arrays.binarySearch(seen, slot) < 0) {
                s[m] = scores[slot];
                ids[m] = data.items().id(slot);
                m++;
            }
        }
        int[] best = TopK.best(s, ids, m, k);
        int[] out = new int[best.length];
        for (int i = 0; i < best.length; i++) {
            out[i] = ids[best[i]];
        }
        return out;
    }
}
