/**
 * The near-line tier: a Flink job ({@link dev.wren.stream.StreamJob}) that turns the serving event log into fresh user
 * features, item trends and click-through rates in the feature store, and fresh labelled samples, configured by one
 * {@link dev.wren.stream.StreamConfig}.
 */
package dev.wren.stream;
