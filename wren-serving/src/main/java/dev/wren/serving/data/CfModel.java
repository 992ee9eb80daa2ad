package dev.wren.serving.data;

import dev.wren.core.rank.StreamingTopK;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.util.List;
import java.util.Map;

/**
 * The collaborative filters the offline pipeline published, over the catalogue's slots: each item's EASE row (its
 * strongest weights to other items) and its ALS factors. A user's EASE score for an item is the sum of the rows of the
 * items the user interacted with; their ALS score is the dot product of factors. Immutable and thread-safe.
 */
public final class CfModel {
    private static final int[] NO_SLOTS = new int[0];
    private static final float[] NO_WEIGHTS = new float[0];

    private final IdSlots slots;
    // EASE rows point to a few thousand of a catalogue's items, their "targets" (numbered in first-seen order): a
    // user's
    // scores live in arrays over those alone, whose scattered updates stay in the cache, not over every catalogue slot.
    private final int[][] neighbours; // by slot: neighbour targets
    private final float[][] weights; // by slot: their weights
    private final int[] targetOfSlot; // by slot: its target index, or -1
    private final int[] slotOfTarget; // by target index: its catalogue slot
    private final float[][] factors; // by slot: ALS factors, or null
    // By target: the slots of the items that give it its STRONGEST_SOURCES largest positive weights, largest first.
    private final int[][] strongestSources;
    private final int rows;
    private final int factorCount;
    private final int rank;
    /** The mean of the items' factors, and their covariance (rank x rank, row-major). */
    private final double[] factorMean;

    private final double[] factorCovariance;

    /** How many of a target's strongest sources are kept to explain its score. */
    static final int STRONGEST_SOURCES = 32;

    private CfModel(IdSlots slots, int[][] neighbourSlots, float[][] weights, float[][] factors) {
        this.slots = slots;
        this.weights = weights;
        this.factors = factors;
        this.targetOfSlot = new int[neighbourSlots.length];
        java.util.Arrays.fill(targetOfSlot, -1);
        int[] slotOf = new int[16]; // slotOfTarget while it grows
        int used = 0;
        this.neighbours = new int[neighbourSlots.length][];
        int r = 0;
        for (int from = 0; from < neighbourSlots.length; from++) {
            int[] ns = neighbourSlots[from];
            r += ns.length > 0 ? 1 : 0;
            int[] targets = new int[ns.length];
            for (int k = 0; k < ns.length; k++) {
                int to = ns[k];
                if (targetOfSlot[to] < 0) {
                    if (used == slotOf.length) {
                        slotOf = java.util.Arrays.copyOf(slotOf, used * 2);
                    }
                    targetOfSlot[to] = used;
                    slotOf[used++] = to;
                }
                targets[k] = targetOfSlot[to];
            }
            neighbours[from] = ns.length == 0 ? NO_SLOTS : targets;
        }
        this.slotOfTarget = java.util.Arrays.copyOf(slotOf, used);
        this.strongestSources = strongestSources(neighbours, weights, used);
        this.rows = r;
        int f = 0;
        int d = 0;
        for (float[] v : factors) {
            if (v != null) {
                f++;
                d = v.length;
            }
        }
        this.factorCount = f;
        this.rank = d;
        this.factorMean = new double[d];
        this.factorCovariance = new double[d * d];
        for (float[] v : factors) {
            if (v != null) {
                for (int a = 0; a < d; a++) {
                    factorMean[a] += v[a] / (double) f;
                }
            }
        }
        for (float[] v : factors) {
            if (v != null) {
                for (int a = 0; a < d; a++) {
                    double da = v[a] - factorMean[a];
                    for (int b = 0; b < d; b++) {
                        factorCovariance[a * d + b] += da * (v[b] - factorMean[b]) / f;
                    }
                }
            }
        }
    }

    /** Reads the rows' {@link FeatureSchema#CF_NEIGHBOURS}, {@link FeatureSchema#CF_WEIGHTS} and {@link FeatureSchema#CF_FACTORS}. */
    public static CfModel from(Map<Integer, Features> itemRows, IdSlots slots) {
        int n = slots.size();
        int[][] neighbours = new int[n][];
        float[][] weights = new float[n][];
        float[][] factors = new float[n][];
        java.util.Arrays.fill(neighbours, NO_SLOTS);
        java.util.Arrays.fill(weights, NO_WEIGHTS);
        itemRows.forEach((id, row) -> {
            int slot = slots.slot(id);
            if (slot == IdSlots.NONE) {
                return;
            }
            List<Integer> ids = row.intList(FeatureSchema.CF_NEIGHBOURS);
            float[] w = row.floatList(FeatureSchema.CF_WEIGHTS);
            int m = Math.min(ids.size(), w.length);
            int[] ns = new int[m];
            float[] ws = new float[m];
            int k = 0;
            for (int i = 0; i < m; i++) {
                int s = slots.slot(ids.get(i));
                if (s != IdSlots.NONE) {
                    ns[k] = s;
                    ws[k] = w[i];
                    k++;
                }
            }
            neighbours[slot] = java.util.Arrays.copyOf(ns, k);
            weights[slot] = java.util.Arrays.copyOf(ws, k);
            factors[slot] = row.vector(FeatureSchema.CF_FACTORS).orElse(null);
        });
        return new CfModel(slots, neighbours, weights, factors);
    }

    /**
     * By target, the source slots of its {@link #STRONGEST_SOURCES} largest positive weights, largest first (the
     * smaller slot first on a tie), kept in order by insertion while the rows are read once.
     */
    private static int[][] strongestSources(int[][] neighbours, float[][] weights, int targets) {
        StreamingTopK[] strongest = new StreamingTopK[targets];
        for (int from = 0; from < neighbours.length; from++) {
            int[] ns = neighbours[from];
            float[] ws = weights[from];
            for (int k = 0; k < ns.length; k++) {
                if (ws[k] > 0) {
                    int t = ns[k];
                    if (strongest[t] == null) {
                        strongest[t] = new StreamingTopK(STRONGEST_SOURCES);
                    }
                    strongest[t].offer(ws[k], from);
                }
            }
        }
        int[][] out = new int[targets][];
        for (int t = 0; t < targets; t++) {
            out[t] = strongest[t] == null ? NO_SLOTS : strongest[t].ids();
        }
        return out;
    }

    /** A model with nothing in it: the store had no collaborative filters (a bootstrap snapshot, say). */
    public static CfModel empty(IdSlots slots) {
        int n = slots.size();
        int[][] neighbours = new int[n][];
        float[][] weights = new float[n][];
        java.util.Arrays.fill(neighbours, NO_SLOTS);
        java.util.Arrays.fill(weights, NO_WEIGHTS);
        return new CfModel(slots, neighbours, weights, new float[n][]);
    }

    /** How many items have an EASE row. */
    public int neighbourRows() {
        return rows;
    }

    /** How many items have ALS factors. */
    public int factorCount() {
        return factorCount;
    }

    /** The factors' dimension; 0 without factors. */
    public int rank() {
        return rank;
    }

    /** Every item's factors, by item id, for an index over them. */
    public Map<Integer, float[]> factorsById(Catalog catalog) {
        Map<Integer, float[]> out = new java.util.HashMap<>(factorCount * 2);
        for (int s = 0; s < factors.length; s++) {
            if (factors[s] != null) {
                out.put(catalog.idAt(s), factors[s]);
            }
        }
        return out;
    }

    /**
     * A user's EASE scores over the catalogue's slots, from the items the user interacted with.
     *
     * <p>The loop over the history's rows only adds: a profile of the endpoint spent 39 % of its CPU here while the
     * same loop also tracked which targets it reached and each one's strongest weight, branches on every one of the
     * hundreds of thousands of weights a long history sums. The reasons come from a table of each item's strongest
     * sources instead ({@link EaseScores#because}).
     *
     * @param history the user's item ids (those outside the catalogue are skipped)
     */
    public EaseScores easeScores(int[] history) {
        float[] scores = new float[slotOfTarget.length];
        for (int itemId : history) {
            int from = slots.slot(itemId);
            if (from == IdSlots.NONE) {
                continue;
            }
            int[] ns = neighbours[from];
            float[] ws = weights[from];
            for (int k = 0; k < ns.length; k++) {
                scores[ns[k]] += ws[k];
            }
        }
        return new EaseScores(this, scores);
    }

    /** A user's ALS score for the item in a slot, or NaN when either side has no factors. */
    public float factorScore(float[] user, int slot) {
        float[] item = factors[slot];
        if (item == null || user.length != item.length) {
            return Float.NaN;
        }
        float dot = 0;
        for (int d = 0; d < item.length; d++) {
            dot += user[d] * item[d];
        }
        return dot;
    }

    /**
     * The mean and standard deviation of a user's ALS scores over the items with factors that the user has not seen:
     * the whole catalogue's from the factors' mean and covariance (u.mean and u' C u + (u.mean)^2 for the second
     * moment), less the seen items' own scores. A request standardises its candidates' scores against the catalogue
     * without scoring it.
     *
     * @param seen the user's item slots
     */
    public double[] factorScoreMoments(float[] user, int[] seen) {
        if (user.length != rank || factorCount == 0) {
            return new double[] {0, 0};
        }
        double mean = 0;
        double var = 0;
        for (int a = 0; a < rank; a++) {
            mean += user[a] * factorMean[a];
            double row = 0;
            for (int b = 0; b < rank; b++) {
                row += factorCovariance[a * rank + b] * user[b];
            }
            var += user[a] * row;
        }
        double sum = mean * factorCount;
        double squares = (var + mean * mean) * factorCount;
        int n = factorCount;
        for (int slot : seen) {
            float score = factorScore(user, slot);
            if (!Float.isNaN(score)) {
                sum -= score;
                squares -= (double) score * score;
                n--;
            }
        }
        return moments(sum, squares, n);
    }

    static double[] moments(double sum, double squares, int n) {
        if (n <= 0) {
            return new double[] {0, 0};
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, squares / n - mean * mean))};
    }

    /**
     * One user's EASE scores over the catalogue's slots; items no history item points to score 0.
     *
     * <p>The arrays are indexed by the model's EASE targets, not by catalogue slot: read them through the methods.
     */
    public static final class EaseScores {
        private final CfModel model;
        private final float[] scores;
        private final int[] touched;

        EaseScores(CfModel model, float[] scores) {
            this.model = model;
            this.scores = scores;
            int count = 0;
            for (float x : scores) {
                count += x != 0 ? 1 : 0;
            }
            this.touched = new int[count];
            int k = 0;
            for (int t = 0; t < scores.length; t++) {
                if (scores[t] != 0) {
                    touched[k++] = model.slotOfTarget[t];
                }
            }
        }

        /** The score of the item in {@code slot}. */
        public float score(int slot) {
            int t = model.targetOfSlot[slot];
            return t < 0 ? 0 : scores[t];
        }

        /** The slots with a score other than 0: those the history's rows point to, unless their weights cancel. */
        public int[] touched() {
            return touched;
        }

        /**
         * For each of these slots, the slot of the history item that gives it the largest positive weight, looked for
         * among the item's {@value CfModel#STRONGEST_SOURCES} strongest sources; {@link IdSlots#NONE} where none of
         * those is in the history (the score then comes from many weaker links, which no single item explains).
         *
         * @param inHistory whether the item in a slot is in the history these scores were summed from
         */
        public int[] because(int[] slots, java.util.function.IntPredicate inHistory) {
            int[] because = new int[slots.length];
            java.util.Arrays.fill(because, IdSlots.NONE);
            for (int i = 0; i < slots.length; i++) {
                int t = model.targetOfSlot[slots[i]];
                if (t < 0) {
                    continue;
                }
                for (int source : model.strongestSources[t]) {
                    if (inHistory.test(source)) {
                        because[i] = source;
                        break;
                    }
                }
            }
            return because;
        }

        /**
         * The mean and standard deviation of the scores over the catalogue items the user has not seen (untouched
         * items score 0).
         *
         * @param seen the user's item slots, each once
         */
        public double[] moments(int[] seen) {
            double sum = 0;
            double squares = 0;
            for (float x : scores) {
                sum += x;
                squares += (double) x * x;
            }
            for (int slot : seen) {
                double x = score(slot);
                sum -= x;
                squares -= x * x;
            }
            return CfModel.moments(sum, squares, model.slots.size() - seen.length);
        }
    }
}
