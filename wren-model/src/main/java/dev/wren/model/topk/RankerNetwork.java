package dev.wren.model.topk;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;

/** The ranker's network, built from DJL's own layers so that training and loading build the same one. */
final class RankerNetwork {
    private RankerNetwork() {}

    /**
     * An MLP with ReLU ending in one logit, plus a linear skip from the standardised features to that logit: the skip
     * lets the model start from the weighted sum of its inputs, the MLP only has to learn what that sum misses.
     * Without hidden layers it is the linear part alone. The input width is set when the block is initialised or
     * its parameters are loaded.
     */
    static Block of(List<Integer> hidden) {
        if (hidden.isEmpty()) {
            return Linear.builder().setUnits(1).build();
        }
        SequentialBlock mlp = new SequentialBlock();
        for (int width : hidden) {
            mlp.add(Linear.builder().setUnits(width).build());
            mlp.add(Activation.reluBlock());
        }
        mlp.add(Linear.builder().setUnits(1).build());
        Block skip = Linear.builder().setUnits(1).build();
        return new ParallelBlock(
                outputs -> new NDList(
                        outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow())),
                List.of(mlp, skip));
    }
}
