/**
 * The baselines every evaluation runs beside the pipeline, on the same split: most popular, ItemKNN (cosine), EASE and
 * implicit ALS. They are what a new recommender has to beat.
 */
package dev.wren.eval.baseline;
