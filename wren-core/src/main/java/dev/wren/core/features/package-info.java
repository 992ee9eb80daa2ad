/**
 * The one definition of each user feature (what a positive is, the recent positives, the genre taste, the rating
 * statistics, the user embedding), shared by the offline pipeline, the serving bootstrap and the real-time updater:
 * {@link dev.wren.core.features.UserFeatureRules} says how, {@link dev.wren.core.features.UserProfile} computes them
 * from a time-ordered history.
 */
package dev.wren.core.features;
