package dev.wren.model.blocks;

import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.wren.model.data.FeatureLayout;
import java.util.List;

/** Deep Crossing style: field embeddings and numerics concatenated, then an MLP. */
final class EmbeddingMlp extends RankingBlock {
    private final EmbeddingTable embeddings;
    private final Mlp mlp;
    private final Dense head;

    EmbeddingMlp(FeatureLayout layout, int embeddingDim, List<Integer> hidden, float dropout) {
        super(layout);
        this.embeddings = addChildBlock("embeddings", new EmbeddingTable(vocabularySizes(layout), embeddingDim));
        this.mlp = addChildBlock("mlp", new Mlp(deepInputWidth(layout, embeddingDim), hidden, dropout));
        this.head = addChildBlock("head", new Dense(mlp.outputWidth(), 1));
    }

    @Override
    NDList run(ParameterStore store, Inputs in, boolean training) {
        var x = deepInput(embeddings.embedAll(store, in.categorical(), training), in);
        return head.forward(store, new NDList(mlp.apply(store, x, training)), training);
    }
}
