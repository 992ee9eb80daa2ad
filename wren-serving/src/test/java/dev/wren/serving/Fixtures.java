package dev.wren.serving;

import dev.wren.core.model.Item;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.RatingsIndex;
import dev.wren.serving.data.UserRatings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Small in-code catalogues and rating sets for unit tests. */
public final class Fixtures {
    private Fixtures() {}

    public static Item item(int id, int year, String... genres) {
        return new Item(id, "Movie " + id, OptionalInt.of(year), List.of(genres));
    }

    /** Ratings as {@code {user, item, rating}} triples; time follows the array order. */
    public static RatingsIndex ratings(double[][] rows) {
        Map<Integer, List<double[]>> byUser = new LinkedHashMap<>();
        for (double[] r : rows) {
            byUser.computeIfAbsent((int) r[0], k -> new java.util.ArrayList<>()).add(r);
        }
        Map<Integer, UserRatings> out = new LinkedHashMap<>();
        long t = 0;
        for (Map.Entry<Integer, List<double[]>> e : byUser.entrySet()) {
            int n = e.getValue().size();
            int[] items = new int[n];
            float[] ratings = new float[n];
            long[] ts = new long[n];
            for (int i = 0; i < n; i++) {
                items[i] = (int) e.getValue().get(i)[1];
                ratings[i] = (float) e.getValue().get(i)[2];
                ts[i] = ++t;
            }
            out.put(e.getKey(), new UserRatings(items, ratings, ts));
        }
        return RatingsIndex.of(out);
    }

    public static Catalog catalog(RatingsIndex ratings, Item... items) {
        Map<Integer, Item> map = new LinkedHashMap<>();
        for (Item i : items) {
            map.put(i.id(), i);
        }
        return Catalog.build(map, ratings);
    }
}
