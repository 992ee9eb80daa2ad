package dev.wren.model.eval;

/**
 * Retrieval measures averaged over queries.
 *
 * @param k cut-off
 * @param queries number of evaluated queries
 * @param recall mean Recall@K
 * @param ndcg mean NDCG@K
 */
public record RetrievalMetrics(int k, long queries, double recall, double ndcg) {}
