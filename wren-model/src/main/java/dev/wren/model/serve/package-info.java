/**
 * Serving: score one user against a batch of candidates in one call, safe under concurrency (a pool of predictors),
 * and a latency probe reporting median and p99.
 */
package dev.wren.model.serve;
