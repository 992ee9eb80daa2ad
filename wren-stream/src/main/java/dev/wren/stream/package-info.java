/**
 * The near-line tier: a Flink job ({@link dev.wren.stream.StreamJob}) that turns the serving event log into fresh user
 * features and item trends in the feature store, configured by one {@link dev.wren.stream.StreamConfig}.
 */
package dev.wren.stream;
