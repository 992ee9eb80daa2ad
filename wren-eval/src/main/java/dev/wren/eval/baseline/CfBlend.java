package dev.wren.eval.baseline;

import dev.wren.eval.data.TrainingData;
import java.util.Arrays;

/**
 * EASE and ALS together, as serving's {@code cf} ranker blends them: each model's scores standardised over the items
 * the user has not seen, then weighted. Used on validation to choose the weight and the ALS setting that blend best,
 * which need not be the setting that is best alone. Thread-safe.
 */
public final class CfBlend implements TopKRecommender {
    private final TrainingData data;
    private final EaseRecommender ease;
    private final AlsRecommender als;
    private final double easeWeight;

    public CfBlend(TrainingData data, EaseRecommender ease, AlsRecommender als, double easeWeight) {
        this.data = data;
        this.ease = ease;
        this.als = als;
        this.easeWeight = easeWeight;
    }

    @Override
    public String name() {
        return "EASE+ALS";
    }

    @Override
    public int[] recommend(int userId, int k) {
        int[] seen = data.slotsOfUser(userId);
        float[] e = ease.scores(userId);
        float[] a = als.scores(userId);
        standardise(e, seen);
        standardise(a, seen);
        float[] blend = new float[e.length];
        for (int s = 0; s < blend.length; s++) {
            blend[s] = (float) (easeWeight * e[s] + (1 - easeWeight) * a[s]);
        }
        return SlotScores.best(blend, seen, k, data);
    }

    /**
     * In place, over the slots not in {@code seen} (sorted) that have a score; a slot without one (NaN) takes the
     * lowest score, as serving's ranker gives it.
     */
    private static void standardise(float[] x, int[] seen) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        float min = Float.POSITIVE_INFINITY;
        for (int s = 0; s < x.length; s++) {
            if (!Float.isNaN(x[s])) {
                min = Math.min(min, x[s]);
            }
            if (!Float.isNaN(x[s]) && Arrays.binarySearch(seen, s) < 0) {
                sum += x[s];
                squares += (double) x[s] * x[s];
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double sd = n == 0 ? 0 : Math.sqrt(Math.max(0, squares / n - mean * mean));
        for (int s = 0; s < x.length; s++) {
            float v = Float.isNaN(x[s]) ? (Float.isInfinite(min) ? 0 : min) : x[s];
            x[s] = sd > 0 ? (float) ((v - mean) / sd) : 0;
        }
    }
}
