package dev.wren.model.report;

import dev.wren.model.data.SampleSource;
import dev.wren.model.eval.BatchScoring;
import dev.wren.model.eval.BinaryMetrics;
import dev.wren.model.eval.Metrics;
import java.util.OptionalLong;

/**
 * A model's metrics on a test source with its ROC curve. Streams the source batch by batch; holds one score, label
 * and group per sample.
 *
 * @param metrics ROC-AUC, PR-AUC, log loss, accuracy, group AUC
 * @param roc the ROC curve
 */
public record TestEvaluation(Metrics metrics, Curve roc) {
    private static final int BATCH = 2048;

    public static TestEvaluation of(BatchScoring scoring, SampleSource source) {
        int n = Math.toIntExact(source.size());
        double[] scores = new double[n];
        double[] labels = new double[n];
        long[] groups = new long[n];
        int[] at = {0};
        try (var batches = source.batches(BATCH, OptionalLong.empty())) {
            batches.forEach(batch -> {
                float[] p = scoring.score(batch);
                for (int i = 0; i < p.length; i++) {
                    if (at[0] >= n) {
                        throw new IllegalStateException("the source yielded more than its size " + n);
                    }
                    scores[at[0]] = p[i];
                    labels[at[0]] = batch.labels()[i];
                    groups[at[0]] = batch.groups()[i];
                    at[0]++;
                }
            });
        }
        if (at[0] != n) {
            throw new IllegalStateException("the source yielded " + at[0] + " samples, not its size " + n);
        }
        return new TestEvaluation(BinaryMetrics.compute(scores, labels, groups), Curve.roc(scores, labels));
    }
}
