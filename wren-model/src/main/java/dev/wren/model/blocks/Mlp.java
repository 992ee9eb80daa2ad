package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/** Dense layers with ReLU and dropout after each; the last hidden width is the output width. */
final class Mlp extends FixedShapeBlock {
    private final List<Dense> layers = new ArrayList<>();
    private final float dropout;
    private final long out;

    Mlp(long in, List<Integer> hidden, float dropout) {
        if (hidden.isEmpty()) {
            throw new IllegalArgumentException("an MLP needs at least one hidden layer");
        }
        this.dropout = dropout;
        long width = in;
        for (int i = 0; i < hidden.size(); i++) {
            layers.add(addChildBlock("dense" + i, new Dense(width, hidden.get(i))));
            width = hidden.get(i);
        }
        this.out = width;
    }

    @Override
    long outputWidth() {
        return out;
    }

    /** The dense layers, input first. */
    List<Dense> layers() {
        return List.copyOf(layers);
    }

    NDArray apply(ParameterStore store, NDArray x, boolean training) {
        return forward(store, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        for (Dense layer : layers) {
            x = Activation.relu(layer.forward(store, new NDList(x), training).singletonOrThrow());
            if (dropout > 0) {
                x = Dropout.dropout(x, dropout, training).singletonOrThrow();
            }
        }
        return new NDList(x);
    }
}
