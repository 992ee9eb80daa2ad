package dev.wren.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Sampled-softmax loss with in-batch negatives for two-tower models: each positive row's user must pick its own
 * item among all items of the batch. Rows labelled 0 add their items as extra negatives but contribute no term.
 */
final class InBatchSoftmaxLoss {
    private InBatchSoftmaxLoss() {}

    /**
     * @param outputs the two-tower outputs: logit (B, 1), user vectors u (B, d), item vectors v (B, d) already divided
     *     by the temperature
     * @param labels (B, 1)
     */
    static NDArray loss(NDList outputs, NDArray labels) {
        NDArray u = outputs.get(1);
        NDArray v = outputs.get(2);
        long b = u.getShape().get(0);
        NDArray logits = u.matMul(v.transpose()); // (B, B)
        NDArray diagonal = logits.logSoftmax(1).mul(u.getManager().eye((int) b)).sum(new int[] {1}, true);
        NDArray positives = labels;
        return diagonal.mul(positives).sum().neg().div(positives.sum().maximum(1f));
    }
}
