package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.wren.model.data.FeatureLayout;

/**
 * Base of every model block: unpacks the four inputs produced by {@link FeatureTranslator} and returns the logit
 * (B, 1) as the first output.
 */
abstract class RankingBlock extends FixedShapeBlock {
    final FeatureLayout layout;

    RankingBlock(FeatureLayout layout) {
        this.layout = layout;
    }

    /** The four model inputs. */
    record Inputs(NDArray categorical, NDArray numeric, NDArray sequence, NDArray mask) {
        boolean hasNumeric() {
            return numeric.getShape().get(1) > 0;
        }
    }

    @Override
    long outputWidth() {
        return 1;
    }

    abstract NDList run(ParameterStore store, Inputs inputs, boolean training);

    @Override
    protected final NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 4) {
            throw new IllegalArgumentException(
                    "model blocks take 4 inputs (categorical, numeric, sequence, mask), got " + inputs.size());
        }
        return run(store, new Inputs(inputs.get(0), inputs.get(1), inputs.get(2), inputs.get(3)), training);
    }

    /** Flattened field embeddings and numerics: the usual input of a deep part. */
    static NDArray deepInput(NDArray fieldEmbeddings, Inputs in) {
        return Tensors.concat(Tensors.flatten(fieldEmbeddings), in.hasNumeric() ? in.numeric() : null);
    }

    static long deepInputWidth(FeatureLayout layout, long embeddingDim) {
        return layout.categoricalCount() * embeddingDim + layout.numericCount();
    }

    static long[] vocabularySizes(FeatureLayout layout) {
        return layout.categorical().stream().mapToLong(f -> f.vocabularySize()).toArray();
    }
}
