package dev.wren.serving.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The graph search, which answers shallow searches over more than {@link VectorIndex#EXACT_SIZE} vectors, against the
 * exact scan on the same index: recall@10 is the share of the exact ten that the graph search also returns. {@code
 * AnnRecallBenchmark} measures it at catalogue sizes.
 */
class VectorIndexRecallTest {
    /** Fewer than a served index's graph needs, for a quick test; the benchmark checks 20,000 and 60,000. */
    private static final int ITEMS = 4_000;

    private static final int DIMENSION = 32;
    private static final int QUERIES = 100;

    @Test
    void theGraphSearchFindsAtLeast95PercentOfTheExactTopTenForEmbeddingLikeVectors() {
        Map<Integer, float[]> vectors = clustered(ITEMS, DIMENSION, 100, 17);
        for (VectorIndex.Similarity similarity : VectorIndex.Similarity.values()) {
            VectorIndex index = VectorIndex.withGraph(vectors, DIMENSION, similarity);

            double recall = recallAt10(index, vectors, VectorIndex.beam(10), 23);

            assertThat(recall).as("%s recall@10", similarity).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void aNarrowBeamMissesNeighboursThatTheDefaultBeamFinds() {
        Map<Integer, float[]> vectors = clustered(ITEMS, DIMENSION, 100, 5);
        VectorIndex index = VectorIndex.withGraph(vectors, DIMENSION, VectorIndex.Similarity.COSINE);

        double narrow = recallAt10(index, vectors, 10, 29);
        double wide = recallAt10(index, vectors, VectorIndex.beam(10), 29);

        assertThat(wide).isGreaterThan(narrow);
    }

    static double recallAt10(VectorIndex index, Map<Integer, float[]> vectors, int beam, long seed) {
        Random random = new Random(seed);
        int found = 0;
        for (int q = 0; q < QUERIES; q++) {
            float[] query = noisy(vectors.get(random.nextInt(vectors.size())), random, 0.3);
            Set<Integer> exact = ids(index.exact(query, 10, id -> true));
            Set<Integer> approximate = ids(index.graphSearch(query, 10, id -> true, beam));
            approximate.retainAll(exact);
            found += approximate.size();
        }
        return found / (10.0 * QUERIES);
    }

    /**
     * Vectors around a few hundred centres, as learned item embeddings are (items of a kind lie together), each centre
     * with its own spread: unlike isotropic noise in 32 dimensions, where every point is almost equally far from all.
     */
    static Map<Integer, float[]> clustered(int n, int dimension, int centres, long seed) {
        Random random = new Random(seed);
        float[][] centre = new float[centres][dimension];
        double[] spread = new double[centres];
        for (int c = 0; c < centres; c++) {
            for (int d = 0; d < dimension; d++) {
                centre[c][d] = (float) random.nextGaussian();
            }
            spread[c] = 0.2 + 0.6 * random.nextDouble();
        }
        Map<Integer, float[]> vectors = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(centres);
            vectors.put(i, noisy(centre[c], random, spread[c]));
        }
        return vectors;
    }

    private static float[] noisy(float[] v, Random random, double sigma) {
        float[] out = v.clone();
        for (int d = 0; d < out.length; d++) {
            out[d] += (float) (sigma * random.nextGaussian());
        }
        return out;
    }

    private static Set<Integer> ids(List<VectorIndex.Hit> hits) {
        Set<Integer> ids = new HashSet<>();
        hits.forEach(h -> ids.add(h.itemId()));
        return ids;
    }
}
