package dev.wren.model.eval;

/**
 * Binary-classification measures of a ranking model on one evaluation set.
 *
 * @param samples number of evaluated samples
 * @param logLoss mean binary cross-entropy
 * @param accuracy share of correct predictions at threshold 0.5
 * @param rocAuc area under the ROC curve
 * @param prAuc area under the precision-recall curve (average precision)
 * @param groupAuc per-user AUC weighted by the user's impressions
 */
public record Metrics(long samples, double logLoss, double accuracy, double rocAuc, double prAuc, double groupAuc) {}
