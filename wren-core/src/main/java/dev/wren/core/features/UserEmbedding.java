package dev.wren.core.features;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A user's embedding: the mean of the item vectors of the user's positives, each weighted {@code 0.5^(age /
 * half-life)}. Ages are measured from the newest positive; any later reference moment scales every weight by the same
 * factor, which the mean cancels, so the offline pipeline (which measures from the end of the log) computes the same
 * vector. Stateless.
 */
public final class UserEmbedding {
    private UserEmbedding() {}

    /**
     * @param positives the user's positives, any order
     * @param vectors an item's vector, or null when it has none
     * @return empty when no positive has a vector
     */
    public static Optional<float[]> of(
            List<Interaction> positives, IntFunction<float[]> vectors, int dimension, double halfLifeDays) {
        long newest = Long.MIN_VALUE;
        for (Interaction p : positives) {
            newest = Math.max(newest, p.timestamp());
        }
        double halfLifeSeconds = halfLifeDays * 86_400;
        double[] sum = new double[dimension];
        double total = 0;
        for (Interaction p : positives) {
            float[] v = vectors.apply(p.itemId());
            if (v == null || v.length != dimension) {
                continue;
            }
            double w = Math.pow(0.5, (newest - p.timestamp()) / halfLifeSeconds);
            for (int d = 0; d < dimension; d++) {
                sum[d] += w * v[d];
            }
            total += w;
        }
        if (total == 0) {
            return Optional.empty();
        }
        float[] out = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            out[d] = (float) (sum[d] / total);
        }
        return Optional.of(out);
    }
}
