package dev.wren.serving.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/** Embedding arithmetic shared by the bootstrap snapshot and the real-time tier. */
public final class Embeddings {
    private Embeddings() {}

    /**
     * Item vectors by random indexing: every user gets a seeded random Gaussian vector, and an item's vector is the sum
     * of the vectors of the users who rated it positively, normalised. Items liked by the same people point the same
     * way. This is a cheap stand-in computed at load so that the embedding channels work before the offline
     * pipeline publishes trained embeddings; it is only used when the store has none.
     */
    public static Map<Integer, float[]> randomIndexing(
            RatingsIndex ratings, double threshold, int dimension, long seed) {
        Map<Integer, float[]> items = new HashMap<>();
        ratings.all().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Random random = new Random(seed * 1_000_003L + e.getKey());
            float[] u = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                u[d] = (float) random.nextGaussian();
            }
            UserRatings ur = e.getValue();
            for (int i = 0; i < ur.size(); i++) {
                if (ur.ratings()[i] >= threshold) {
                    float[] v = items.computeIfAbsent(ur.items()[i], k -> new float[dimension]);
                    for (int d = 0; d < dimension; d++) {
                        v[d] += u[d];
                    }
                }
            }
        });
        items.values().forEach(Embeddings::normalise);
        return items;
    }

    /**
     * The user's embedding: the recency-weighted mean of the vectors of their recent positives (most recent first), the
     * k-th weighing {@code decay^k}; empty (all zeros) when none of them has a vector.
     */
    public static float[] userVector(
            List<Integer> recentPositives, IntFunction<float[]> vectors, int dimension, double decay) {
        float[] out = new float[dimension];
        double weight = 1;
        double total = 0;
        for (int item : recentPositives) {
            float[] v = vectors.apply(item);
            if (v != null && v.length == dimension) {
                for (int d = 0; d < dimension; d++) {
                    out[d] += (float) (weight * v[d]);
                }
                total += weight;
            }
            weight *= decay;
        }
        if (total > 0) {
            for (int d = 0; d < dimension; d++) {
                out[d] /= (float) total;
            }
        }
        return out;
    }

    /**
     * Cold start: a vector for every catalogue item that nobody has rated and that has none, the mean of the
     * centroids of its genres, each centroid the mean vector of the genre's items that have one. A new movie thus sits
     * among its genre peers and can appear in their embedding neighbours; averaging centroids rather than all peers
     * keeps a large genre from drowning a small one. Items without genres, or whose genres have no vectors, get none.
     *
     * @return the new vectors only, by item id
     */
    public static Map<Integer, float[]> genreColdStart(Catalog catalog, Map<Integer, float[]> vectors, int dimension) {
        Map<String, float[]> sums = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int id : catalog.byPopularity()) {
            float[] v = vectors.get(id);
            if (v == null || v.length != dimension) {
                continue;
            }
            for (String g : catalog.item(id).orElseThrow().genres()) {
                float[] sum = sums.computeIfAbsent(g, k -> new float[dimension]);
                for (int d = 0; d < dimension; d++) {
                    sum[d] += v[d];
                }
                counts.merge(g, 1, Integer::sum);
            }
        }
        Map<Integer, float[]> out = new HashMap<>();
        for (int id : catalog.byPopularity()) {
            // Only items nobody rated: a rated item without a vector was left out by the embedding job on purpose
            // (too rare to embed well), and a flood of genre centroids would crowd real neighbours out.
            if (vectors.containsKey(id) || catalog.stats(id).count() > 0) {
                continue;
            }
            float[] mean = new float[dimension];
            int genres = 0;
            for (String g : catalog.item(id).orElseThrow().genres()) {
                float[] sum = sums.get(g);
                if (sum != null) {
                    int n = counts.get(g);
                    for (int d = 0; d < dimension; d++) {
                        mean[d] += sum[d] / n;
                    }
                    genres++;
                }
            }
            if (genres > 0) {
                for (int d = 0; d < dimension; d++) {
                    mean[d] /= genres;
                }
                out.put(id, mean);
            }
        }
        return out;
    }

    static void normalise(float[] v) {
        double n = VectorIndex.norm(v);
        if (n > 0) {
            for (int d = 0; d < v.length; d++) {
                v[d] /= (float) n;
            }
        }
    }
}
