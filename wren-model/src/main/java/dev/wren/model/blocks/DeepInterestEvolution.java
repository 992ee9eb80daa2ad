package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import dev.wren.model.data.FeatureLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Deep Interest Evolution Network: a GRU extracts an interest state per recent item (oldest to newest), attention
 * between those states and the candidate (softmax over the unmasked positions) drives an AUGRU whose final state is
 * the evolved interest, fed with all field embeddings and numerics to an MLP.
 *
 * <p>With {@code auxiliaryLoss}, training also returns the paper's auxiliary loss as a second output: each GRU state
 * must tell the next item the user actually took (positive) from an item drawn uniformly from the item vocabulary
 * (negative), scored by the dot product of the projected state and the item embedding. It supervises the interest
 * states directly; the trainer adds it, weighted, to the click loss. Negatives are drawn with the engine's seeded
 * generator. Prediction never computes it.
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
    private final Dense auxiliaryProjection;
    private final long items;

    DeepInterestEvolution(
            FeatureLayout layout,
            int embeddingDim,
            int gruHidden,
            List<Integer> hidden,
            float dropout,
            boolean auxiliaryLoss) {
        super(layout);
        if (layout.sequence().isEmpty()) {
            throw new IllegalArgumentException("DIEN needs a layout with a sequence field");
        }
        this.itemColumn = layout.itemIdIndex("DIEN");
        this.gruHidden = gruHidden;
        this.embeddings = addChildBlock("embeddings", new EmbeddingTable(vocabularySizes(layout), embeddingDim, false));
        this.extractor = addChildBlock("extractor", new GruCell(embeddingDim, gruHidden));
        this.evolution = addChildBlock("evolution", new GruCell(gruHidden, gruHidden));
        this.attentionProjection = addChildBlock("attention", new Dense(embeddingDim, gruHidden));
        this.mlp = addChildBlock(
                "mlp", new Mlp(deepInputWidth(layout, embeddingDim) + gruHidden + embeddingDim, hidden, dropout));
        this.head = addChildBlock("head", new Dense(mlp.outputWidth(), 1));
        // Only when enabled, so bundles trained without it keep their parameter list.
        this.auxiliaryProjection =
                auxiliaryLoss ? addChildBlock("auxiliary", new Dense(gruHidden, embeddingDim)) : null;
        this.items = layout.categorical().get(itemColumn).vocabularySize();
    }

    @Override
    NDList run(ParameterStore store, Inputs in, boolean training) {
        NDArray fields = embeddings.embedAll(store, in.categorical(), training);
        NDArray candidate = fields.get(":, {}, :", itemColumn); // (B, D)
        NDArray history = embeddings.embedColumn(store, in.sequence(), itemColumn, training); // (B, L, D)
        int length = (int) history.getShape().get(1);
        long batch = history.getShape().get(0);
        // Position 0 is the most recent item, so time runs from the last position to the first.
        NDArray h = history.getManager().zeros(new Shape(batch, gruHidden));
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
        NDArray interest = history.getManager().zeros(new Shape(batch, gruHidden));
        for (int t = 0; t < length; t++) {
            interest = evolution.step(
                    store, states.get(t), interest, attention.get(":, {}", t).expandDims(1), masks.get(t), training);
        }
        NDArray x = Tensors.concat(deepInput(fields, in), interest, candidate);
        NDArray logit = head.forward(store, new NDList(mlp.apply(store, x, training)), training)
                .singletonOrThrow();
        if (!training || auxiliaryProjection == null) {
            return new NDList(logit);
        }
        return new NDList(logit, auxiliaryLoss(store, stacked, history, mask));
    }

    /**
     * Mean over valid steps of -log sigmoid(s(h_t, e_next)) - log(1 - sigmoid(s(h_t, e_negative))), where a step is
     * valid when both it and the next item are real (unmasked) positions.
     *
     * @param states GRU states (B, L, H), oldest first
     * @param history item embeddings (B, L, D), newest first
     * @param mask (B, L), oldest first
     */
    private NDArray auxiliaryLoss(ParameterStore store, NDArray states, NDArray history, NDArray mask) {
        NDManager manager = states.getManager();
        long batch = states.getShape().get(0);
        long length = states.getShape().get(1);
        if (length < 2) {
            return manager.zeros(new Shape());
        }
        NDArray before = states.get(":, :-1, :"); // state after each item but the newest
        NDArray next = history.flip(1).get(":, 1:, :"); // the item that followed it, oldest first
        NDArray valid = mask.get(":, :-1").mul(mask.get(":, 1:"));
        NDArray negativeIds = manager.randomInteger(1, items, new Shape(batch, length - 1), DataType.INT64);
        NDArray negative = embeddings.embedColumn(store, negativeIds, itemColumn, true);
        NDArray projected =
                auxiliaryProjection.forward(store, new NDList(before), true).singletonOrThrow(); // (B, L-1, D)
        NDArray positiveScore = projected.mul(next).sum(new int[] {2});
        NDArray negativeScore = projected.mul(negative).sum(new int[] {2});
        NDArray perStep = Activation.softPlus(positiveScore.neg()).add(Activation.softPlus(negativeScore));
        return perStep.mul(valid).sum().div(valid.sum().maximum(1f));
    }
}
