package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.wren.model.data.FeatureLayout;
import java.util.List;

/** Small tensor helpers shared by the blocks. */
final class Tensors {
    private Tensors() {}

    /** Columns {@code columns} of axis 1, in order. */
    static NDArray pick(NDArray x, int[] columns) {
        NDList parts = new NDList(columns.length);
        for (int c : columns) {
            parts.add(x.get(":, {}", c).expandDims(1));
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 1);
    }

    /** (B, K, D) -> (B, K * D). */
    static NDArray flatten(NDArray x) {
        return x.reshape(x.getShape().get(0), -1);
    }

    /** Crossed indices (B, C) for the crosses, from local categorical indices (B, F). */
    static NDArray crossIndices(NDArray categorical, FeatureLayout layout, List<Cross> crosses) {
        NDList parts = new NDList(crosses.size());
        for (Cross cross : crosses) {
            int a = layout.categoricalIndex(cross.first());
            int b = layout.categoricalIndex(cross.second());
            long vb = layout.categoricalField(cross.second()).vocabularySize();
            NDArray index = categorical.get(":, {}", a).mul(vb).add(categorical.get(":, {}", b));
            parts.add(index.expandDims(1));
        }
        return NDArrays.concat(parts, 1);
    }

    /** Mean of (B, L, D) over positions whose mask (B, L) is 1; rows with no position give zeros. */
    static NDArray maskedMean(NDArray sequence, NDArray mask) {
        NDArray m = mask.expandDims(2);
        NDArray sum = sequence.mul(m).sum(new int[] {1});
        NDArray count = mask.sum(new int[] {1}, true).maximum(1f);
        return sum.div(count);
    }

    /** Concatenation along the last axis of the non-empty parts. */
    static NDArray concat(NDArray... parts) {
        NDList list = new NDList();
        for (NDArray p : parts) {
            if (p != null) {
                list.add(p);
            }
        }
        return list.size() == 1 ? list.get(0) : NDArrays.concat(list, -1);
    }
}
