package dev.wren.offline.cf;

import java.util.Arrays;
import java.util.stream.IntStream;

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
        double[] gram = gram(histories, n);
        double emphasis = dropout / (1 - dropout);
        for (int i = 0; i < n; i++) {
            gram[i * n + i] += lambda + emphasis * gram[i * n + i];
        }
        double[] data;
        try {
            data = SymmetricInverse.invert(gram, n);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "X'X + lambda I is not positive definite: lambda " + lambda + ", dropout " + dropout, e);
        }
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
        // One primitive sort per row: the key orders by magnitude, largest first (the bits of a non-negative float
        // order as the float does), then by the smaller index; no boxed indexes and no comparator.
        long[] keys = new long[n - 1];
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (j != i) {
                long magnitude = Float.floatToIntBits(Math.abs(weights[row + j]));
                keys[m++] = ((Integer.MAX_VALUE - magnitude) << 32) | j;
            }
        }
        Arrays.sort(keys);
        int taken = Math.min(k, m);
        int[] out = new int[taken];
        for (int x = 0; x < taken; x++) {
            out[x] = (int) keys[x];
            weightsOut[x] = weights[row + out[x]];
        }
        return out;
    }

    /**
     * X'X for binary X: entry (a, b) counts the users who have both a and b. Built a row at a time from the users of
     * item a, into a buffer small enough to stay in cache, upper triangle only and rows in parallel; scattering each
     * user's pairs straight into the n x n array missed the cache on nearly every add.
     */
    static double[] gram(int[][] histories, int n) {
        int[][] sorted = new int[histories.length][];
        int[] usersOf = new int[n + 1];
        for (int u = 0; u < histories.length; u++) {
            sorted[u] = histories[u].clone();
            Arrays.sort(sorted[u]);
            for (int a : sorted[u]) {
                usersOf[a + 1]++;
            }
        }
        for (int a = 0; a < n; a++) {
            usersOf[a + 1] += usersOf[a];
        }
        int[] user = new int[usersOf[n]];
        int[] position = new int[usersOf[n]];
        int[] next = Arrays.copyOf(usersOf, n);
        for (int u = 0; u < sorted.length; u++) {
            int[] items = sorted[u];
            for (int p = 0; p < items.length; p++) {
                int slot = next[items[p]]++;
                user[slot] = u;
                position[slot] = p;
            }
        }
        double[] gram = new double[n * n];
        IntStream.range(0, n).parallel().forEach(a -> {
            int[] counts = new int[n];
            for (int k = usersOf[a]; k < usersOf[a + 1]; k++) {
                int[] items = sorted[user[k]];
                for (int p = position[k]; p < items.length; p++) {
                    counts[items[p]]++;
                }
            }
            int row = a * n;
            for (int b = a; b < n; b++) {
                gram[row + b] = counts[b];
                gram[b * n + a] = counts[b];
            }
        });
        return gram;
    }
}
