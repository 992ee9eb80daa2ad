package dev.wren.stream.users;

import dev.wren.core.features.Interaction;
import dev.wren.core.model.Item;
import dev.wren.data.movielens.MovieLensReader;
import dev.wren.data.movielens.ReadOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * What a user's history starts from before the event log: the dataset's catalogue (each item's year and genres) and
 * ratings, the same files serving's real-time updater reads, so that a user's row comes out as serving would compute
 * it. Immutable and thread-safe once read.
 */
public final class BaseHistory {
    private final Map<Integer, Item> items;
    private final Map<Integer, Ratings> ratings;

    private BaseHistory(Map<Integer, Item> items, Map<Integer, Ratings> ratings) {
        this.items = items;
        this.ratings = ratings;
    }

    /**
     * Reads the catalogue and the ratings of the users that {@code keep} accepts, in file order (a parallel task keeps
     * only the users it owns).
     *
     * @throws IllegalArgumentException when the folder holds no MovieLens layout or no movies
     */
    public static BaseHistory read(Path dataDir, IntPredicate keep) {
        MovieLensReader reader = MovieLensReader.open(dataDir, ReadOptions.lenient());
        Map<Integer, Item> items = reader.items();
        if (items.isEmpty()) {
            throw new IllegalArgumentException(dataDir + " has no movies: the stream job needs the catalogue");
        }
        Map<Integer, Growing> growing = new HashMap<>();
        reader.forEachRating((user, item, rating, ts) -> {
            if (keep.test(user)) {
                growing.computeIfAbsent(user, u -> new Growing()).add(item, rating, ts);
            }
        });
        Map<Integer, Ratings> byUser = new HashMap<>(growing.size() * 2);
        growing.forEach((user, g) -> byUser.put(user, g.freeze()));
        return new BaseHistory(Map.copyOf(items), byUser);
    }

    /** The catalogue's item ids only, for filtering events. */
    public static Set<Integer> itemIds(Path dataDir) {
        return Set.copyOf(
                MovieLensReader.open(dataDir, ReadOptions.lenient()).items().keySet());
    }

    public Optional<Item> item(int id) {
        return Optional.ofNullable(items.get(id));
    }

    /** The user's ratings from the dataset as interactions, in file order; empty for a user with none. */
    public List<Interaction> interactions(int userId) {
        Ratings r = ratings.get(userId);
        if (r == null) {
            return List.of();
        }
        List<Interaction> out = new ArrayList<>(r.items.length);
        for (int i = 0; i < r.items.length; i++) {
            Item item = items.get(r.items[i]);
            out.add(new Interaction(
                    r.items[i],
                    r.ratings[i], // widened from float as serving's ratings index does, so the sums match
                    r.timestamps[i],
                    item == null ? OptionalInt.empty() : item.year(),
                    item == null ? List.of() : item.genres()));
        }
        return out;
    }

    /** How many users' ratings were kept. */
    public int userCount() {
        return ratings.size();
    }

    private record Ratings(int[] items, float[] ratings, long[] timestamps) {}

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

        Ratings freeze() {
            return new Ratings(Arrays.copyOf(items, n), Arrays.copyOf(ratings, n), Arrays.copyOf(ts, n));
        }
    }
}
