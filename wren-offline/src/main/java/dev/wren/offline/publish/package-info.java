/** Writes the run's manifest and publishes serving features to the feature store as one snapshot. */
package dev.wren.offline.publish;
