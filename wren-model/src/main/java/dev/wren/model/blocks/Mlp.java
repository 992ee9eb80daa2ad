package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/** Dense layers with ReLU and dropout after each; the last hidden width is the output width. */
final class Mlp extends FixedShapeBlock {
    private final List<Dense> layers = new ArrayList<>();
    private final float dropout;
    private final DropoutPool dropoutPool;
    private final long out;

    Mlp(long in, List<Integer> hidden, float dropout) {
        if (hidden.isEmpty()) {
            throw new IllegalArgumentException("an MLP needs at least one hidden layer");
        }
        this.dropout = dropout;
        this.dropoutPool = dropout > 0 ? new DropoutPool(dropout) : null;
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

    private long[] startDropoutPass(NDArray x) {
        long rows = x.size() / x.getShape().get(x.getShape().dimension() - 1);
        long[] needed = new long[layers.size()];
        for (int i = 0; i < needed.length; i++) {
            needed[i] = rows * layers.get(i).outputWidth();
        }
        NDManager owner = layers.get(0).weightArray().getManager();
        return dropoutPool.startPass(owner, x.getManager(), needed);
    }

    /** Frees the dropout pool kept between training passes. */
    void releaseTrainingState() {
        if (dropoutPool != null) {
            dropoutPool.release();
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long[] offsets = training && dropoutPool != null ? startDropoutPass(x) : null;
        for (int i = 0; i < layers.size(); i++) {
            x = Activation.relu(
                    layers.get(i).forward(store, new NDList(x), training).singletonOrThrow());
            if (offsets != null) {
                x = dropoutPool.apply(x, offsets[i]);
            }
        }
        return new NDList(x);
    }
}
