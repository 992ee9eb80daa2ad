/** The feature store sink (Sink V2): batched, versioned upserts that a replay cannot take back in time. */
package dev.wren.stream.store;
