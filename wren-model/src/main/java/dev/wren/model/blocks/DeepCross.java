package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import dev.wren.model.data.FeatureLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Deep &amp; Cross Network (v1): cross layers x_{l+1} = x0 * (x_l . w_l) + b_l + x_l beside an MLP over the same
 * input x0; both outputs concatenated into the logit.
 */
final class DeepCross extends RankingBlock {
    private final EmbeddingTable embeddings;
    private final List<Parameter> crossWeights = new ArrayList<>();
    private final List<Parameter> crossBiases = new ArrayList<>();
    private final Mlp mlp;
    private final Dense head;

    DeepCross(FeatureLayout layout, int embeddingDim, int crossLayers, List<Integer> hidden, float dropout) {
        super(layout);
        long width = deepInputWidth(layout, embeddingDim);
        this.embeddings = addChildBlock("embeddings", new EmbeddingTable(vocabularySizes(layout), embeddingDim));
        for (int i = 0; i < crossLayers; i++) {
            crossWeights.add(parameter("crossWeight" + i, new Shape(width, 1), new XavierInitializer()));
            crossBiases.add(parameter("crossBias" + i, new Shape(width), Initializer.ZEROS));
        }
        this.mlp = addChildBlock("mlp", new Mlp(width, hidden, dropout));
        this.head = addChildBlock("head", new Dense(width + mlp.outputWidth(), 1));
    }

    @Override
    NDList run(ParameterStore store, Inputs in, boolean training) {
        NDArray x0 = deepInput(embeddings.embedAll(store, in.categorical(), training), in);
        NDArray x = x0;
        for (int i = 0; i < crossWeights.size(); i++) {
            NDArray projection = x.matMul(value(store, crossWeights.get(i), x, training)); // (B, 1)
            x = x0.mul(projection)
                    .add(value(store, crossBiases.get(i), x, training))
                    .add(x);
        }
        NDArray deep = mlp.apply(store, x0, training);
        return head.forward(store, new NDList(Tensors.concat(x, deep)), training);
    }
}
