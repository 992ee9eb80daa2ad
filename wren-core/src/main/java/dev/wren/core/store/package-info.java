/**
 * The feature store's contract: user and item features and embeddings, batch reads and writes, and versioned snapshots
 * that become visible in one atomic switch. Implementations live in {@code wren-store}; keys and names come from one
 * {@link dev.wren.core.store.FeatureSchema}.
 */
package dev.wren.core.store;
