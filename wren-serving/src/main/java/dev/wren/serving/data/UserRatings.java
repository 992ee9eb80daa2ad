package dev.wren.serving.data;

import java.util.Arrays;

/**
 * One user's ratings, oldest first, as parallel arrays. Immutable: the arrays are never changed after construction.
 *
 * @param items the rated items
 * @param ratings the ratings
 * @param timestamps seconds since the Unix epoch
 */
public record UserRatings(int[] items, float[] ratings, long[] timestamps, int[] sortedItems) {
    public static final UserRatings EMPTY = new UserRatings(new int[0], new float[0], new long[0]);

    public UserRatings {
        if (items.length != ratings.length || items.length != timestamps.length) {
            throw new IllegalArgumentException("parallel arrays differ in length");
        }
    }

    /** Ratings in time order; keeps a sorted copy of the items so that membership is a binary search. */
    public UserRatings(int[] items, float[] ratings, long[] timestamps) {
        this(items, ratings, timestamps, sortedCopy(items));
    }

    private static int[] sortedCopy(int[] items) {
        int[] sorted = items.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Whether the user rated this item. */
    public boolean rated(int itemId) {
        return Arrays.binarySearch(sortedItems, itemId) >= 0;
    }

    public int size() {
        return items.length;
    }

    /** The items rated at least {@code threshold}, most recent first, at most {@code limit}. */
    public int[] recentPositives(double threshold, int limit) {
        int[] out = new int[Math.min(limit, items.length)];
        int n = 0;
        for (int i = items.length - 1; i >= 0 && n < out.length; i--) {
            if (ratings[i] >= threshold) {
                out[n++] = items[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserRatings other
                && Arrays.equals(items, other.items)
                && Arrays.equals(ratings, other.ratings)
                && Arrays.equals(timestamps, other.timestamps);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items) * 31 + Arrays.hashCode(ratings);
    }

    @Override
    public String toString() {
        return "UserRatings[" + items.length + " ratings]";
    }
}
