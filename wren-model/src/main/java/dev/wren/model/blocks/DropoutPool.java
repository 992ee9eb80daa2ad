package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;

/**
 * Inverted-dropout masks cut from a pool of random mask values that is drawn afresh every {@value #REFRESH_STEPS}
 * training passes. PyTorch's CPU dropout draws one 64-bit random number per element, serially (its bernoulli kernel
 * was a large share of a DeepFM training step); a pool {@value #POOL_MULTIPLE} times one pass's need, refreshed every
 * {@value #REFRESH_STEPS} passes, draws an eighth as many numbers. Each pass takes every layer's mask as a contiguous window
 * at a random offset, so within a pass the mask values are independent draws, as with plain dropout; across passes
 * the windows overlap at shifted positions, and since batches are shuffled no sample keeps a mask. All draws come
 * from the engine's generator, so the engine seed fixes dropout as before (masks drawn in Java and copied into
 * tensors made training runs differ from run to run, for reasons not found, so everything stays in PyTorch). Not
 * thread-safe: one per {@link Mlp}, used by its training passes only.
 */
final class DropoutPool {
    static final int POOL_MULTIPLE = 8;
    static final int REFRESH_STEPS = 64;
    private final float rate;
    private NDArray pool;
    private int passesLeft;

    DropoutPool(float rate) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in (0, 1), got " + rate);
        }
        this.rate = rate;
    }

    /**
     * Offsets for one training pass's masks: call once per pass, before {@link #apply}.
     *
     * @param owner a long-lived manager (the model's) that holds the pool between passes
     * @param needed mask elements of each layer in this pass
     */
    long[] startPass(NDManager owner, NDManager scope, long[] needed) {
        long total = 0;
        long largest = 0;
        for (long n : needed) {
            total += n;
            largest = Math.max(largest, n);
        }
        long size = POOL_MULTIPLE * total;
        if (pool == null || passesLeft <= 0 || pool.size() < Math.max(size, largest)) {
            if (pool != null) {
                pool.close();
            }
            try (NDArray ones = owner.ones(new Shape(size), DataType.FLOAT32)) {
                pool = Dropout.dropout(ones, rate, true).singletonOrThrow();
            }
            pool.attach(owner);
            passesLeft = REFRESH_STEPS;
        }
        passesLeft--;
        long[] offsets = scope.randomInteger(0, Integer.MAX_VALUE, new Shape(needed.length), DataType.INT64)
                .toLongArray();
        for (int i = 0; i < needed.length; i++) {
            offsets[i] = offsets[i] % (pool.size() - needed[i] + 1);
        }
        return offsets;
    }

    /** x times the mask window that starts at {@code offset} of the pool. */
    NDArray apply(NDArray x, long offset) {
        NDArray mask = pool.get(new NDIndex("{}:{}", offset, offset + x.size())).reshape(x.getShape());
        return x.mul(mask);
    }

    /** Frees the pool (after training). */
    void release() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
