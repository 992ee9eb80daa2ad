package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

/**
 * One GRU step (PyTorch's gate convention), optionally with an attentional update gate (AUGRU, from DIEN): the share
 * of the new candidate state, (1 - z), is scaled by the attention score a, so low-relevance items barely move the
 * interest state.
 */
final class GruCell extends FixedShapeBlock {
    private final long hidden;
    private final Dense inputGates;
    private final Dense hiddenGates;

    GruCell(long in, long hidden) {
        this.hidden = hidden;
        this.inputGates = addChildBlock("input", new Dense(in, 3 * hidden));
        this.hiddenGates = addChildBlock("hidden", new Dense(hidden, 3 * hidden));
    }

    @Override
    long outputWidth() {
        return hidden;
    }

    /**
     * @param x input (B, in)
     * @param h state (B, hidden)
     * @param attention scores (B, 1), or null for a plain GRU
     * @param mask (B, 1): 0 keeps the state unchanged (padding)
     */
    NDArray step(ParameterStore store, NDArray x, NDArray h, NDArray attention, NDArray mask, boolean training) {
        NDList gx = inputGates
                .forward(store, new NDList(x), training)
                .singletonOrThrow()
                .split(3, 1);
        NDList gh = hiddenGates
                .forward(store, new NDList(h), training)
                .singletonOrThrow()
                .split(3, 1);
        NDArray r = Activation.sigmoid(gx.get(0).add(gh.get(0)));
        NDArray z = Activation.sigmoid(gx.get(1).add(gh.get(1)));
        NDArray n = gx.get(2).add(r.mul(gh.get(2))).tanh();
        NDArray update = z.neg().add(1f); // share of the new candidate state
        if (attention != null) {
            update = update.mul(attention);
        }
        NDArray next = h.add(update.mul(n.sub(h)));
        return next.mul(mask).add(h.mul(mask.neg().add(1f)));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, ai.djl.util.PairList<String, Object> params) {
        throw new UnsupportedOperationException("use step()");
    }
}
