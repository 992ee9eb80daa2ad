package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Several categorical columns embedded through one table: column c's index i lives at row offset(c) + i, so a batch
 * of F columns is one gather instead of F.
 */
final class EmbeddingTable extends FixedShapeBlock {
    private final long[] offsets;
    private final long dimension;
    private final Parameter weight;

    EmbeddingTable(long[] sizes, long dimension) {
        this.offsets = new long[sizes.length];
        long rows = 0;
        for (int i = 0; i < sizes.length; i++) {
            offsets[i] = rows;
            rows += sizes[i];
        }
        this.dimension = dimension;
        this.weight = parameter("weight", new Shape(rows, dimension), new NormalInitializer(0.01f));
    }

    @Override
    long outputWidth() {
        return dimension;
    }

    /** (B, K) local indices of all K columns -> (B, K, dimension). */
    NDArray embedAll(ParameterStore store, NDArray indices, boolean training) {
        NDArray shifted = indices.add(indices.getManager().create(offsets));
        return lookup(store, shifted, training);
    }

    /** Indices of any shape, all from one column -> shape + (dimension). */
    NDArray embedColumn(ParameterStore store, NDArray indices, int column, boolean training) {
        return lookup(store, indices.add(offsets[column]), training);
    }

    private NDArray lookup(ParameterStore store, NDArray rows, boolean training) {
        return Embedding.embedding(rows, value(store, weight, rows, training), SparseFormat.DENSE)
                .singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(embedAll(store, inputs.singletonOrThrow(), training));
    }
}
