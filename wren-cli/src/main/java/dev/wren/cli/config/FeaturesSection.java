package dev.wren.cli.config;

import dev.wren.core.features.UserFeatureRules;

/**
 * The {@code features} section: one definition of the user features (what a positive is, recent history, taste) for
 * the offline pipeline, serving and the stream job alike, so that the tiers cannot disagree.
 *
 * @param positiveThreshold a rating at or above this is a positive, and a positive sample label
 * @param recentPositives how many of the newest positives the features keep
 * @param topGenres how many genres the genre taste keeps
 * @param genreHalfLife the half-life of a positive's weight in the genre taste, in days
 * @param embeddingHalfLife the half-life of a positive's weight in the user embedding, in days
 */
public record FeaturesSection(
        double positiveThreshold, int recentPositives, int topGenres, double genreHalfLife, double embeddingHalfLife) {

    /** The rules every tier computes user features by. */
    public UserFeatureRules rules() {
        return new UserFeatureRules(positiveThreshold, recentPositives, topGenres, genreHalfLife, embeddingHalfLife);
    }
}
