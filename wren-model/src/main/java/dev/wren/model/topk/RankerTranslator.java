package dev.wren.model.topk;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * The one conversion of feature rows to the network's input: each column standardised with the training data's mean
 * and deviation. Training calls {@link #toInput}, scoring uses this as the predictors' translator, so the two cannot
 * drift. Outputs are logits. Thread-safe: immutable.
 */
final class RankerTranslator implements NoBatchifyTranslator<float[][], float[]> {
    private final float[] means;
    private final float[] inverseDeviations;

    RankerTranslator(float[] means, float[] deviations) {
        if (means.length != deviations.length) {
            throw new IllegalArgumentException(
                    means.length + " means but " + deviations.length + " deviations; need one of each per feature");
        }
        this.means = means.clone();
        this.inverseDeviations = new float[deviations.length];
        for (int j = 0; j < deviations.length; j++) {
            if (!(deviations[j] > 0) || !Float.isFinite(deviations[j]) || !Float.isFinite(means[j])) {
                throw new IllegalArgumentException("feature " + j + " has mean " + means[j] + " and deviation "
                        + deviations[j] + "; need a finite mean and a positive, finite deviation");
            }
            inverseDeviations[j] = 1f / deviations[j];
        }
    }

    /** The rows standardised, as one (rows, features) float32 array owned by the manager. */
    NDArray toInput(NDManager manager, float[][] rows) {
        int d = means.length;
        float[] flat = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            float[] row = rows[i];
            int offset = i * d;
            for (int j = 0; j < d; j++) {
                flat[offset + j] = (row[j] - means[j]) * inverseDeviations[j];
            }
        }
        return manager.create(flat, new Shape(rows.length, d));
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[][] rows) {
        return new NDList(toInput(ctx.getNDManager(), rows));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.singletonOrThrow().toFloatArray();
    }
}
