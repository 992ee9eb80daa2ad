package dev.wren.model.eval;

/**
 * Retrieval measures averaged over queries, with binary relevance: Recall@K is the share of a user's held-out items
 * found in the first K, NDCG@10 discounts each hit by its rank.
 *
 * @param queries number of evaluated queries (users)
 * @param recallAt10 mean Recall@10
 * @param recallAt50 mean Recall@50, the measure retrieval models are selected by
 * @param ndcgAt10 mean NDCG@10
 */
public record RetrievalMetrics(long queries, double recallAt10, double recallAt50, double ndcgAt10) {
    /** The cut-off of the measure early stopping and model selection use: {@link #recallAt50}. */
    public static final int SELECTION_K = 50;

    @Override
    public String toString() {
        return String.format(
                "Recall@10 %.4f, Recall@50 %.4f, NDCG@10 %.4f (%d users)", recallAt10, recallAt50, ndcgAt10, queries);
    }
}
