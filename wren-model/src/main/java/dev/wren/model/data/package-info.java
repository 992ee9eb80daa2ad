/**
 * The feature layout every model reads, samples and batches in plain Java, sample sources (in memory or streamed),
 * and the adapter for the Sparrow course's sample CSV. No DJL types here: tensors are made in one place,
 * {@link dev.wren.model.blocks.FeatureTranslator}.
 */
package dev.wren.model.data;
