package dev.wren.model.learn;

import dev.wren.model.eval.BinaryMetrics;
import java.util.Arrays;

/**
 * Prequential ("test, then train") bookkeeping of two models on one stream: every sample is scored by the model being
 * updated before that model trains on it, and by the frozen starting model; both are judged on the same samples.
 * Keeps every score, so AUC and log loss are exact over the whole stream and over any window of the latest samples.
 * Not thread-safe.
 */
public final class Prequential {
    private float[] live = new float[1024];
    private float[] frozen = new float[1024];
    private float[] labels = new float[1024];
    private int size;

    /**
     * Figures over some samples; AUC is NaN when they hold only one class, log loss NaN when there are none.
     *
     * @param samples how many samples
     * @param positives how many of them are positive
     * @param liveAuc ROC-AUC of the updated model's prequential scores
     * @param frozenAuc ROC-AUC of the frozen model's scores
     * @param liveLogLoss mean log loss of the updated model
     * @param frozenLogLoss mean log loss of the frozen model
     */
    public record Summary(
            long samples, long positives, double liveAuc, double frozenAuc, double liveLogLoss, double frozenLogLoss) {
        /** Whether AUC is defined (both classes present). */
        public boolean bothClasses() {
            return positives > 0 && positives < samples;
        }
    }

    /** Records one chunk's scores, taken before the updated model trained on the chunk. */
    public void add(float[] liveScores, float[] frozenScores, float[] chunkLabels) {
        if (liveScores.length != frozenScores.length || liveScores.length != chunkLabels.length) {
            throw new IllegalArgumentException("scores and labels differ in length: " + liveScores.length + ", "
                    + frozenScores.length + ", " + chunkLabels.length);
        }
        int n = liveScores.length;
        if (size + n > live.length) {
            int capacity = Math.max(size + n, live.length * 2);
            live = Arrays.copyOf(live, capacity);
            frozen = Arrays.copyOf(frozen, capacity);
            labels = Arrays.copyOf(labels, capacity);
        }
        System.arraycopy(liveScores, 0, live, size, n);
        System.arraycopy(frozenScores, 0, frozen, size, n);
        System.arraycopy(chunkLabels, 0, labels, size, n);
        size += n;
    }

    /** Samples recorded. */
    public long count() {
        return size;
    }

    /** Every sample recorded. */
    public Summary total() {
        return summary(0, size);
    }

    /** The latest {@code n} samples (all of them when fewer were recorded). */
    public Summary window(int n) {
        return summary(Math.max(0, size - n), size);
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive), in recording order. */
    public Summary summary(int from, int to) {
        int n = to - from;
        double[] l = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        long positives = 0;
        for (int i = 0; i < n; i++) {
            l[i] = labels[from + i];
            a[i] = live[from + i];
            b[i] = frozen[from + i];
            if (l[i] > 0.5) {
                positives++;
            }
        }
        boolean both = positives > 0 && positives < n;
        return new Summary(
                n,
                positives,
                both ? BinaryMetrics.rocAuc(a, l) : Double.NaN,
                both ? BinaryMetrics.rocAuc(b, l) : Double.NaN,
                n > 0 ? BinaryMetrics.logLoss(a, l) : Double.NaN,
                n > 0 ? BinaryMetrics.logLoss(b, l) : Double.NaN);
    }
}
