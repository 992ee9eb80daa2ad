package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.NumericScaling;
import dev.wren.model.data.SampleBatch;

/**
 * The one feature-to-tensor conversion: training calls {@link #toInputs}, serving uses this as the predictor's
 * translator, so scaling and padding cannot drift between the two. Thread-safe: immutable.
 */
public final class FeatureTranslator implements NoBatchifyTranslator<SampleBatch, float[]> {
    private final FeatureLayout layout;
    private final float[] means;
    private final float[] inverseDeviations;

    public FeatureTranslator(FeatureLayout layout, NumericScaling scaling) {
        if (scaling.means().size() != layout.numericCount()) {
            throw new IllegalArgumentException(
                    "scaling has " + scaling.means().size() + " numeric fields, layout has " + layout.numericCount());
        }
        this.layout = layout;
        this.means = scaling.floatMeans();
        this.inverseDeviations = scaling.inverseDeviations();
    }

    public FeatureLayout layout() {
        return layout;
    }

    /** The four model inputs: categorical (B, F) int64, scaled numerics (B, N), sequence (B, L) int64, mask (B, L). */
    public NDList toInputs(NDManager manager, SampleBatch batch) {
        int b = batch.size();
        int l = layout.sequenceLength();
        int m = layout.numericCount();
        NDArray categorical = manager.create(toLong(batch.categorical()), new Shape(b, layout.categoricalCount()));
        float[] raw = batch.numeric();
        float[] numeric = new float[raw.length];
        for (int i = 0, j = 0; i < raw.length; i++, j = j + 1 == m ? 0 : j + 1) {
            numeric[i] = (raw[i] - means[j]) * inverseDeviations[j];
        }
        NDArray numerics = manager.create(numeric, new Shape(b, m));
        int[] ids = batch.sequence();
        long[] sequence = new long[ids.length];
        float[] mask = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            sequence[i] = ids[i];
            mask[i] = ids[i] > 0 ? 1f : 0f;
        }
        return new NDList(
                categorical,
                numerics,
                manager.create(sequence, new Shape(b, l)),
                manager.create(mask, new Shape(b, l)));
    }

    /** The labels as (B, 1) float32. */
    public NDArray labels(NDManager manager, SampleBatch batch) {
        return manager.create(batch.labels(), new Shape(batch.size(), 1));
    }

    /** Click probabilities from the model's outputs. */
    public static float[] probabilities(NDList outputs) {
        return Activation.sigmoid(outputs.get(0)).toFloatArray();
    }

    @Override
    public NDList processInput(TranslatorContext ctx, SampleBatch batch) {
        return toInputs(ctx.getNDManager(), batch);
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return probabilities(list);
    }

    private static long[] toLong(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
