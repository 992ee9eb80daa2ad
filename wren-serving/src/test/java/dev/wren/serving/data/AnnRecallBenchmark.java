package dev.wren.serving.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Recall@10 of the graph search against the exact scan, and the median time of each, at catalogue sizes beyond the
 * exact scan's threshold. Not a test: run by {@code wren-serving/bench/ann-recall.sh}, figures in BENCHMARK.md.
 *
 * <p>Arguments: item counts (default 20000,60000), dimensions (default 32), queries (default 500).
 */
public final class AnnRecallBenchmark {
    private AnnRecallBenchmark() {}

    public static void main(String[] args) {
        int[] sizes = ints(args.length > 0 ? args[0] : "20000,60000");
        int[] dimensions = ints(args.length > 1 ? args[1] : "32");
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int[] beams = {10, 50, VectorIndex.SEARCH_BEAM, 200};
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
                        List<Set<Integer>> truth = new ArrayList<>();
                        long[] exactNanos = new long[qs.size()];
                        for (int q = 0; q < qs.size(); q++) {
                            long t = System.nanoTime();
                            truth.add(ids(index.exact(qs.get(q), 10, id -> true)));
                            exactNanos[q] = System.nanoTime() - t;
                        }
                        for (int beam : beams) {
                            long[] graphNanos = new long[qs.size()];
                            int found = 0;
                            for (int q = 0; q < qs.size(); q++) {
                                long t = System.nanoTime();
                                Set<Integer> got = ids(index.graphSearch(qs.get(q), 10, id -> true, beam));
                                graphNanos[q] = System.nanoTime() - t;
                                got.retainAll(truth.get(q));
                                found += got.size();
                            }
                            System.out.printf(
                                    "| %,d | %d | %s | %s | %.1f | %d | %.3f | %.0f | %.0f |%n",
                                    n,
                                    dim,
                                    similarity,
                                    data,
                                    buildSeconds,
                                    beam,
                                    found / (10.0 * qs.size()),
                                    median(graphNanos) / 1e3,
                                    median(exactNanos) / 1e3);
                        }
                    }
                }
            }
        }
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
