/**
 * Rankers shipped with serving: simple, model-free blends. A learned ranker (DeepFM from wren-model) registers
 * beside them under its own name through {@link dev.wren.serving.pipeline.StageFactories}.
 */
package dev.wren.serving.rank;
