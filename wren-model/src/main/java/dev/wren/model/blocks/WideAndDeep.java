package dev.wren.model.blocks;

import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.wren.model.data.FeatureLayout;
import java.util.List;

/** Wide & Deep: a wide part with crossed categorical features plus an embedding MLP, logits summed. */
final class WideAndDeep extends RankingBlock {
    private final WidePart wide;
    private final EmbeddingMlp deep;

    WideAndDeep(FeatureLayout layout, List<Cross> crosses, int embeddingDim, List<Integer> hidden, float dropout) {
        super(layout);
        this.wide = addChildBlock("wide", new WidePart(layout, crosses));
        this.deep = addChildBlock("deep", new EmbeddingMlp(layout, embeddingDim, hidden, dropout));
    }

    @Override
    NDList run(ParameterStore store, Inputs in, boolean training) {
        var w = wide.run(store, in, training).singletonOrThrow();
        var d = deep.run(store, in, training).singletonOrThrow();
        return new NDList(w.add(d));
    }
}
