package dev.wren.eval.baseline;

import dev.wren.core.eval.TopKAccumulator;
import dev.wren.core.eval.TopKResult;
import dev.wren.eval.TopKEvaluator;
import dev.wren.eval.data.TrainingData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
        return best(e, a, easeWeight, seen, k, data);
    }

    /**
     * {@code validation}'s scores of the blend at each of {@code weights}, as {@link #recommend} ranks: each user's
     * EASE and ALS scores are computed once for all the weights, the costly part of a blend's list.
     */
    public static List<Map<Integer, TopKResult>> evaluate(
            TopKEvaluator validation, EaseRecommender ease, AlsRecommender als, double[] weights) {
        TrainingData data = validation.train();
        List<TopKAccumulator> accumulators =
                Arrays.stream(weights).mapToObj(w -> validation.accumulator()).toList();
        int maxK = accumulators.get(0).maxK();
        Arrays.stream(validation.users()).parallel().forEach(u -> {
            int[] seen = data.slotsOfUser(u);
            float[] e = ease.scores(u);
            float[] a = als.scores(u);
            standardise(e, seen);
            standardise(a, seen);
            for (int i = 0; i < weights.length; i++) {
                validation.add(accumulators.get(i), u, best(e, a, weights[i], seen, maxK, data));
            }
        });
        return accumulators.stream().map(TopKAccumulator::results).toList();
    }

    private static int[] best(float[] e, float[] a, double weight, int[] seen, int k, TrainingData data) {
        float[] blend = new float[e.length];
        for (int s = 0; s < blend.length; s++) {
            blend[s] = (float) (weight * e[s] + (1 - weight) * a[s]);
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
