package dev.wren.serving.data;

import static dev.wren.serving.Fixtures.ratings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddingsTest {
    @Test
    void userVectorIsTheRecencyWeightedMeanOfPositiveItemVectors() {
        Map<Integer, float[]> items = Map.of(1, new float[] {1, 0}, 2, new float[] {0, 1});
        float[] u = Embeddings.userVector(List.of(1, 2, 3), items::get, 2, 0.5);
        // Weights 1 (item 1) and 0.5 (item 2); item 3 has no vector and counts for nothing.
        assertThat(u[0]).isCloseTo(1 / 1.5f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(u[1]).isCloseTo(0.5f / 1.5f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void randomIndexingIsDeterministicAndPutsCoLikedItemsTogether() {
        RatingsIndex r = ratings(new double[][] {
            {1, 10, 5}, {1, 11, 5}, {2, 10, 5}, {2, 11, 4}, {3, 20, 5}, {3, 21, 5}, {4, 20, 5}, {4, 21, 5}
        });
        Map<Integer, float[]> a = Embeddings.randomIndexing(r, 4.0, 16, 1);
        Map<Integer, float[]> b = Embeddings.randomIndexing(r, 4.0, 16, 1);
        assertThat(a.get(10)).containsExactly(b.get(10));
        assertThat(cos(a.get(10), a.get(11))).isGreaterThan(0.99);
        assertThat(cos(a.get(10), a.get(11))).isGreaterThan(cos(a.get(10), a.get(20)));
    }

    private static double cos(float[] x, float[] y) {
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
        }
        return dot / (VectorIndex.norm(x) * VectorIndex.norm(y));
    }

    @Test
    void aMovieWithNoRatingsGetsTheMeanOfItsGenreCentroidsAndAppearsAmongItsPeersNeighbours() {
        RatingsIndex r = ratings(new double[][] {{1, 1, 5}, {1, 2, 5}, {2, 3, 5}, {2, 4, 5}});
        Catalog catalog = dev.wren.serving.Fixtures.catalog(
                r,
                dev.wren.serving.Fixtures.item(1, 1990, "Comedy"),
                dev.wren.serving.Fixtures.item(2, 1991, "Comedy"),
                dev.wren.serving.Fixtures.item(3, 1992, "Horror"),
                dev.wren.serving.Fixtures.item(4, 1993, "Horror"),
                dev.wren.serving.Fixtures.item(5, 2024, "Comedy", "Romance"),
                dev.wren.serving.Fixtures.item(6, 2024, "Western"));
        Map<Integer, float[]> vectors = new java.util.HashMap<>(Map.of(
                1, new float[] {1, 0, 0},
                2, new float[] {0.8f, 0.2f, 0},
                3, new float[] {0, 0, 1},
                4, new float[] {0, 0.1f, 0.9f}));

        Map<Integer, float[]> cold = Embeddings.genreColdStart(catalog, vectors, 3);

        // Comedy's centroid is (0.9, 0.1, 0); Romance has no vectors, so it does not pull; Western has nothing at all.
        assertThat(cold).containsOnlyKeys(5);
        assertThat(cold.get(5)).containsExactly(0.9f, 0.1f, 0f);
        vectors.putAll(cold);
        VectorIndex index = VectorIndex.build(vectors, 3);
        assertThat(index.search(vectors.get(1), 3))
                .extracting(VectorIndex.Hit::itemId)
                .contains(5)
                .doesNotContain(3, 4);
    }
}
