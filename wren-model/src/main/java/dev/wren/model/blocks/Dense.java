package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/** A fully connected layer with known input width; applies to the last axis of any rank. */
final class Dense extends FixedShapeBlock {
    private final long out;
    private final Parameter weight;
    private final Parameter bias;

    Dense(long in, long out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("dense layer needs positive widths, got " + in + " -> " + out);
        }
        this.out = out;
        this.weight = parameter("weight", new Shape(out, in), new XavierInitializer());
        this.bias = parameter("bias", new Shape(out), Initializer.ZEROS);
    }

    @Override
    long outputWidth() {
        return out;
    }

    /** A copy of the weight matrix, row-major (out x in). */
    float[] weights() {
        return weight.getArray().toFloatArray();
    }

    /** The live weight array (out x in): for inference only, never modify it. */
    NDArray weightArray() {
        return weight.getArray();
    }

    /** The live bias array (out): for inference only, never modify it. */
    NDArray biasArray() {
        return bias.getArray();
    }

    /** A copy of the bias (out). */
    float[] biases() {
        return bias.getArray().toFloatArray();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        var x = inputs.singletonOrThrow();
        return Linear.linear(x, value(store, weight, x, training), value(store, bias, x, training));
    }
}
