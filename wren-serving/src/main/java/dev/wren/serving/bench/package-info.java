/** A load generator for the recommendation endpoint: latency percentiles and throughput at a fixed concurrency. */
package dev.wren.serving.bench;
