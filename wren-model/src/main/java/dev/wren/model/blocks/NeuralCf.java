package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.wren.model.data.FeatureLayout;
import java.util.List;

/**
 * Neural collaborative filtering (NeuMF): a GMF tower (element-wise product of user and item embeddings) and an MLP
 * tower over separate user and item embeddings, concatenated into the logit. With {@code sideFeatures} the MLP
 * tower also sees the other fields and numerics, which pure id models lack on small data.
 */
final class NeuralCf extends RankingBlock {
    private final int userColumn;
    private final int itemColumn;
    private final boolean sideFeatures;
    private final EmbeddingTable gmf;
    private final EmbeddingTable mlpIds;
    private final EmbeddingTable side;
    private final Mlp mlp;
    private final Dense head;

    NeuralCf(FeatureLayout layout, int embeddingDim, List<Integer> hidden, float dropout, boolean sideFeatures) {
        super(layout);
        this.userColumn = layout.userIdIndex("NeuralCF");
        this.itemColumn = layout.itemIdIndex("NeuralCF");
        this.sideFeatures = sideFeatures;
        long[] ids = {
            layout.categorical().get(userColumn).vocabularySize(),
            layout.categorical().get(itemColumn).vocabularySize()
        };
        this.gmf = addChildBlock("gmf", new EmbeddingTable(ids, embeddingDim));
        this.mlpIds = addChildBlock("mlpIds", new EmbeddingTable(ids, embeddingDim));
        this.side =
                sideFeatures ? addChildBlock("side", new EmbeddingTable(vocabularySizes(layout), embeddingDim)) : null;
        long mlpWidth = 2L * embeddingDim + (sideFeatures ? deepInputWidth(layout, embeddingDim) : 0);
        this.mlp = addChildBlock("mlp", new Mlp(mlpWidth, hidden, dropout));
        this.head = addChildBlock("head", new Dense(embeddingDim + mlp.outputWidth(), 1));
    }

    @Override
    NDList run(ParameterStore store, Inputs in, boolean training) {
        NDArray ids = Tensors.pick(in.categorical(), new int[] {userColumn, itemColumn}); // (B, 2)
        NDArray g = gmf.embedAll(store, ids, training); // (B, 2, D)
        NDArray gmfOut = g.get(":, 0, :").mul(g.get(":, 1, :"));
        NDArray x = Tensors.flatten(mlpIds.embedAll(store, ids, training));
        if (sideFeatures) {
            x = Tensors.concat(x, deepInput(side.embedAll(store, in.categorical(), training), in));
        }
        NDArray mlpOut = mlp.apply(store, x, training);
        return head.forward(store, new NDList(Tensors.concat(gmfOut, mlpOut)), training);
    }
}
