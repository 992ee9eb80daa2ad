/**
 * Training: streamed batches, Adam, early stopping on validation AUC, seeded throughout, in-memory best-epoch
 * restore plus optional on-disk checkpoints, and a progress bar with loss and samples/s. Also the seeded k-fold
 * cross-validation runner.
 */
package dev.wren.model.train;
