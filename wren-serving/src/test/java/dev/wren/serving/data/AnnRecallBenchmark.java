package dev.wren.serving.data;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Recall@10 of the graph search against the exact scan, and the median time of each, at catalogue sizes beyond the
 * exact scan's threshold. Not a test: run by {@code wren-serving/bench/ann-recall.sh}, figures in BENCHMARK.md.
 *
 * <p>Arguments: item counts (default 20000,60000), dimensions (default 32), queries (default 500). With a fourth, an
 * embedded store folder ({@code wren offline --store embedded:DIR}), it measures that store's learned vectors instead:
 * every item vector in the index, and as many users' vectors as queries (the user-embedding recall channel's search);
 * a fifth names the vector feature (default {@code embedding}; {@code cfFactors} with dimension 64 for ALS's).
 */
public final class AnnRecallBenchmark {
    private AnnRecallBenchmark() {}

    public static void main(String[] args) {
        int[] sizes = ints(args.length > 0 ? args[0] : "20000,60000");
        int[] dimensions = ints(args.length > 1 ? args[1] : "32");
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int[] beams = {10, 50, VectorIndex.SEARCH_BEAM, 200};
        if (args.length > 3) {
            learned(
                    Path.of(args[3]),
                    args.length > 4 ? args[4] : FeatureSchema.EMBEDDING,
                    dimensions[0],
                    queries,
                    beams);
            return;
        }
        System.out.println("| vectors | dim | similarity | data | build s | beam | recall@10 | graph median us"
                + " | exact median us |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int n : sizes) {
            for (int dim : dimensions) {
                for (String data : List.of("clustered", "isotropic")) {
                    Map<Integer, float[]> vectors = data.equals("clustered")
                            ? VectorIndexRecallTest.clustered(n, dim, Math.max(50, n / 100), 17)
                            : VectorIndexTest.random(n, dim, 17);
                    for (VectorIndex.Similarity similarity : VectorIndex.Similarity.values()) {
                        long start = System.nanoTime();
                        VectorIndex index = VectorIndex.withGraph(vectors, dim, similarity);
                        double buildSeconds = (System.nanoTime() - start) / 1e9;
                        List<float[]> qs = queries(vectors, queries, n);
                        for (Measured m : measure(index, qs, beams)) {
                            System.out.printf(
                                    "| %,d | %d | %s | %s | %.1f | %d | %.3f | %.0f | %.0f |%n",
                                    n,
                                    dim,
                                    similarity,
                                    data,
                                    buildSeconds,
                                    m.beam(),
                                    m.recall(),
                                    m.graphMedianMicros(),
                                    m.exactMedianMicros());
                        }
                    }
                }
            }
        }
    }

    private static void learned(Path storeDir, String feature, int dim, int queries, int[] beams) {
        Map<Integer, float[]> items = new HashMap<>();
        List<float[]> users = new ArrayList<>();
        // The store's embeddings are 32-d unless DIMENSIONS says otherwise for them; its factors are 64-d likewise.
        boolean factors = feature.equals(FeatureSchema.CF_FACTORS);
        FeatureSchema schema =
                FeatureSchema.standard(factors ? 32 : dim, factors ? dim : FeatureSchema.DEFAULT_FACTOR_DIMENSION);
        try (EmbeddedFeatureStore store = EmbeddedFeatureStore.open(storeDir, schema)) {
            store.scan(EntityKind.ITEM, (id, row) -> row.vector(feature).ifPresent(v -> items.put(id, v)));
            store.scan(EntityKind.USER, (id, row) -> row.vector(feature).ifPresent(users::add));
        }
        Random random = new Random(17);
        List<float[]> qs = new ArrayList<>();
        for (int q = 0; q < queries && !users.isEmpty(); q++) {
            qs.add(users.get(random.nextInt(users.size())));
        }
        System.out.printf(
                "%,d item and %,d user vectors of %s (%d dimensions) from %s%n%n",
                items.size(), users.size(), feature, dim, storeDir);
        System.out.println("| similarity | build s | beam | recall@10 | graph median us | exact median us |");
        System.out.println("|---|---|---|---|---|---|");
        for (VectorIndex.Similarity similarity : VectorIndex.Similarity.values()) {
            long start = System.nanoTime();
            VectorIndex index = VectorIndex.withGraph(items, dim, similarity);
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            for (Measured m : measure(index, qs, beams)) {
                System.out.printf(
                        "| %s | %.1f | %d | %.3f | %.0f | %.0f |%n",
                        similarity, buildSeconds, m.beam(), m.recall(), m.graphMedianMicros(), m.exactMedianMicros());
            }
        }
    }

    /** One beam's recall@10 against the exact scan, with the median time of each search. */
    private record Measured(int beam, double recall, double graphMedianMicros, double exactMedianMicros) {}

    private static List<Measured> measure(VectorIndex index, List<float[]> qs, int[] beams) {
        List<Set<Integer>> truth = new ArrayList<>();
        long[] exactNanos = new long[qs.size()];
        for (int q = 0; q < qs.size(); q++) {
            long t = System.nanoTime();
            truth.add(ids(index.exact(qs.get(q), 10, id -> true)));
            exactNanos[q] = System.nanoTime() - t;
        }
        List<Measured> out = new ArrayList<>();
        for (int beam : beams) {
            long[] graphNanos = new long[qs.size()];
            int found = 0;
            int wanted = 0;
            for (int q = 0; q < qs.size(); q++) {
                long t = System.nanoTime();
                Set<Integer> got = ids(index.graphSearch(qs.get(q), 10, id -> true, beam));
                graphNanos[q] = System.nanoTime() - t;
                got.retainAll(truth.get(q));
                found += got.size();
                wanted += truth.get(q).size();
            }
            out.add(new Measured(beam, found / (double) wanted, median(graphNanos) / 1e3, median(exactNanos) / 1e3));
        }
        return out;
    }

    private static List<float[]> queries(Map<Integer, float[]> vectors, int count, long seed) {
        Random random = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int q = 0; q < count; q++) {
            float[] v = vectors.get(random.nextInt(vectors.size())).clone();
            for (int d = 0; d < v.length; d++) {
                v[d] += (float) (0.3 * random.nextGaussian());
            }
            out.add(v);
        }
        return out;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Set<Integer> ids(List<VectorIndex.Hit> hits) {
        Set<Integer> ids = new HashSet<>();
        hits.forEach(h -> ids.add(h.itemId()));
        return ids;
    }

    private static int[] ints(String csv) {
        return java.util.Arrays.stream(csv.split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
    }
}
