package dev.wren.model.eval;

import java.util.List;
import java.util.Set;

/** Top-K retrieval measures for one query. Thread-safe: static pure functions only. */
public final class RankingMetrics {
    private RankingMetrics() {}

    /** Share of the relevant items found in the first {@code k} of {@code ranked}. */
    public static <T> double recallAtK(List<T> ranked, Set<T> relevant, int k) {
        check(relevant, k);
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                hits++;
            }
        }
        return (double) hits / relevant.size();
    }

    /** Normalised discounted cumulative gain with binary relevance: DCG of the first k over the ideal DCG. */
    public static <T> double ndcgAtK(List<T> ranked, Set<T> relevant, int k) {
        check(relevant, k);
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static void check(Set<?> relevant, int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        if (relevant.isEmpty()) {
            throw new IllegalArgumentException("no relevant items: recall and NDCG are undefined");
        }
    }
}
