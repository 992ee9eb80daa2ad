package dev.wren.serving.data;

import dev.wren.data.movielens.MovieLensReader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every user's ratings from the ratings log, by user. Immutable and thread-safe once built. */
public final class RatingsIndex {
    private final Map<Integer, UserRatings> byUser;
    private final long count;

    private RatingsIndex(Map<Integer, UserRatings> byUser, long count) {
        this.byUser = IntKeys.freeze(byUser);
        this.count = count;
    }

    /** Reads every rating of the folder, sorting each user's ratings by time (file order breaks ties). */
    public static RatingsIndex read(MovieLensReader reader) {
        Map<Integer, Growing> growing = new HashMap<>();
        long n = reader.forEachRating((user, item, rating, ts) ->
                growing.computeIfAbsent(user, u -> new Growing()).add(item, rating, ts));
        Map<Integer, UserRatings> byUser = new HashMap<>(growing.size() * 2);
        growing.forEach((user, g) -> byUser.put(user, g.freeze()));
        return new RatingsIndex(byUser, n);
    }

    /** An index over ratings already grouped by user (each user's ratings oldest first). */
    public static RatingsIndex of(Map<Integer, UserRatings> byUser) {
        return new RatingsIndex(
                byUser, byUser.values().stream().mapToLong(UserRatings::size).sum());
    }

    public Optional<UserRatings> user(int userId) {
        return Optional.ofNullable(byUser.get(userId));
    }

    public Set<Integer> users() {
        return byUser.keySet();
    }

    public Map<Integer, UserRatings> all() {
        return byUser;
    }

    public long ratingCount() {
        return count;
    }

    private static final class Growing {
        private int[] items = new int[8];
        private float[] ratings = new float[8];
        private long[] ts = new long[8];
        private int n;

        void add(int item, float rating, long timestamp) {
            if (n == items.length) {
                items = Arrays.copyOf(items, n * 2);
                ratings = Arrays.copyOf(ratings, n * 2);
                ts = Arrays.copyOf(ts, n * 2);
            }
            items[n] = item;
            ratings[n] = rating;
            ts[n] = timestamp;
            n++;
        }

        UserRatings freeze() {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(ts[a], ts[b])); // stable: file order breaks ties
            int[] it = new int[n];
            float[] r = new float[n];
            long[] t = new long[n];
            for (int i = 0; i < n; i++) {
                it[i] = items[order[i]];
                r[i] = ratings[order[i]];
                t[i] = ts[order[i]];
            }
            return new UserRatings(it, r, t);
        }
    }
}
