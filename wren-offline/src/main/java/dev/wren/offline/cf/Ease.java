package dev.wren.offline.cf;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_MT_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): the item-item weight matrix B that
 * minimises ||X - XB||^2 + lambda ||B||^2 with a zero diagonal, in closed form: with P = (X'X + lambda I)^-1, B_ij =
 * -P_ij / P_jj for i != j. A user's score for item j is the sum of B's rows over the items the user interacted with.
 *
 * <p>With a dropout p above 0 it is EDLAE (Steck, "Autoencoders that don't overfit towards the identity", NeurIPS
 * 2020): the L2 weight of item i grows to lambda + p / (1 - p) (X'X)_ii, the closed form of training the same model on
 * inputs with each interaction dropped with probability p. Popular items are shrunk more, which ranks better than one
 * lambda for all (see wren-eval's BENCHMARK.md).
 *
 * <p>The fit inverts a dense n x n matrix: O(n^3) time and 8 n^2 bytes while fitting, so callers keep n to the items
 * that matter (those with enough interactions). Immutable after the fit, so thread-safe.
 */
public final class Ease {
    private final int n;
    private final float[] weights; // row-major n x n: weights[i * n + j] = B_ij

    private Ease(int n, float[] weights) {
        this.n = n;
        this.weights = weights;
    }

    /**
     * Fits on binary interactions.
     *
     * @param histories per user, the distinct item indexes (0 to n - 1) the user interacted with
     * @param n how many items
     * @param lambda the L2 weight, positive: larger shrinks the weights towards zero
     */
    public static Ease fit(int[][] histories, int n, double lambda) {
        return fit(histories, n, lambda, 0);
    }

    /**
     * Fits EDLAE on binary interactions: EASE with each item's L2 weight raised by its dropout emphasis.
     *
     * @param dropout the dropout probability p, at least 0 and below 1; 0 is plain EASE
     */
    public static Ease fit(int[][] histories, int n, double lambda, double dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        }
        if (n < 1) {
            throw new IllegalArgumentException("EASE needs at least one item");
        }
        double[] gram = new double[n * n];
        for (int[] items : histories) {
            for (int a : items) {
                int row = a * n;
                for (int b : items) {
                    gram[row + b] += 1;
                }
            }
        }
        double emphasis = dropout / (1 - dropout);
        for (int i = 0; i < n; i++) {
            gram[i * n + i] += lambda + emphasis * gram[i * n + i];
        }
        DMatrixRMaj g = DMatrixRMaj.wrap(n, n, gram);
        // The multi-threaded block Cholesky: the inversion is most of a fit (n cubed). A fit alone, as when the
        // evaluation tunes lambda, gets every core; beside the offline pipeline's ALS the cores are shared either way.
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_MT_DDRM.symmPosDef(n);
        if (!solver.setA(g)) {
            throw new IllegalStateException(
                    "X'X + lambda I is not positive definite: lambda " + lambda + ", dropout " + dropout);
        }
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        solver.invert(p);
        double[] data = p.getData();
        float[] weights = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    weights[i * n + j] = (float) (-data[i * n + j] / data[j * n + j]);
                }
            }
        }
        return new Ease(n, weights);
    }

    /** How many items the model covers. */
    public int size() {
        return n;
    }

    /** B_ij: how much an interaction with item i adds to item j's score. */
    public float weight(int i, int j) {
        return weights[i * n + j];
    }

    /** Adds row i of B to {@code scores} (of length n): call it for each item of a user's history. */
    public void addRow(int i, float[] scores) {
        int row = i * n;
        for (int j = 0; j < n; j++) {
            scores[j] += weights[row + j];
        }
    }

    /**
     * Row i's {@code k} weights of largest magnitude, largest magnitude first: the row serving keeps. Negative weights
     * stay: "users of i rarely take j" moves j down (dropping them costs NDCG; see wren-eval's BENCHMARK.md).
     *
     * @return the item indexes, with their weights in {@code weightsOut} (of length at least k)
     */
    public int[] topNeighbours(int i, int k, float[] weightsOut) {
        int row = i * n;
        Integer[] order = new Integer[n - 1];
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (j != i) {
                order[m++] = j;
            }
        }
        Arrays.sort(order, (a, b) -> {
            int c = Float.compare(Math.abs(weights[row + b]), Math.abs(weights[row + a]));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int taken = Math.min(k, m);
        int[] out = new int[taken];
        for (int x = 0; x < taken; x++) {
            out[x] = order[x];
            weightsOut[x] = weights[row + order[x]];
        }
        return out;
    }
}
