/**
 * Training input from the offline pipeline's output folder: {@code manifest.json} mapped to a {@link
 * dev.wren.model.data.FeatureLayout} (fitted vocabularies, bucket boundaries, imputed means) and the leak-free Parquet
 * samples streamed row group by row group as a {@link dev.wren.model.data.SampleSource}. No Spark here: Parquet is
 * read with parquet-hadoop's example Group API.
 */
package dev.wren.model.offline;
