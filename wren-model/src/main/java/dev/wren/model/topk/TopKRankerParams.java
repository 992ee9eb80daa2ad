package dev.wren.model.topk;

import java.util.List;

/**
 * How {@link TopKRankerTrainer} fits a ranker.
 *
 * @param hidden widths of the MLP's hidden ReLU layers, input side first; empty for a linear model (the linear
 *     skip alone)
 * @param learningRate Adam's fixed learning rate
 * @param epochs the most passes over the training rows
 * @param batchSize rows per gradient step
 * @param patience epochs without a better validation NDCG@10 before training stops
 * @param validationShare share of the groups (whole users) held out for validation and early stopping, in (0, 1)
 * @param seed fixes the validation split, each epoch's shuffle and the initial weights
 */
public record TopKRankerParams(
        List<Integer> hidden,
        float learningRate,
        int epochs,
        int batchSize,
        int patience,
        float validationShare,
        long seed) {

    public TopKRankerParams {
        if (hidden == null) {
            throw new IllegalArgumentException("hidden must not be null; use an empty list for a linear model");
        }
        for (int i = 0; i < hidden.size(); i++) {
            Integer width = hidden.get(i);
            if (width == null || width < 1) {
                throw new IllegalArgumentException("hidden layer " + i + " must have a positive width, got " + width);
            }
        }
        hidden = List.copyOf(hidden);
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1, got " + patience);
        }
        if (!(validationShare > 0 && validationShare < 1)) {
            throw new IllegalArgumentException(
                    "validationShare must be strictly between 0 and 1, got " + validationShare);
        }
    }

    /**
     * Hidden [32, 16], Adam at 1e-2, at most 30 epochs of batches of 512, patience 3, 10 % of users held out, seed
     * 42. The learning rate is Adam's usual 1e-3 times ten because the network is tiny and a few hundred users give
     * only a few dozen steps an epoch: at 1e-3 the MLP is still learning the base rate when early stopping ends it,
     * and never gets past what the best single feature does.
     */
    public static TopKRankerParams defaults() {
        return new TopKRankerParams(List.of(32, 16), 1e-2f, 30, 512, 3, 0.1f, 42);
    }

    public TopKRankerParams withHidden(List<Integer> widths) {
        return new TopKRankerParams(widths, learningRate, epochs, batchSize, patience, validationShare, seed);
    }

    public TopKRankerParams withLearningRate(float rate) {
        return new TopKRankerParams(hidden, rate, epochs, batchSize, patience, validationShare, seed);
    }

    public TopKRankerParams withEpochs(int maxEpochs, int epochsWithoutGain) {
        return new TopKRankerParams(
                hidden, learningRate, maxEpochs, batchSize, epochsWithoutGain, validationShare, seed);
    }

    public TopKRankerParams withBatchSize(int rows) {
        return new TopKRankerParams(hidden, learningRate, epochs, rows, patience, validationShare, seed);
    }

    public TopKRankerParams withSeed(long newSeed) {
        return new TopKRankerParams(hidden, learningRate, epochs, batchSize, patience, validationShare, newSeed);
    }
}
