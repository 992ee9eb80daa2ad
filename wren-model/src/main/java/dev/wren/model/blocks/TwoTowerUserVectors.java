package dev.wren.model.blocks;

import ai.djl.nn.Block;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.NumericScaling;
import dev.wren.model.data.Side;
import java.util.List;
import java.util.Optional;

/**
 * A two-tower model's user tower in plain Java, for serving: one user per request is a few thousand multiply-adds, less
 * than the cost of a native forward pass through both towers with a fresh predictor. Same computation as the block's
 * user side over the fields the tower reads (field embeddings, scaled numerics, masked mean of the recent items'
 * embeddings, the tower MLP, the output layer, L2 normalisation), over copies of the trained parameters. Thread-safe: immutable.
 */
public final class TwoTowerUserVectors {
    private final int dim;
    private final int[] userColumns;
    private final int[] userNumeric;
    /** Where each tower column's value is in a request's user values (which hold every USER field). */
    private final int[] categoricalAt;

    private final int[] numericAt;
    private final int itemColumn;
    private final int sequenceLength;
    private final long[] offsets;
    private final float[] table;
    private final float[][] weights;
    private final float[][] biases;
    private final float[] means;
    private final float[] inverseDeviations;

    private TwoTowerUserVectors(TwoTower block, FeatureLayout layout, NumericScaling scaling) {
        EmbeddingTable embeddings = block.embeddings();
        this.dim = (int) embeddings.outputWidth();
        this.userColumns = block.userColumns();
        this.userNumeric = block.userNumeric();
        this.categoricalAt = positions(userColumns, layout.categoricalColumns(Side.USER));
        this.numericAt = positions(userNumeric, layout.numericColumns(Side.USER));
        this.itemColumn = block.itemColumn();
        this.sequenceLength = itemColumn >= 0 ? layout.sequenceLength() : 0;
        this.offsets = embeddings.offsets();
        this.table = embeddings.weights();
        List<Dense> layers = new java.util.ArrayList<>(block.userTower().layers());
        layers.add(block.userOut());
        this.weights = new float[layers.size()][];
        this.biases = new float[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            weights[l] = layers.get(l).weights();
            biases[l] = layers.get(l).biases();
        }
        this.means = scaling.floatMeans();
        this.inverseDeviations = scaling.inverseDeviations();
    }

    /** The user tower of a trained two-tower block; empty for any other block. */
    public static Optional<TwoTowerUserVectors> of(Block block, FeatureLayout layout, NumericScaling scaling) {
        return block instanceof TwoTower twoTower
                ? Optional.of(new TwoTowerUserVectors(twoTower, layout, scaling))
                : Optional.empty();
    }

    /**
     * The user's unit-length tower vector.
     *
     * @param categorical the user categorical columns' indices, in the layout's user-column order
     * @param numeric the user numeric columns' raw values, in the layout's user-column order
     * @param recentItems the recent item indices, most recent first (0 pads)
     */
    public float[] vector(int[] categorical, float[] numeric, int[] recentItems) {
        int width = userColumns.length * dim + userNumeric.length + (sequenceLength > 0 ? dim : 0);
        float[] x = new float[width];
        int at = 0;
        for (int c = 0; c < userColumns.length; c++) {
            int base = (int) (offsets[userColumns[c]] + categorical[categoricalAt[c]]) * dim;
            System.arraycopy(table, base, x, at, dim);
            at += dim;
        }
        for (int c = 0; c < userNumeric.length; c++) {
            int column = userNumeric[c];
            x[at++] = (numeric[numericAt[c]] - means[column]) * inverseDeviations[column];
        }
        if (sequenceLength > 0) {
            int count = 0;
            for (int i = 0; i < Math.min(sequenceLength, recentItems.length); i++) {
                if (recentItems[i] > 0) {
                    int base = (int) (offsets[itemColumn] + recentItems[i]) * dim;
                    for (int t = 0; t < dim; t++) {
                        x[at + t] += table[base + t];
                    }
                    count++;
                }
            }
            float scale = 1f / Math.max(1, count);
            for (int t = 0; t < dim; t++) {
                x[at + t] *= scale;
            }
        }
        for (int l = 0; l < weights.length; l++) {
            float[] w = weights[l];
            float[] b = biases[l];
            int in = x.length;
            float[] y = new float[b.length];
            for (int o = 0; o < b.length; o++) {
                float s = b[o];
                int row = o * in;
                for (int k = 0; k < in; k++) {
                    s += w[row + k] * x[k];
                }
                // ReLU after every tower layer; the output layer is linear.
                y[o] = l < weights.length - 1 && s < 0 ? 0 : s;
            }
            x = y;
        }
        double norm = 0;
        for (float v : x) {
            norm += v * v;
        }
        float inverse = (float) (1 / (Math.sqrt(norm) + 1e-8));
        for (int t = 0; t < x.length; t++) {
            x[t] *= inverse;
        }
        return x;
    }

    private static int[] positions(int[] towerColumns, int[] sideColumns) {
        int[] out = new int[towerColumns.length];
        for (int c = 0; c < towerColumns.length; c++) {
            out[c] = -1;
            for (int i = 0; i < sideColumns.length; i++) {
                if (sideColumns[i] == towerColumns[c]) {
                    out[c] = i;
                }
            }
            if (out[c] < 0) {
                throw new IllegalStateException("column " + towerColumns[c] + " is not a USER column");
            }
        }
        return out;
    }
}
