package dev.wren.core.features;

import java.io.Serializable;

/**
 * How a user's features are computed, the same in every tier. Serializable: Spark ships it to its tasks.
 *
 * @param positiveThreshold a rating at or above this is a positive (a "like"); a click always is
 * @param recentPositives how many of the newest positives the features keep
 * @param topGenres how many genres the genre taste keeps
 * @param genreHalfLifeDays the half-life of a positive's weight in the genre taste
 * @param embeddingHalfLifeDays the half-life of a positive's weight in the user embedding
 */
public record UserFeatureRules(
        double positiveThreshold,
        int recentPositives,
        int topGenres,
        double genreHalfLifeDays,
        double embeddingHalfLifeDays)
        implements Serializable {
    public UserFeatureRules {
        if (!Double.isFinite(positiveThreshold)) {
            throw new IllegalArgumentException("positiveThreshold must be finite, got " + positiveThreshold);
        }
        if (recentPositives < 1 || topGenres < 1) {
            throw new IllegalArgumentException("recentPositives and topGenres must be positive");
        }
        if (!(genreHalfLifeDays > 0) || !(embeddingHalfLifeDays > 0)) {
            throw new IllegalArgumentException("the half-lives must be positive");
        }
    }

    /** Rating >= 3.5 is positive; the last 5 positives; the top 5 genres; 180-day half-lives. */
    public static UserFeatureRules defaults() {
        return new UserFeatureRules(3.5, 5, 5, 180, 180);
    }

    /** These rules with another positive threshold. */
    public UserFeatureRules withPositiveThreshold(double threshold) {
        return new UserFeatureRules(threshold, recentPositives, topGenres, genreHalfLifeDays, embeddingHalfLifeDays);
    }

    /** Whether an interaction is a positive: a click, or a rating at or above the threshold. */
    public boolean isPositive(Interaction i) {
        return i.isClick() || i.rating() >= positiveThreshold;
    }
}
