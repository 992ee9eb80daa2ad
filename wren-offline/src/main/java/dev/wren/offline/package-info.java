/**
 * Wren's offline batch tier: Spark jobs (Java API) that turn a MovieLens log into item and point-in-time user
 * features, training samples, embeddings, similar items and statistics, written as Parquet with a manifest and
 * published to the feature store as a new snapshot. {@link dev.wren.offline.OfflinePipeline} is the entry point.
 */
package dev.wren.offline;
