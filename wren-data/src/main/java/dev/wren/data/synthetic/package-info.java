/**
 * Synthetic MovieLens-format data with a planted, recoverable signal.
 *
 * <p>Users and movies get hidden taste vectors; genres, which movies a user rates and how they rate them all follow
 * from those vectors, so a recommender trained on the output should recover them. The hidden truth is written beside
 * the data ({@code hidden/}) and read back with {@link dev.wren.data.synthetic.HiddenTastes} so tests can measure how
 * much a model recovered. Output is byte-identical for the same {@link dev.wren.data.synthetic.SyntheticConfig}.
 */
package dev.wren.data.synthetic;
