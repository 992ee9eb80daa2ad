package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import dev.wren.model.data.FeatureLayout;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The linear (wide) part: one weight per categorical value and per crossed value, a weight per numeric field, and a
 * bias. On its own it is logistic regression.
 */
final class WidePart extends RankingBlock {
    private final List<Cross> crosses;
    private final EmbeddingTable weights;
    private final Dense numericWeights;
    private final Parameter bias;

    WidePart(FeatureLayout layout, List<Cross> crosses) {
        super(layout);
        this.crosses = List.copyOf(crosses);
        long[] sizes = LongStream.concat(
                        LongStream.of(vocabularySizes(layout)), crosses.stream().mapToLong(c -> c.size(layout)))
                .toArray();
        this.weights = addChildBlock("weights", new EmbeddingTable(sizes, 1));
        this.numericWeights =
                layout.numericCount() > 0 ? addChildBlock("numeric", new Dense(layout.numericCount(), 1)) : null;
        this.bias = parameter("bias", new Shape(1), Initializer.ZEROS);
    }

    /** Whether it has crossed features (then it does not split into user and item shares). */
    boolean hasCrosses() {
        return !crosses.isEmpty();
    }

    EmbeddingTable weights() {
        return weights;
    }

    /** The numeric fields' weights and bias; null without numeric fields. */
    Dense numericWeights() {
        return numericWeights;
    }

    float bias() {
        return bias.getArray().getFloat(0);
    }

    @Override
    NDList run(ParameterStore store, Inputs in, boolean training) {
        NDArray indices = in.categorical();
        if (!crosses.isEmpty()) {
            indices = NDArrays.concat(new NDList(indices, Tensors.crossIndices(in.categorical(), layout, crosses)), 1);
        }
        NDArray logit = weights.embedAll(store, indices, training).sum(new int[] {1});
        if (numericWeights != null) {
            logit = logit.add(numericWeights
                    .forward(store, new NDList(in.numeric()), training)
                    .singletonOrThrow());
        }
        return new NDList(logit.add(value(store, bias, logit, training)));
    }
}
