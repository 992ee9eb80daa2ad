package dev.wren.data.synthetic;

/**
 * Everything that shapes a synthetic data set; the same config (seed included) always gives byte-identical files.
 *
 * @param seed the seed of every random step
 * @param users number of users
 * @param movies number of movies
 * @param ratings target total number of ratings; the result may fall slightly short when heavy users run out of
 *     movies released before their last visit
 * @param tasteDimension dimension of the hidden taste vectors
 * @param startYear first calendar year (UTC) of rating timestamps
 * @param endYear last calendar year (UTC) of rating timestamps, inclusive
 * @param minRatingsPerUser every user rates at least this many movies (MovieLens keeps users with 20 or more)
 * @param popularityExponent Zipf exponent of movie popularity: 0 is uniform, 1 is the classic power law
 * @param selectionSharpness how strongly taste steers which movies a user rates: 0 means by popularity alone
 * @param noise standard deviation of the per-rating noise, in stars
 * @param tasteDrift how far a user's taste moves over their active period, relative to its length
 * @param wholeStarShare share of users who only give whole stars (as many MovieLens users do)
 */
public record SyntheticConfig(
        long seed,
        int users,
        int movies,
        long ratings,
        int tasteDimension,
        int startYear,
        int endYear,
        int minRatingsPerUser,
        double popularityExponent,
        double selectionSharpness,
        double noise,
        double tasteDrift,
        double wholeStarShare) {

    /** Years before this would give negative Unix timestamps. */
    private static final int FIRST_YEAR = 1970;

    private static final int LAST_YEAR = 2100;

    private static final int MAX_USERS = 100_000_000;
    private static final int MAX_MOVIES = 10_000_000;

    public SyntheticConfig {
        require(users >= 1 && users <= MAX_USERS, "users", users, "must be in 1..100000000");
        require(movies >= 1 && movies <= MAX_MOVIES, "movies", movies, "must be in 1..10000000");
        require(tasteDimension >= 2 && tasteDimension <= 256, "tasteDimension", tasteDimension, "must be in 2..256");
        require(startYear >= FIRST_YEAR && startYear <= LAST_YEAR, "startYear", startYear, "must be in 1970..2100");
        require(endYear >= startYear && endYear <= LAST_YEAR, "endYear", endYear, "must be in startYear..2100");
        require(
                minRatingsPerUser >= 1 && minRatingsPerUser <= movies,
                "minRatingsPerUser",
                minRatingsPerUser,
                "must be in 1..movies (" + movies + ")");
        require(
                ratings >= (long) users * minRatingsPerUser,
                "ratings",
                ratings,
                "must be at least users x minRatingsPerUser = " + users + " x " + minRatingsPerUser + " = "
                        + (long) users * minRatingsPerUser);
        require(
                ratings <= (long) users * movies,
                "ratings",
                ratings,
                "must be at most users x movies = " + (long) users * movies + " (a user rates a movie once)");
        require(
                popularityExponent >= 0 && popularityExponent <= 3,
                "popularityExponent",
                popularityExponent,
                "must be in 0..3");
        require(
                selectionSharpness >= 0 && selectionSharpness <= 10,
                "selectionSharpness",
                selectionSharpness,
                "must be in 0..10");
        require(noise >= 0 && noise <= 5, "noise", noise, "must be in 0..5");
        require(tasteDrift >= 0 && tasteDrift <= 2, "tasteDrift", tasteDrift, "must be in 0..2");
        require(wholeStarShare >= 0 && wholeStarShare <= 1, "wholeStarShare", wholeStarShare, "must be in 0..1");
    }

    /** About 1,000 movies, 5,000 users and 300,000 ratings over 2015-2020, like a larger ml-latest-small. */
    public static SyntheticConfig defaults() {
        return new SyntheticConfig(42L, 5_000, 1_000, 300_000L, 12, 2015, 2020, 20, 1.0, 3.0, 0.5, 0.3, 0.3);
    }

    public SyntheticConfig withSeed(long newSeed) {
        return new SyntheticConfig(
                newSeed,
                users,
                movies,
                ratings,
                tasteDimension,
                startYear,
                endYear,
                minRatingsPerUser,
                popularityExponent,
                selectionSharpness,
                noise,
                tasteDrift,
                wholeStarShare);
    }

    /** The same config with another size; checked like any other. */
    public SyntheticConfig withSize(int newUsers, int newMovies, long newRatings) {
        return new SyntheticConfig(
                seed,
                newUsers,
                newMovies,
                newRatings,
                tasteDimension,
                startYear,
                endYear,
                minRatingsPerUser,
                popularityExponent,
                selectionSharpness,
                noise,
                tasteDrift,
                wholeStarShare);
    }

    public SyntheticConfig withTasteDimension(int newDimension) {
        return new SyntheticConfig(
                seed,
                users,
                movies,
                ratings,
                newDimension,
                startYear,
                endYear,
                minRatingsPerUser,
                popularityExponent,
                selectionSharpness,
                noise,
                tasteDrift,
                wholeStarShare);
    }

    public SyntheticConfig withYears(int newStartYear, int newEndYear) {
        return new SyntheticConfig(
                seed,
                users,
                movies,
                ratings,
                tasteDimension,
                newStartYear,
                newEndYear,
                minRatingsPerUser,
                popularityExponent,
                selectionSharpness,
                noise,
                tasteDrift,
                wholeStarShare);
    }

    public SyntheticConfig withMinRatingsPerUser(int newMin) {
        return new SyntheticConfig(
                seed,
                users,
                movies,
                ratings,
                tasteDimension,
                startYear,
                endYear,
                newMin,
                popularityExponent,
                selectionSharpness,
                noise,
                tasteDrift,
                wholeStarShare);
    }

    /** The same config with other signal knobs: selection sharpness, rating noise and taste drift. */
    public SyntheticConfig withSignal(double newSharpness, double newNoise, double newDrift) {
        return new SyntheticConfig(
                seed,
                users,
                movies,
                ratings,
                tasteDimension,
                startYear,
                endYear,
                minRatingsPerUser,
                popularityExponent,
                newSharpness,
                newNoise,
                newDrift,
                wholeStarShare);
    }

    private static void require(boolean ok, String field, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("Synthetic config: " + field + " " + rule + ", got " + value);
        }
    }
}
