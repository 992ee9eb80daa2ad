package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.NumericScaling;
import dev.wren.model.data.Side;
import java.util.List;
import java.util.Optional;

/**
 * DeepFM scoring one user against many candidates without recomputing the user's share of the model for each one.
 * Every term of DeepFM splits into a user part and an item part: the first-order weights add up; the FM's pairwise
 * interactions are {@code 0.5 (|s_u + s_i|^2 - q_u - q_i)} over the sums {@code s} and squared norms {@code q} of each
 * side's field embeddings; and the first dense layer is linear in its input, so {@code W x = W_u x_u + W_i x_i}. Item
 * parts are computed once per item (serving does it at load), a request computes its user part once, and only the MLP
 * after its first layer runs per candidate. Scores equal the block's forward pass up to float rounding.
 *
 * <p>The parts, the first layer's sum and the FM term are plain Java over copies of the trained parameters; the
 * dense layers after the first run as one batched native call per layer over the live parameters (a Java loop over
 * 800 x 128 x 64 was an order of magnitude slower than the native call). The model must stay open while this is used. Thread-safe:
 * immutable after construction, and each call works in its own native scope.
 */
public final class FactorisedDeepFm {
    /**
     * One side's share of the model for one row.
     *
     * @param hidden its share of the first dense layer's pre-activation (the user's includes the bias)
     * @param embeddingSum the sum of its field embeddings
     * @param squares the sum of its field embeddings' squared entries
     * @param linear its first-order terms (the user's includes the biases)
     */
    public record Part(float[] hidden, float[] embeddingSum, float squares, float linear) {}

    private final int dim;
    private final int in;
    private final int categoricalCount;
    private final int[] userCategorical;
    private final int[] itemCategorical;
    private final int[] userNumeric;
    private final int[] itemNumeric;
    private final long[] offsets;
    private final float[] table;
    private final long[] firstOffsets;
    private final float[] firstWeights;
    private final float[] numericFirst;
    private final float firstBias;
    private final float[] w0;
    private final float[] b0;
    /** The dense layers after the first, then the head: weights and biases as the model holds them. */
    private final NDArray[] weights;

    private final NDArray[] biases;
    private final float[] means;
    private final float[] inverseDeviations;

    private FactorisedDeepFm(DeepFm block, FeatureLayout layout, NumericScaling scaling) {
        EmbeddingTable embeddings = block.embeddings();
        this.dim = (int) embeddings.outputWidth();
        this.categoricalCount = layout.categoricalCount();
        this.in = categoricalCount * dim + layout.numericCount();
        this.userCategorical = layout.categoricalColumns(Side.USER);
        this.itemCategorical = layout.categoricalColumns(Side.ITEM);
        this.userNumeric = layout.numericColumns(Side.USER);
        this.itemNumeric = layout.numericColumns(Side.ITEM);
        this.offsets = embeddings.offsets();
        this.table = embeddings.weights();
        WidePart first = block.firstOrder();
        this.firstOffsets = first.weights().offsets();
        this.firstWeights = first.weights().weights();
        Dense numeric = first.numericWeights();
        this.numericFirst = numeric == null ? new float[0] : numeric.weights();
        this.firstBias = first.bias() + (numeric == null ? 0 : numeric.biases()[0]);
        List<Dense> layers = block.mlp().layers();
        this.w0 = layers.get(0).weights();
        this.b0 = layers.get(0).biases();
        this.weights = new NDArray[layers.size()];
        this.biases = new NDArray[layers.size()];
        for (int l = 1; l < layers.size(); l++) {
            weights[l - 1] = layers.get(l).weightArray();
            biases[l - 1] = layers.get(l).biasArray();
        }
        weights[layers.size() - 1] = block.head().weightArray();
        biases[layers.size() - 1] = block.head().biasArray();
        this.means = scaling.floatMeans();
        this.inverseDeviations = scaling.inverseDeviations();
    }

    /** The factorised form of a trained DeepFM block; empty for any other block. */
    public static Optional<FactorisedDeepFm> of(Block block, FeatureLayout layout, NumericScaling scaling) {
        if (!(block instanceof DeepFm deepFm) || deepFm.firstOrder().hasCrosses()) {
            return Optional.empty();
        }
        return Optional.of(new FactorisedDeepFm(deepFm, layout, scaling));
    }

    /**
     * The user's part.
     *
     * @param categorical the user categorical columns' indices, in the layout's user-column order
     * @param numeric the user numeric columns' raw values, in the layout's user-column order
     */
    public Part user(int[] categorical, float[] numeric) {
        return part(userCategorical, userNumeric, categorical, numeric, true);
    }

    /** An item's part; arguments as {@link #user}, over the item columns. */
    public Part item(int[] categorical, float[] numeric) {
        return part(itemCategorical, itemNumeric, categorical, numeric, false);
    }

    private Part part(int[] catColumns, int[] numColumns, int[] categorical, float[] numeric, boolean withBiases) {
        int h = b0.length;
        float[] hidden = withBiases ? b0.clone() : new float[h];
        float[] sum = new float[dim];
        float squares = 0;
        float linear = withBiases ? firstBias : 0;
        for (int c = 0; c < catColumns.length; c++) {
            int column = catColumns[c];
            int row = (int) (offsets[column] + categorical[c]);
            int base = row * dim;
            for (int t = 0; t < dim; t++) {
                float e = table[base + t];
                sum[t] += e;
                squares += e * e;
            }
            linear += firstWeights[(int) (firstOffsets[column] + categorical[c])];
            int at = column * dim;
            for (int k = 0; k < h; k++) {
                int w = k * in + at;
                float s = 0;
                for (int t = 0; t < dim; t++) {
                    s += w0[w + t] * table[base + t];
                }
                hidden[k] += s;
            }
        }
        for (int c = 0; c < numColumns.length; c++) {
            int column = numColumns[c];
            float x = (numeric[c] - means[column]) * inverseDeviations[column];
            linear += numericFirst[column] * x;
            int at = categoricalCount * dim + column;
            for (int k = 0; k < h; k++) {
                hidden[k] += w0[k * in + at] * x;
            }
        }
        return new Part(hidden, sum, squares, linear);
    }

    /**
     * Many items' parts laid out for batched scoring: the first-layer shares as one native matrix (a request gathers
     * its candidates' rows in one call), the FM and first-order terms in flat arrays, by slot. Serving builds one per
     * catalogue at load; without it, every request would copy 800 scattered 128-float rows into a fresh buffer and
     * then into native memory. Lives as long as the model (its matrix belongs to the model's native memory).
     */
    public final class Catalogue {
        private final NDArray hidden;
        private final float[] sums;
        private final float[] squares;
        private final float[] linear;

        private Catalogue(List<Part> parts) {
            int n = parts.size();
            int h = b0.length;
            float[] matrix = new float[n * h];
            this.sums = new float[n * dim];
            this.squares = new float[n];
            this.linear = new float[n];
            for (int i = 0; i < n; i++) {
                Part p = parts.get(i);
                System.arraycopy(p.hidden, 0, matrix, i * h, h);
                System.arraycopy(p.embeddingSum, 0, sums, i * dim, dim);
                squares[i] = p.squares;
                linear[i] = p.linear;
            }
            this.hidden = weights[0].getManager().create(matrix, new Shape(n, h));
        }

        public int size() {
            return squares.length;
        }
    }

    /** The parts laid out for {@link #score(Part, Catalogue, int[])}; slot i is {@code parts.get(i)}. */
    public Catalogue catalogue(List<Part> parts) {
        return new Catalogue(parts);
    }

    /** Click probabilities of the catalogue's items at these slots for the user, in slot order. */
    public float[] score(Part user, Catalogue catalogue, int[] slots) {
        int n = slots.length;
        float[] deep;
        try (NDManager scope = weights[0].getManager().newSubManager()) {
            long[] index = new long[n];
            for (int i = 0; i < n; i++) {
                index[i] = slots[i];
            }
            NDArray rows = Embedding.embedding(scope.create(index), catalogue.hidden, SparseFormat.DENSE)
                    .singletonOrThrow();
            NDArray x = Activation.relu(rows.add(scope.create(user.hidden)));
            deep = rest(x);
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            int slot = slots[i];
            int base = slot * dim;
            float fm = 0;
            for (int t = 0; t < dim; t++) {
                float s = user.embeddingSum[t] + catalogue.sums[base + t];
                fm += s * s;
            }
            fm = 0.5f * (fm - user.squares - catalogue.squares[slot]);
            double logit = user.linear + catalogue.linear[slot] + fm + deep[i];
            out[i] = (float) (1 / (1 + Math.exp(-logit)));
        }
        return out;
    }

    /** Click probabilities of the items for the user, in item order. */
    public float[] score(Part user, Part[] items) {
        int n = items.length;
        int h = b0.length;
        float[] first = new float[n * h];
        for (int i = 0; i < n; i++) {
            float[] item = items[i].hidden;
            int at = i * h;
            for (int k = 0; k < h; k++) {
                float sum = user.hidden[k] + item[k];
                first[at + k] = sum > 0f ? sum : 0f;
            }
        }
        float[] deep = deep(first, n, h);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            Part item = items[i];
            float fm = 0;
            for (int t = 0; t < dim; t++) {
                float s = user.embeddingSum[t] + item.embeddingSum[t];
                fm += s * s;
            }
            fm = 0.5f * (fm - user.squares - item.squares);
            double logit = user.linear + item.linear + fm + deep[i];
            out[i] = (float) (1 / (1 + Math.exp(-logit)));
        }
        return out;
    }

    /** The rest of the MLP and the head over the first layer's activations (n x h): the deep logits. */
    private float[] deep(float[] first, int n, int h) {
        try (NDManager scope = weights[0].getManager().newSubManager()) {
            return rest(scope.create(first, new Shape(n, h)));
        }
    }

    /** The dense layers after the first, and the head, over first-layer activations: the deep logits. */
    private float[] rest(NDArray x) {
        int head = weights.length - 1;
        for (int l = 0; l < head; l++) {
            x = Activation.relu(Linear.linear(x, weights[l], biases[l]).singletonOrThrow());
        }
        return Linear.linear(x, weights[head], biases[head]).singletonOrThrow().toFloatArray();
    }
}
