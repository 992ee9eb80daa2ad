package dev.wren.core.eval;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

/**
 * Averages {@link TopKScores} over users at several cut-offs, and measures what the lists show as a whole: catalogue
 * coverage and novelty. Thread-safe: {@link #add} may be called from several threads.
 */
public final class TopKAccumulator {
    private final int[] ks;
    private final int catalogueSize;
    private final IntToDoubleFunction popularityRank;
    private final Sums[] sums;
    private final BitSet[] shown;
    private final double[] rankSums;
    private final long[] shownCounts;
    private int users;

    /**
     * @param ks the cut-offs, e.g. 10, 20, 50
     * @param catalogueSize how many items could be recommended, for coverage
     * @param popularityRank an item's popularity rank in the training data, 1 for the most popular, for novelty
     */
    public TopKAccumulator(int[] ks, int catalogueSize, IntToDoubleFunction popularityRank) {
        this.ks = ks.clone();
        Arrays.sort(this.ks);
        if (this.ks.length == 0 || this.ks[0] < 1) {
            throw new IllegalArgumentException("cut-offs must be at least 1: " + Arrays.toString(ks));
        }
        if (catalogueSize < 1) {
            throw new IllegalArgumentException("catalogueSize must be at least 1, got " + catalogueSize);
        }
        this.catalogueSize = catalogueSize;
        this.popularityRank = Objects.requireNonNull(popularityRank, "popularityRank");
        this.sums = new Sums[this.ks.length];
        this.shown = new BitSet[this.ks.length];
        this.rankSums = new double[this.ks.length];
        this.shownCounts = new long[this.ks.length];
        for (int i = 0; i < this.ks.length; i++) {
            sums[i] = new Sums();
            shown[i] = new BitSet();
        }
    }

    /** The largest cut-off: how long a list each user needs. */
    public int maxK() {
        return ks[ks.length - 1];
    }

    /**
     * Adds one user's list.
     *
     * @param ranked the recommended items, best first
     * @param relevant whether an item is held out for the user
     * @param relevantCount how many items are held out for the user, at least 1
     * @param slot an item's catalogue position (0 to catalogueSize - 1), or -1 for an item outside the catalogue
     */
    public synchronized void add(int[] ranked, IntPredicate relevant, int relevantCount, IntUnaryOperator slot) {
        users++;
        for (int i = 0; i < ks.length; i++) {
            sums[i].add(TopKMetrics.score(ranked, relevant, relevantCount, ks[i]));
            int n = Math.min(ks[i], ranked.length);
            for (int p = 0; p < n; p++) {
                int s = slot.applyAsInt(ranked[p]);
                if (s >= 0) {
                    shown[i].set(s);
                }
                rankSums[i] += popularityRank.applyAsDouble(ranked[p]);
                shownCounts[i]++;
            }
        }
    }

    /** The averages so far, by cut-off in increasing order. */
    public synchronized Map<Integer, TopKResult> results() {
        Map<Integer, TopKResult> out = new LinkedHashMap<>();
        for (int i = 0; i < ks.length; i++) {
            Sums s = sums[i];
            out.put(
                    ks[i],
                    new TopKResult(
                            ks[i],
                            users,
                            s.ndcg.mean(),
                            s.ndcg.standardError(),
                            s.recall.mean(),
                            s.hitRate.mean(),
                            s.precision.mean(),
                            s.reciprocalRank.mean(),
                            (double) shown[i].cardinality() / catalogueSize,
                            shownCounts[i] == 0 ? 0 : rankSums[i] / shownCounts[i]));
        }
        return out;
    }

    /** Running sums of one cut-off's per-user scores. */
    private static final class Sums {
        final Moments ndcg = new Moments();
        final Moments recall = new Moments();
        final Moments hitRate = new Moments();
        final Moments precision = new Moments();
        final Moments reciprocalRank = new Moments();

        void add(TopKScores s) {
            ndcg.add(s.ndcg());
            recall.add(s.recall());
            hitRate.add(s.hitRate());
            precision.add(s.precision());
            reciprocalRank.add(s.reciprocalRank());
        }
    }

    /** A mean and its standard error, from sums: the values are in [0, 1], so plain sums lose nothing that matters. */
    private static final class Moments {
        private long n;
        private double sum;
        private double sumSquares;

        void add(double x) {
            n++;
            sum += x;
            sumSquares += x * x;
        }

        double mean() {
            return n == 0 ? 0 : sum / n;
        }

        double standardError() {
            if (n < 2) {
                return 0;
            }
            double mean = sum / n;
            double variance = Math.max(0, (sumSquares - n * mean * mean) / (n - 1));
            return Math.sqrt(variance / n);
        }
    }
}
