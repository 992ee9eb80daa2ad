/**
 * Model quality measures in plain Java (no DJL types), so they can move to {@code wren-core} unchanged: log loss,
 * accuracy, ROC-AUC, PR-AUC, group AUC, and Recall@K / NDCG@K for retrieval.
 */
package dev.wren.model.eval;
