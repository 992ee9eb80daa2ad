/**
 * Offline evaluation of top-K lists: the per-list metrics ({@link dev.wren.core.eval.TopKMetrics}) and their averages
 * over users with catalogue coverage and novelty ({@link dev.wren.core.eval.TopKAccumulator}). Plain Java, shared by
 * every tier that scores recommendations against held-out interactions.
 */
package dev.wren.core.eval;
