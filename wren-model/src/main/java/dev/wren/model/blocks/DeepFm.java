package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.wren.model.data.FeatureLayout;
import java.util.List;

/**
 * DeepFM: first-order weights, the factorisation machine's pairwise interactions of field embeddings
 * (0.5 * ((sum v)^2 - sum v^2)), and an MLP over the same embeddings, logits summed.
 */
final class DeepFm extends RankingBlock {
    private final WidePart firstOrder;
    private final EmbeddingTable embeddings;
    private final Mlp mlp;
    private final Dense head;

    DeepFm(FeatureLayout layout, int embeddingDim, List<Integer> hidden, float dropout) {
        super(layout);
        this.firstOrder = addChildBlock("first", new WidePart(layout, List.of()));
        this.embeddings = addChildBlock("embeddings", new EmbeddingTable(vocabularySizes(layout), embeddingDim));
        this.mlp = addChildBlock("mlp", new Mlp(deepInputWidth(layout, embeddingDim), hidden, dropout));
        this.head = addChildBlock("head", new Dense(mlp.outputWidth(), 1));
    }

    WidePart firstOrder() {
        return firstOrder;
    }

    EmbeddingTable embeddings() {
        return embeddings;
    }

    Mlp mlp() {
        return mlp;
    }

    Dense head() {
        return head;
    }

    @Override
    NDList run(ParameterStore store, Inputs in, boolean training) {
        NDArray v = embeddings.embedAll(store, in.categorical(), training);
        NDArray sumSquared = v.sum(new int[] {1}).square();
        NDArray squaredSum = v.square().sum(new int[] {1});
        NDArray fm = sumSquared.sub(squaredSum).sum(new int[] {1}, true).mul(0.5f);
        NDArray deep = head.forward(store, new NDList(mlp.apply(store, deepInput(v, in), training)), training)
                .singletonOrThrow();
        NDArray first = firstOrder.run(store, in, training).singletonOrThrow();
        return new NDList(first.add(fm).add(deep));
    }
}
