/**
 * Items trending now: the near-line stream job's per-item {@code trendingCount} (events in its sliding event-time
 * window), polled from the feature store in the background into an immutable snapshot that the {@code trending} recall
 * channel and the trending endpoint read without touching the store.
 */
package dev.wren.serving.trend;
