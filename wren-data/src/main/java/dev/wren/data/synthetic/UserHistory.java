package dev.wren.data.synthetic;

/**
 * One simulated user: hidden taste, drift and bias, and their ratings in time order.
 *
 * @param taste the taste at the middle of the user's active period
 * @param drift how the taste moves: at fraction {@code f} of the period the taste is {@code taste + (f - 0.5) drift}
 * @param halfStars each rating times two (1 = 0.5 stars, 10 = 5 stars)
 */
record UserHistory(
        int userId, double[] taste, double[] drift, double bias, int[] movies, long[] times, int[] halfStars) {

    int size() {
        return movies.length;
    }
}
