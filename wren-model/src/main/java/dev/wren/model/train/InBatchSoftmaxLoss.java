package dev.wren.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.SampleBatch;

/**
 * The sampled softmax with in-batch negatives of Yi et al., "Sampling-bias-corrected neural modeling for large corpus
 * item recommendations" (RecSys 2019), for two-tower models. Every row is an interaction (its label is ignored: a
 * retriever finds what a user will watch, liked or not), and row i's user must pick its item among the batch's items.
 * The batch's items are a sample of the interactions, so an item is a negative in proportion to its popularity; the
 * log-Q correction subtracts log q_j, item j's share of the training interactions, from every logit, so that the
 * sampled softmax estimates the full softmax over the catalogue instead of penalising popular items. Another row with
 * the same item as row i is that item again, not a negative: it is masked out of row i's softmax. Thread-safe:
 * immutable.
 */
final class InBatchSoftmaxLoss {
    /** Added to a masked logit: exp of it is 0 in float, and unlike -infinity it cannot make a NaN. */
    private static final float MASKED = -1e4f;

    private final int itemColumn;
    private final int categoricalCount;
    private final float[] logQ;

    private InBatchSoftmaxLoss(int itemColumn, int categoricalCount, float[] logQ) {
        this.itemColumn = itemColumn;
        this.categoricalCount = categoricalCount;
        this.logQ = logQ;
    }

    /**
     * The loss for a layout, with each item's sampling probability estimated from its training interactions.
     *
     * @param counts interactions per item index in the training samples
     */
    static InBatchSoftmaxLoss of(FeatureLayout layout, long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            throw new IllegalArgumentException("no training interactions to estimate item probabilities from");
        }
        float[] logQ = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            // An item never trained on is never in a batch; half an interaction keeps its entry finite.
            logQ[i] = (float) Math.log(Math.max(counts[i], 0.5) / total);
        }
        return new InBatchSoftmaxLoss(layout.itemIdIndex("two-tower"), layout.categoricalCount(), logQ);
    }

    /** log q of an item index. */
    float logQ(int item) {
        return logQ[item];
    }

    /**
     * The mean loss of a batch.
     *
     * @param outputs the two-tower outputs: logit (B, 1), user vectors u (B, d), item vectors v (B, d) already divided
     *     by the temperature
     */
    NDArray loss(NDManager manager, NDList outputs, SampleBatch batch) {
        int b = batch.size();
        long[] items = new long[b];
        float[] q = new float[b];
        for (int i = 0; i < b; i++) {
            int item = batch.categorical()[i * categoricalCount + itemColumn];
            items[i] = item;
            q[i] = logQ[item];
        }
        return loss(outputs.get(1), outputs.get(2), manager.create(q), manager.create(items));
    }

    /**
     * The mean over rows i of -log softmax_j(u_i . v_j - log q_j) at j = i, over the j whose item is not row i's
     * unless j = i.
     *
     * @param u (B, d) user vectors
     * @param v (B, d) item vectors, divided by the temperature
     * @param logQ (B) log sampling probability of each row's item
     * @param items (B) each row's item, to mask duplicates
     */
    static NDArray loss(NDArray u, NDArray v, NDArray logQ, NDArray items) {
        long b = u.getShape().get(0);
        NDManager manager = u.getManager();
        NDArray logits = u.matMul(v.transpose()).sub(logQ.reshape(new Shape(1, b)));
        NDArray eye = manager.eye((int) b);
        NDArray duplicate = items.reshape(new Shape(b, 1))
                .eq(items.reshape(new Shape(1, b)))
                .toType(DataType.FLOAT32, false)
                .sub(eye);
        NDArray logProbabilities = logits.add(duplicate.mul(MASKED)).logSoftmax(1);
        return logProbabilities.mul(eye).sum().neg().div(b);
    }
}
