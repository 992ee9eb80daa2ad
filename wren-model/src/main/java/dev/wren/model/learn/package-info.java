/**
 * Online model updates: fresh samples (the stream job's JSON lines, or offline Parquet replayed in time order)
 * decoded by the offline layout's one feature definition, prequential validation against the frozen starting model,
 * and publishing a new bundle version only when the updated model is not worse.
 */
package dev.wren.model.learn;
