package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.wren.model.data.FeatureLayout;
import java.util.List;

/**
 * Deep Interest Network: an activation unit scores each recent item h against the candidate c from [h, c, h - c,
 * h * c]; the user's interest is the score-weighted (not softmax-normalised, as in the paper) sum of the masked
 * history, fed with all field embeddings and numerics to an MLP.
 */
final class DeepInterest extends RankingBlock {
    private final int itemColumn;
    private final EmbeddingTable embeddings;
    private final Mlp attention;
    private final Dense attentionHead;
    private final Mlp mlp;
    private final Dense head;

    DeepInterest(
            FeatureLayout layout,
            int embeddingDim,
            List<Integer> attentionHidden,
            List<Integer> hidden,
            float dropout) {
        super(layout);
        if (layout.sequence().isEmpty()) {
            throw new IllegalArgumentException("DIN needs a layout with a sequence field");
        }
        this.itemColumn = layout.itemIdIndex("DIN");
        this.embeddings = addChildBlock("embeddings", new EmbeddingTable(vocabularySizes(layout), embeddingDim, false));
        this.attention = addChildBlock("attention", new Mlp(4L * embeddingDim, attentionHidden, 0f));
        this.attentionHead = addChildBlock("attentionHead", new Dense(attention.outputWidth(), 1));
        this.mlp = addChildBlock("mlp", new Mlp(deepInputWidth(layout, embeddingDim) + embeddingDim, hidden, dropout));
        this.head = addChildBlock("head", new Dense(mlp.outputWidth(), 1));
    }

    @Override
    NDList run(ParameterStore store, Inputs in, boolean training) {
        NDArray fields = embeddings.embedAll(store, in.categorical(), training); // (B, F, D)
        NDArray candidate = fields.get(":, {}, :", itemColumn); // (B, D)
        NDArray history = embeddings.embedColumn(store, in.sequence(), itemColumn, training); // (B, L, D)
        long length = history.getShape().get(1);
        NDArray c = candidate.expandDims(1).repeat(1, length); // (B, L, D)
        NDArray unitInput = Tensors.concat(history, c, history.sub(c), history.mul(c));
        NDArray scores = attentionHead
                .forward(store, new NDList(attention.apply(store, unitInput, training)), training)
                .singletonOrThrow()
                .squeeze(2)
                .mul(in.mask()); // (B, L)
        NDArray interest = history.mul(scores.expandDims(2)).sum(new int[] {1}); // (B, D)
        NDArray x = Tensors.concat(deepInput(fields, in), interest);
        return head.forward(store, new NDList(mlp.apply(store, x, training)), training);
    }
}
