/** A latency benchmark of the serving reads, run against any {@link dev.wren.core.store.FeatureStore}. */
package dev.wren.store.bench;
