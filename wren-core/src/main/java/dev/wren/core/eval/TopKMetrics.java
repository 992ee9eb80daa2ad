package dev.wren.core.eval;

import java.util.function.IntPredicate;

/** Scores one recommendation list against held-out items. Stateless and thread-safe. */
public final class TopKMetrics {
    private TopKMetrics() {}

    /**
     * Scores the first {@code k} items of {@code ranked}; a shorter list is scored as it is (its empty places are
     * misses).
     *
     * @param ranked the recommended items, best first, without repeats
     * @param relevant whether an item is one of the user's held-out items
     * @param relevantCount how many held-out items the user has, at least 1
     * @param k the cut-off, at least 1
     */
    public static TopKScores score(int[] ranked, IntPredicate relevant, int relevantCount, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (relevantCount < 1) {
            throw new IllegalArgumentException("a user needs at least one relevant item, got " + relevantCount);
        }
        int n = Math.min(k, ranked.length);
        double dcg = 0;
        int hits = 0;
        int firstHit = 0;
        for (int i = 0; i < n; i++) {
            if (relevant.test(ranked[i])) {
                dcg += discount(i);
                hits++;
                if (firstHit == 0) {
                    firstHit = i + 1;
                }
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevantCount); i++) {
            ideal += discount(i);
        }
        return new TopKScores(
                Math.min(1, dcg / ideal),
                Math.min(1, (double) hits / relevantCount),
                hits > 0 ? 1 : 0,
                (double) hits / k,
                firstHit == 0 ? 0 : 1.0 / firstHit);
    }

    /** The gain of a hit at 0-based position {@code i}: 1 / log2(i + 2). */
    static double discount(int i) {
        return 1.0 / (Math.log(i + 2) / Math.log(2));
    }
}
