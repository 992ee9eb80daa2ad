package dev.wren.model.eval;

import dev.wren.model.data.SampleBatch;

/**
 * The no-model floor: the item's average rating plus the user's average rating, squashed to (0, 1) around a sum of
 * 7 (3.5 + 3.5, the positive threshold). Ranking measures do not depend on the squashing; log loss and accuracy of
 * this floor reflect that arbitrary calibration.
 */
public final class AverageRatingBaseline implements BatchScoring {
    private final int itemAverageColumn;
    private final int userAverageColumn;
    private final int numericCount;

    public AverageRatingBaseline(int itemAverageColumn, int userAverageColumn, int numericCount) {
        this.itemAverageColumn = itemAverageColumn;
        this.userAverageColumn = userAverageColumn;
        this.numericCount = numericCount;
    }

    @Override
    public float[] score(SampleBatch batch) {
        float[] scores = new float[batch.size()];
        for (int i = 0; i < scores.length; i++) {
            double sum = batch.numeric()[i * numericCount + itemAverageColumn]
                    + batch.numeric()[i * numericCount + userAverageColumn];
            scores[i] = (float) (1 / (1 + Math.exp(-(sum - 7.0))));
        }
        return scores;
    }
}
