package dev.wren.model.blocks;

import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.wren.model.data.FeatureLayout;
import java.util.List;

/** Logistic regression: the wide part alone, optionally with crossed features. */
final class LogisticRegression extends RankingBlock {
    private final WidePart wide;

    LogisticRegression(FeatureLayout layout, List<Cross> crosses) {
        super(layout);
        this.wide = addChildBlock("wide", new WidePart(layout, crosses));
    }

    @Override
    NDList run(ParameterStore store, Inputs in, boolean training) {
        return wide.run(store, in, training);
    }
}
