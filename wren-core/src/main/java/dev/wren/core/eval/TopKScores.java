package dev.wren.core.eval;

/**
 * How one top-K list scores against one user's held-out items, with binary relevance.
 *
 * @param ndcg discounted cumulative gain over the ideal one, whose list holds min(K, |relevant|) hits
 * @param recall hits over the number of relevant items
 * @param hitRate 1 when the list holds at least one relevant item, else 0
 * @param precision hits over K
 * @param reciprocalRank 1 / the position of the first hit (1-based), 0 without a hit in the list
 */
public record TopKScores(double ndcg, double recall, double hitRate, double precision, double reciprocalRank) {
    public TopKScores {
        check("ndcg", ndcg);
        check("recall", recall);
        check("hitRate", hitRate);
        check("precision", precision);
        check("reciprocalRank", reciprocalRank);
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }
}
