/**
 * The recall -> rank -> rerank pipeline: the immutable {@link dev.wren.serving.pipeline.ServingState} (data and
 * stages, swapped atomically by {@link dev.wren.serving.pipeline.StateHolder}), the per-user context the stages read,
 * candidate merging with quotas and fallbacks, and the timed execution of one request.
 */
package dev.wren.serving.pipeline;
