package dev.wren.eval.data;

import dev.wren.data.movielens.MovieLensReader;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Ratings as parallel primitive arrays: a million ratings cost 20 MB rather than the 50 MB of rating objects.
 * Immutable once built.
 */
public final class RatingLog {
    private final int[] users;
    private final int[] items;
    private final float[] ratings;
    private final long[] timestamps;

    private RatingLog(int[] users, int[] items, float[] ratings, long[] timestamps) {
        this.users = users;
        this.items = items;
        this.ratings = ratings;
        this.timestamps = timestamps;
    }

    /** Every valid rating of a MovieLens folder, in file order. */
    public static RatingLog read(MovieLensReader reader) {
        Builder b = new Builder();
        reader.forEachRating(b::add);
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return users.length;
    }

    public int user(int row) {
        return users[row];
    }

    public int item(int row) {
        return items[row];
    }

    public float rating(int row) {
        return ratings[row];
    }

    public long timestamp(int row) {
        return timestamps[row];
    }

    /** The rows whose bits are set, in order. */
    public RatingLog select(BitSet rows) {
        int n = rows.cardinality();
        int[] u = new int[n];
        int[] i = new int[n];
        float[] r = new float[n];
        long[] t = new long[n];
        int k = 0;
        for (int row = rows.nextSetBit(0); row >= 0 && row < size(); row = rows.nextSetBit(row + 1)) {
            u[k] = users[row];
            i[k] = items[row];
            r[k] = ratings[row];
            t[k] = timestamps[row];
            k++;
        }
        return new RatingLog(Arrays.copyOf(u, k), Arrays.copyOf(i, k), Arrays.copyOf(r, k), Arrays.copyOf(t, k));
    }

    /** Collects ratings one at a time. Not thread-safe. */
    public static final class Builder {
        private int[] users = new int[1024];
        private int[] items = new int[1024];
        private float[] ratings = new float[1024];
        private long[] timestamps = new long[1024];
        private int n;

        public Builder add(int user, int item, float rating, long timestamp) {
            if (n == users.length) {
                int grown = n * 2;
                users = Arrays.copyOf(users, grown);
                items = Arrays.copyOf(items, grown);
                ratings = Arrays.copyOf(ratings, grown);
                timestamps = Arrays.copyOf(timestamps, grown);
            }
            users[n] = user;
            items[n] = item;
            ratings[n] = rating;
            timestamps[n] = timestamp;
            n++;
            return this;
        }

        public RatingLog build() {
            return new RatingLog(
                    Arrays.copyOf(users, n),
                    Arrays.copyOf(items, n),
                    Arrays.copyOf(ratings, n),
                    Arrays.copyOf(timestamps, n));
        }
    }
}
