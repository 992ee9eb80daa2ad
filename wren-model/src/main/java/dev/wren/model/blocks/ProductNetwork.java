package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.wren.model.data.FeatureLayout;
import java.util.List;

/**
 * Product-based neural network: field embeddings, their pairwise inner products (IPNN) and/or the outer product of
 * the summed embeddings (OPNN, the paper's sum-pooling form, D x D values), all fed to an MLP.
 */
final class ProductNetwork extends RankingBlock {
    private final EmbeddingTable embeddings;
    private final boolean inner;
    private final boolean outer;
    private final int[] left;
    private final int[] right;
    private final Mlp mlp;
    private final Dense head;

    ProductNetwork(
            FeatureLayout layout, int embeddingDim, boolean inner, boolean outer, List<Integer> hidden, float dropout) {
        super(layout);
        if (!inner && !outer) {
            throw new IllegalArgumentException("PNN needs inner or outer products (or both)");
        }
        this.inner = inner;
        this.outer = outer;
        int f = layout.categoricalCount();
        int pairs = f * (f - 1) / 2;
        this.left = new int[pairs];
        this.right = new int[pairs];
        int p = 0;
        for (int i = 0; i < f; i++) {
            for (int j = i + 1; j < f; j++) {
                left[p] = i;
                right[p] = j;
                p++;
            }
        }
        long width = deepInputWidth(layout, embeddingDim)
                + (inner ? pairs : 0)
                + (outer ? (long) embeddingDim * embeddingDim : 0);
        this.embeddings = addChildBlock("embeddings", new EmbeddingTable(vocabularySizes(layout), embeddingDim));
        this.mlp = addChildBlock("mlp", new Mlp(width, hidden, dropout));
        this.head = addChildBlock("head", new Dense(mlp.outputWidth(), 1));
    }

    @Override
    NDList run(ParameterStore store, Inputs in, boolean training) {
        NDArray v = embeddings.embedAll(store, in.categorical(), training); // (B, F, D)
        NDArray innerProducts = null;
        if (inner && left.length > 0) {
            innerProducts = Tensors.pick(v, left).mul(Tensors.pick(v, right)).sum(new int[] {2}); // (B, pairs)
        }
        NDArray outerProducts = null;
        if (outer) {
            NDArray s = v.sum(new int[] {1}); // (B, D)
            outerProducts = Tensors.flatten(s.expandDims(2).matMul(s.expandDims(1))); // (B, D * D)
        }
        NDArray x = Tensors.concat(deepInput(v, in), innerProducts, outerProducts);
        return head.forward(store, new NDList(mlp.apply(store, x, training)), training);
    }
}
