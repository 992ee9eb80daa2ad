package dev.wren.offline.features;

/**
 * How user features are computed.
 *
 * @param positiveThreshold a rating at or above this is positive (recent positives, genre preferences)
 * @param recentPositives how many last positive items to keep
 * @param topGenres how many genres to keep
 * @param genreHalfLifeDays the half-life of a positive rating's weight in the genre preference
 */
public record UserFeatureParams(
        double positiveThreshold, int recentPositives, int topGenres, double genreHalfLifeDays) {
    public UserFeatureParams {
        if (recentPositives < 1 || topGenres < 1) {
            throw new IllegalArgumentException("recentPositives and topGenres must be positive");
        }
        if (!(genreHalfLifeDays > 0)) {
            throw new IllegalArgumentException("genreHalfLifeDays must be positive, got " + genreHalfLifeDays);
        }
    }

    /** Rating >= 3.5 is positive, last 5 positives, top 5 genres, 180-day half-life. */
    public static UserFeatureParams defaults() {
        return new UserFeatureParams(3.5, 5, 5, 180);
    }
}
