/**
 * The ranking and retrieval models as DJL blocks over one {@link dev.wren.model.data.FeatureLayout}, their
 * configuration records ({@link dev.wren.model.blocks.ModelSpec}), and the one feature-to-tensor conversion,
 * {@link dev.wren.model.blocks.FeatureTranslator}, that training and serving share.
 *
 * <p>Every block takes the same four inputs: categorical indices (B, F) int64, standardised numerics (B, N) float32,
 * recent item ids (B, L) int64 and their mask (B, L) float32; it returns the click logit (B, 1) first. All parameter
 * shapes follow from the layout and the spec at construction, so initialisation needs no shape inference.
 */
package dev.wren.model.blocks;
