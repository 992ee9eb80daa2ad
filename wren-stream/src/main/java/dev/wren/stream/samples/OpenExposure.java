package dev.wren.stream.samples;

/**
 * An exposure waiting for its label, with the user's features as of its time (strictly before its second, as the
 * offline samples' point-in-time features are). A Flink POJO kept in the user's state: absent statistics are NaN here
 * and null in the sample.
 *
 * @param itemId the item shown
 * @param exposedAt when the list was logged, milliseconds since the epoch
 * @param position the item's place in the list, from 0
 * @param deadline the last event time, in milliseconds, at which a click or rating still labels it
 * @param ratingCount the user's ratings so far
 * @param ratingAvg their mean, NaN without ratings
 * @param ratingStd their population deviation, NaN without ratings
 * @param releaseYearAvg the mean release year of what the user interacted with, NaN without one
 * @param releaseYearStd its deviation, NaN without one
 * @param recentPositives the newest positives, newest first
 * @param topGenres the genre taste, best first
 * @param rating a rating of the item below the label threshold seen in the window so far, NaN without one
 */
public record OpenExposure(
        int itemId,
        long exposedAt,
        int position,
        long deadline,
        long ratingCount,
        double ratingAvg,
        double ratingStd,
        double releaseYearAvg,
        double releaseYearStd,
        int[] recentPositives,
        String[] topGenres,
        double rating) {

    /** This exposure having seen a rating below the threshold. */
    public OpenExposure withRating(double r) {
        return new OpenExposure(
                itemId,
                exposedAt,
                position,
                deadline,
                ratingCount,
                ratingAvg,
                ratingStd,
                releaseYearAvg,
                releaseYearStd,
                recentPositives,
                topGenres,
                r);
    }

    /** The exposure's second, the sample's {@code ts}. */
    public long second() {
        return Math.floorDiv(exposedAt, 1000);
    }
}
