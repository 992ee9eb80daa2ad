package dev.wren.serving.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Item-to-item neighbours by co-occurrence of positive ratings in the same user's history, scored by cosine
 * similarity of the items' user sets ({@code co(i,j) / sqrt(n_i * n_j)}). Built once at load; immutable.
 */
public final class CoOccurrence {
    /** One neighbour of an item. */
    public record Neighbour(int itemId, double score) {}

    private final Map<Integer, List<Neighbour>> neighbours;

    private CoOccurrence(Map<Integer, List<Neighbour>> neighbours) {
        this.neighbours = IntKeys.freeze(neighbours);
    }

    /**
     * Builds the neighbour lists.
     *
     * @param ratings every user's ratings
     * @param threshold a rating at least this is positive
     * @param perUser only the most recent this many positives of each user count, which bounds the quadratic cost of
     *     heavy raters
     * @param keep neighbours kept per item
     */
    public static CoOccurrence build(RatingsIndex ratings, double threshold, int perUser, int keep) {
        Map<Integer, Integer> dense = new HashMap<>();
        List<int[]> baskets = new ArrayList<>();
        for (UserRatings ur : ratings.all().values()) {
            int[] pos = ur.recentPositives(threshold, perUser);
            if (pos.length < 2) {
                continue;
            }
            int[] mapped = new int[pos.length];
            for (int i = 0; i < pos.length; i++) {
                mapped[i] = dense.computeIfAbsent(pos[i], k -> dense.size());
            }
            baskets.add(mapped);
        }
        int n = dense.size();
        int[] original = new int[n];
        dense.forEach((id, d) -> original[d] = id);
        int[] itemCount = new int[n];
        List<List<Integer>> itemBaskets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            itemBaskets.add(new ArrayList<>());
        }
        for (int b = 0; b < baskets.size(); b++) {
            for (int item : baskets.get(b)) {
                itemCount[item]++;
                itemBaskets.get(item).add(b);
            }
        }
        // One dense row of counts per item, reused: no hashing in the inner loop.
        int[] row = new int[n];
        int[] touched = new int[n];
        Map<Integer, List<Neighbour>> out = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            int t = 0;
            for (int b : itemBaskets.get(i)) {
                for (int j : baskets.get(b)) {
                    if (j != i) {
                        if (row[j] == 0) {
                            touched[t++] = j;
                        }
                        row[j]++;
                    }
                }
            }
            Neighbour[] cands = new Neighbour[t];
            for (int k = 0; k < t; k++) {
                int j = touched[k];
                cands[k] = new Neighbour(original[j], row[j] / Math.sqrt((double) itemCount[i] * itemCount[j]));
                row[j] = 0;
            }
            Arrays.sort(
                    cands,
                    (a, c) -> a.score() != c.score()
                            ? Double.compare(c.score(), a.score())
                            : Integer.compare(a.itemId(), c.itemId()));
            out.put(original[i], List.of(Arrays.copyOf(cands, Math.min(keep, t))));
        }
        return new CoOccurrence(out);
    }

    /** The item's neighbours, best first; empty for an item no user liked with another. */
    public List<Neighbour> neighbours(int itemId) {
        return neighbours.getOrDefault(itemId, List.of());
    }
}
