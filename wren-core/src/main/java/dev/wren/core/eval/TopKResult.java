package dev.wren.core.eval;

/**
 * Top-K accuracy averaged over users, and what the lists showed as a whole.
 *
 * @param k the cut-off
 * @param users how many users were scored
 * @param ndcg mean NDCG@K
 * @param ndcgStandardError the standard error of that mean, for confidence intervals
 * @param recall mean Recall@K
 * @param hitRate the share of users with at least one hit in their K
 * @param precision mean Precision@K
 * @param mrr mean reciprocal rank of the first hit within K
 * @param coverage the share of the catalogue shown to at least one user within their K
 * @param novelty the mean popularity rank (1 = most popular in training) of the items shown: higher is more novel
 */
public record TopKResult(
        int k,
        int users,
        double ndcg,
        double ndcgStandardError,
        double recall,
        double hitRate,
        double precision,
        double mrr,
        double coverage,
        double novelty) {}
