package dev.wren.model.blocks;

import ai.djl.nn.Block;

/**
 * One lazy Adam step for every row-sparse embedding table of a model, with the same constants as DJL's dense Adam
 * (beta1 0.9, beta2 0.999, epsilon 1e-8; weight decay added to the gradient). Call {@link #apply} after each backward
 * pass; the step count drives the bias correction.
 *
 * @param learningRate Adam's step size
 * @param l2 weight decay
 * @param step 1 for the first update, then 2, 3, ...
 */
public record SparseAdam(float learningRate, float l2, long step) {
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;

    public SparseAdam {
        if (step < 1) {
            throw new IllegalArgumentException("step counts from 1, got " + step);
        }
    }

    float firstCorrection() {
        return (float) (1 / (1 - Math.pow(BETA1, step)));
    }

    float secondCorrection() {
        return (float) (1 / (1 - Math.pow(BETA2, step)));
    }

    /** Updates the rows each row-sparse table of the block tree looked up in this step. */
    public void apply(Block root) {
        if (root instanceof EmbeddingTable table) {
            table.sparseStep(this);
        }
        root.getChildren().values().forEach(this::apply);
    }

    /** Frees the tables' optimizer state and the MLPs' dropout pools once training is over. */
    public static void release(Block root) {
        if (root instanceof EmbeddingTable table) {
            table.resetSparseState();
        }
        if (root instanceof Mlp mlp) {
            mlp.releaseTrainingState();
        }
        root.getChildren().values().forEach(SparseAdam::release);
    }
}
