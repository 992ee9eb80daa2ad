package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.wren.model.data.FeatureLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Deep Interest Evolution Network: a GRU extracts an interest state per recent item (oldest to newest), attention
 * between those states and the candidate (softmax over the unmasked positions) drives an AUGRU whose final state is
 * the evolved interest, fed with all field embeddings and numerics to an MLP.
 *
 * <p>The paper's auxiliary next-item loss is left out: it needs per-step negative items the layout does not carry.
 */
final class DeepInterestEvolution extends RankingBlock {
    private final int itemColumn;
    private final long gruHidden;
    private final EmbeddingTable embeddings;
    private final GruCell extractor;
    private final GruCell evolution;
    private final Dense attentionProjection;
    private final Mlp mlp;
    private final Dense head;

    DeepInterestEvolution(FeatureLayout layout, int embeddingDim, int gruHidden, List<Integer> hidden, float dropout) {
        super(layout);
        if (layout.sequence().isEmpty()) {
            throw new IllegalArgumentException("DIEN needs a layout with a sequence field");
        }
        this.itemColumn = layout.itemIdIndex("DIEN");
        this.gruHidden = gruHidden;
        this.embeddings = addChildBlock("embeddings", new EmbeddingTable(vocabularySizes(layout), embeddingDim));
        this.extractor = addChildBlock("extractor", new GruCell(embeddingDim, gruHidden));
        this.evolution = addChildBlock("evolution", new GruCell(gruHidden, gruHidden));
        this.attentionProjection = addChildBlock("attention", new Dense(embeddingDim, gruHidden));
        this.mlp = addChildBlock(
                "mlp", new Mlp(deepInputWidth(layout, embeddingDim) + gruHidden + embeddingDim, hidden, dropout));
        this.head = addChildBlock("head", new Dense(mlp.outputWidth(), 1));
    }

    @Override
    NDList run(ParameterStore store, Inputs in, boolean training) {
        NDArray fields = embeddings.embedAll(store, in.categorical(), training);
        NDArray candidate = fields.get(":, {}, :", itemColumn); // (B, D)
        NDArray history = embeddings.embedColumn(store, in.sequence(), itemColumn, training); // (B, L, D)
        int length = (int) history.getShape().get(1);
        long batch = history.getShape().get(0);
        // Position 0 is the most recent item, so time runs from the last position to the first.
        NDArray h = history.getManager().zeros(new ai.djl.ndarray.types.Shape(batch, gruHidden));
        List<NDArray> states = new ArrayList<>(length);
        List<NDArray> masks = new ArrayList<>(length);
        for (int t = length - 1; t >= 0; t--) {
            NDArray m = in.mask().get(":, {}", t).expandDims(1);
            h = extractor.step(store, history.get(":, {}, :", t), h, null, m, training);
            states.add(h);
            masks.add(m);
        }
        NDArray stacked = NDArrays.stack(new NDList(states), 1); // (B, L, H), oldest first
        NDArray mask = NDArrays.concat(new NDList(masks), 1); // (B, L)
        NDArray query = attentionProjection
                .forward(store, new NDList(candidate), training)
                .singletonOrThrow(); // (B, H)
        NDArray logits = stacked.mul(query.expandDims(1)).sum(new int[] {2}); // (B, L)
        NDArray attention = logits.add(mask.neg().add(1f).mul(-1e9f)).softmax(1).mul(mask);
        NDArray interest = history.getManager().zeros(new ai.djl.ndarray.types.Shape(batch, gruHidden));
        for (int t = 0; t < length; t++) {
            interest = evolution.step(
                    store, states.get(t), interest, attention.get(":, {}", t).expandDims(1), masks.get(t), training);
        }
        NDArray x = Tensors.concat(deepInput(fields, in), interest, candidate);
        return head.forward(store, new NDList(mlp.apply(store, x, training)), training);
    }
}
