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

    /**
     * A batch converted to the model inputs' element types, not yet tensors: training prepares the next batches on
     * another thread while the current one trains.
     *
     * @param size samples
     * @param categorical (B, F) indices
     * @param numeric (B, N) scaled numerics
     * @param sequence (B, L) item ids
     * @param mask (B, L) 1 where the sequence has an item
     * @param labels (B) labels
     */
    public record Prepared(
            int size, long[] categorical, float[] numeric, long[] sequence, float[] mask, float[] labels) {}

    /** Converts a batch to the inputs' element types; pure Java, so any thread may do it. */
    public Prepared prepare(SampleBatch batch) {
        int m = layout.numericCount();
        float[] raw = batch.numeric();
        float[] numeric = new float[raw.length];
        for (int i = 0, j = 0; i < raw.length; i++, j = j + 1 == m ? 0 : j + 1) {
            numeric[i] = (raw[i] - means[j]) * inverseDeviations[j];
        }
        int[] ids = batch.sequence();
        long[] sequence = new long[ids.length];
        float[] mask = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            sequence[i] = ids[i];
            mask[i] = ids[i] > 0 ? 1f : 0f;
        }
        return new Prepared(batch.size(), toLong(batch.categorical()), numeric, sequence, mask, batch.labels());
    }

    /** The four model inputs: categorical (B, F) int64, scaled numerics (B, N), sequence (B, L) int64, mask (B, L). */
    public NDList toInputs(NDManager manager, SampleBatch batch) {
        return toInputs(manager, prepare(batch));
    }

    /** The four model inputs of a prepared batch. */
    public NDList toInputs(NDManager manager, Prepared batch) {
        int b = batch.size();
        int l = layout.sequenceLength();
        return new NDList(
                manager.create(batch.categorical(), new Shape(b, layout.categoricalCount())),
                manager.create(batch.numeric(), new Shape(b, layout.numericCount())),
                manager.create(batch.sequence(), new Shape(b, l)),
                manager.create(batch.mask(), new Shape(b, l)));
    }

    /** The labels as (B, 1) float32. */
    public NDArray labels(NDManager manager, SampleBatch batch) {
        return manager.create(batch.labels(), new Shape(batch.size(), 1));
    }

    /** The labels of a prepared batch as (B, 1) float32. */
    public NDArray labels(NDManager manager, Prepared batch) {
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
