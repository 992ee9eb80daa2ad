/**
 * The feature store sink (Sink V2): batched, versioned upserts that a replay cannot take back to an earlier set of
 * events.
 */
package dev.wren.stream.store;
