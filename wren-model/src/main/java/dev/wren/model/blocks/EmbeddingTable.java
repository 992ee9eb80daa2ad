package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.stream.LongStream;

/**
 * Several categorical columns embedded through one table: column c's index i lives at row offset(c) + i, so a batch
 * of F columns is one gather instead of F.
 *
 * <p>A row-sparse table is left out of the trainer's optimizer: while training, a lookup gathers only the batch's
 * distinct rows into a small leaf tensor, and {@link SparseAdam} updates just those rows after the backward pass (lazy
 * Adam, as PyTorch's SparseAdam). A dense Adam step reads and writes every row of the table, its moments and a
 * full-size gradient on every batch, which dominates training time for tables of 10^5 ids and more; for small tables
 * it is the cheaper one, since the lazy step's unique, gathers and scatters (about 25 native calls per table) cost a
 * fixed amount: tables of up to {@link #ROW_SPARSE_MIN_VALUES} values stay dense (with ml-latest-small's and the 1M
 * synthetic set's 8.6-8.8k x 10 DeepFM tables, dense Adam was as fast or faster per CPU second, and the test log loss
 * of the same seeds within 0.001; on a 4M-rating synthetic set's 33k x 10 table, dense Adam trained at 104k samples/s
 * against the lazy step's 94k, test AUC 0.844 both. Larger tables were not measured: the limit of 2^20 values, about
 * 100k ids at dimension 10, is an estimate). A table looked up more than once
 * per step (DIN, DIEN, and a two-tower whose user tower reads recent items embed the item column twice) stays dense. Not thread-safe while training (a step's
 * lookups are held until its update); prediction is stateless.
 */
final class EmbeddingTable extends FixedShapeBlock {
    private final long[] offsets;
    private final long dimension;
    private final Parameter weight;
    private final boolean rowSparse;
    private NDArray pendingRows;
    private NDArray pendingValues;
    private NDArray firstMoment;
    private NDArray secondMoment;

    /** Tables up to this many values (rows x dimension) are trained densely even when looked up once per step. */
    static final long ROW_SPARSE_MIN_VALUES = 1L << 20;

    /** A table looked up once per training step: row-sparse when it is large enough for that to pay. */
    EmbeddingTable(long[] sizes, long dimension) {
        this(sizes, dimension, LongStream.of(sizes).sum() * dimension > ROW_SPARSE_MIN_VALUES);
    }

    /** @param rowSparse update only looked-up rows; only for tables looked up once per training step */
    EmbeddingTable(long[] sizes, long dimension, boolean rowSparse) {
        this.offsets = new long[sizes.length];
        long rows = 0;
        for (int i = 0; i < sizes.length; i++) {
            offsets[i] = rows;
            rows += sizes[i];
        }
        this.dimension = dimension;
        this.rowSparse = rowSparse;
        this.weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, dimension))
                .optInitializer(new NormalInitializer(0.01f))
                .optRequiresGrad(!rowSparse)
                .build());
    }

    @Override
    long outputWidth() {
        return dimension;
    }

    /** Whether training updates only the looked-up rows (with {@link SparseAdam}) instead of the trainer's Adam. */
    boolean rowSparse() {
        return rowSparse;
    }

    /** Where each column's rows start in the table. */
    long[] offsets() {
        return offsets.clone();
    }

    /** A copy of the table, row-major (rows x dimension). */
    float[] weights() {
        return weight.getArray().toFloatArray();
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
        NDArray table = value(store, weight, rows, training);
        if (!training || !rowSparse) {
            return Embedding.embedding(rows, table, SparseFormat.DENSE).singletonOrThrow();
        }
        if (pendingRows != null) {
            throw new IllegalStateException("a row-sparse embedding table was looked up twice in one training step;"
                    + " build it with rowSparse = false");
        }
        NDList unique = rows.flatten().unique(true, true, false);
        NDArray distinct = unique.get(0);
        NDArray values = table.get(new NDIndex("{}", distinct));
        values.attach(rows.getManager()); // the step's scope, not the model's: freed with the batch
        values.setRequiresGradient(true);
        pendingRows = distinct;
        pendingValues = values;
        NDArray local = unique.get(1).reshape(rows.getShape());
        return Embedding.embedding(local, values, SparseFormat.DENSE).singletonOrThrow();
    }

    /**
     * Applies one lazy Adam step to the rows looked up since the last call (after the backward pass), and forgets
     * them. No-op for dense tables or when nothing was looked up.
     */
    void sparseStep(SparseAdam adam) {
        if (pendingRows == null) {
            return;
        }
        NDArray rows = pendingRows;
        NDArray values = pendingValues;
        pendingRows = null;
        pendingValues = null;
        NDArray table = weight.getArray();
        if (firstMoment == null) {
            firstMoment = table.zerosLike();
            secondMoment = table.zerosLike();
        }
        NDIndex at = new NDIndex("{}", rows);
        NDManager scope = rows.getManager();
        NDArray oldFirst = firstMoment.get(at);
        NDArray oldSecond = secondMoment.get(at);
        oldFirst.attach(scope);
        oldSecond.attach(scope);
        NDArray current = values.stopGradient();
        NDArray gradient = values.getGradient();
        if (adam.l2() > 0) {
            gradient = gradient.add(current.mul(adam.l2()));
        }
        NDArray m = oldFirst.mul(SparseAdam.BETA1).add(gradient.mul(1 - SparseAdam.BETA1));
        NDArray v = oldSecond.mul(SparseAdam.BETA2).add(gradient.square().mul(1 - SparseAdam.BETA2));
        firstMoment.set(at, m);
        secondMoment.set(at, v);
        NDArray step = m.mul(adam.firstCorrection())
                .div(v.mul(adam.secondCorrection()).sqrt().add(SparseAdam.EPSILON))
                .mul(adam.learningRate());
        table.set(at, current.sub(step));
    }

    /** Drops the optimizer state and any pending lookup (after training). */
    void resetSparseState() {
        pendingRows = null;
        pendingValues = null;
        if (firstMoment != null) {
            firstMoment.close();
            secondMoment.close();
        }
        firstMoment = null;
        secondMoment = null;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(embedAll(store, inputs.singletonOrThrow(), training));
    }
}
