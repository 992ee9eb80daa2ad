package dev.wren.serving.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorIndexTest {
    @Test
    void findsTheNearestItemsByCosineSimilarity() {
        Random random = new Random(3);
        Map<Integer, float[]> vectors = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            float[] v = new float[8];
            for (int d = 0; d < 8; d++) {
                v[d] = (float) random.nextGaussian();
            }
            vectors.put(i, v);
        }
        VectorIndex index = VectorIndex.build(vectors, 8);
        assertThat(index.size()).isEqualTo(500);
        float[] query = vectors.get(42).clone();
        query[0] += 0.01f;
        var hits = index.search(query, 5);
        assertThat(hits).hasSize(5);
        assertThat(hits.get(0).itemId()).isEqualTo(42);
        assertThat(hits.get(0).score()).isGreaterThan(0.99);
    }

    @Test
    void skipsZeroVectorsAndFindsNothingInAnEmptyIndex() {
        VectorIndex index = VectorIndex.build(Map.of(1, new float[4]), 4);
        assertThat(index.size()).isZero();
        assertThat(index.search(new float[] {1, 0, 0, 0}, 3)).isEmpty();
    }

    @Test
    void refusesAVectorOfAnotherDimension() {
        assertThatThrownBy(() -> VectorIndex.build(Map.of(7, new float[3]), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("item 7");
    }

    static Map<Integer, float[]> random(int n, int dim, long seed) {
        Random random = new Random(seed);
        Map<Integer, float[]> vectors = new HashMap<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) {
                v[d] = (float) random.nextGaussian();
            }
            vectors.put(i, v);
        }
        return vectors;
    }

    @Test
    void smallIndexesAnswerExactlyByCosineAndByDotProduct() {
        Map<Integer, float[]> vectors = random(300, 6, 5);
        float[] query = {1, -2, 0.5f, 0, 3, -1};
        for (VectorIndex.Similarity similarity : VectorIndex.Similarity.values()) {
            VectorIndex index = VectorIndex.build(vectors, 6, similarity);
            java.util.List<Integer> expected = vectors.entrySet().stream()
                    .sorted(java.util.Comparator.comparingDouble(
                                    (Map.Entry<Integer, float[]> e) -> -score(e.getValue(), query, similarity))
                            .thenComparing(Map.Entry::getKey))
                    .limit(40)
                    .map(Map.Entry::getKey)
                    .toList();

            var hits = index.search(query, 40);

            assertThat(hits).extracting(VectorIndex.Hit::itemId).containsExactlyElementsOf(expected);
            assertThat(hits.get(0).score())
                    .isCloseTo(
                            score(vectors.get(expected.get(0)), query, similarity),
                            org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void largeIndexesWalkTheGraphForShallowSearches() {
        Map<Integer, float[]> vectors = random(VectorIndex.EXACT_SIZE + 500, 8, 9);
        VectorIndex index = VectorIndex.build(vectors, 8);
        float[] query = vectors.get(77).clone();
        query[1] += 0.01f;

        var whileBuilding = index.search(query, 5);
        index.awaitGraph();
        var hits = index.search(query, 5);

        assertThat(whileBuilding).hasSize(5);
        assertThat(whileBuilding.get(0).itemId()).isEqualTo(77);
        assertThat(hits).hasSize(5);
        assertThat(hits.get(0).itemId()).isEqualTo(77);
        assertThat(hits.get(0).score())
                .isEqualTo(whileBuilding.get(0).score(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aGraphSearchByDotProductReturnsExactDotProductsBestFirst() {
        Map<Integer, float[]> vectors = random(2_000, 6, 13);
        VectorIndex index = VectorIndex.withGraph(vectors, 6, VectorIndex.Similarity.DOT_PRODUCT);
        float[] query = {1, -2, 0.5f, 0, 3, -1};

        var hits = index.graphSearch(query, 10, id -> true, VectorIndex.beam(10));

        assertThat(hits).hasSize(10);
        for (VectorIndex.Hit hit : hits) {
            assertThat(hit.score())
                    .isCloseTo(
                            score(vectors.get(hit.itemId()), query, VectorIndex.Similarity.DOT_PRODUCT),
                            org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(hits).extracting(VectorIndex.Hit::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aFilteredSearchReturnsTheKBestAcceptedItems() {
        Map<Integer, float[]> vectors = random(300, 6, 5);
        float[] query = {1, -2, 0.5f, 0, 3, -1};
        VectorIndex index = VectorIndex.build(vectors, 6);
        java.util.List<Integer> evenOfTheFullRanking = index.search(query, 300).stream()
                .map(VectorIndex.Hit::itemId)
                .filter(id -> id % 2 == 0)
                .limit(25)
                .toList();

        var hits = index.search(query, 25, id -> id % 2 == 0);

        assertThat(hits).extracting(VectorIndex.Hit::itemId).containsExactlyElementsOf(evenOfTheFullRanking);
    }

    @Test
    void anExactScanOrdersTiesByItemIdAcrossBlocksAndUnderAStrictFilter() {
        // Small integer entries make every dot product exact in float arithmetic and full of ties; 3,000 items span
        // several scan blocks; a filter that keeps one item in seven makes the selection widen its score range.
        Random random = new Random(11);
        Map<Integer, float[]> vectors = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            float[] v = new float[5];
            for (int d = 0; d < 5; d++) {
                v[d] = random.nextInt(7) - 3;
            }
            vectors.put(3 * i + 1, v);
        }
        float[] query = {2, -1, 0, 3, 1};
        VectorIndex index = VectorIndex.build(vectors, 5, VectorIndex.Similarity.DOT_PRODUCT);
        java.util.function.IntPredicate accept = id -> id % 7 == 0;
        java.util.List<Integer> expected = vectors.entrySet().stream()
                .filter(e -> accept.test(e.getKey()) && VectorIndex.norm(e.getValue()) > 0)
                .sorted(java.util.Comparator.comparingDouble((Map.Entry<Integer, float[]> e) ->
                                -score(e.getValue(), query, VectorIndex.Similarity.DOT_PRODUCT))
                        .thenComparing(Map.Entry::getKey))
                .limit(100)
                .map(Map.Entry::getKey)
                .toList();

        var hits = index.search(query, 100, accept);

        assertThat(hits).extracting(VectorIndex.Hit::itemId).containsExactlyElementsOf(expected);
        for (VectorIndex.Hit hit : hits) {
            assertThat(hit.score())
                    .isEqualTo(score(vectors.get(hit.itemId()), query, VectorIndex.Similarity.DOT_PRODUCT));
        }
    }

    @Test
    void anItemsNeighboursAreItsNearestOtherItemsAndAreKept() {
        Map<Integer, float[]> vectors = random(300, 6, 5);
        VectorIndex index = VectorIndex.build(vectors, 6);
        java.util.List<Integer> expected = index.search(vectors.get(11), VectorIndex.NEIGHBOURS + 1).stream()
                .map(VectorIndex.Hit::itemId)
                .filter(id -> id != 11)
                .limit(VectorIndex.NEIGHBOURS)
                .toList();

        var neighbours = index.neighbours(11);

        assertThat(neighbours).extracting(VectorIndex.Hit::itemId).containsExactlyElementsOf(expected);
        assertThat(index.neighbours(11)).isSameAs(neighbours);
        assertThat(index.neighbours(100_000)).isEmpty();
    }

    private static double score(float[] v, float[] q, VectorIndex.Similarity similarity) {
        double dot = 0;
        for (int d = 0; d < v.length; d++) {
            dot += v[d] * q[d];
        }
        return similarity == VectorIndex.Similarity.COSINE ? dot / (VectorIndex.norm(v) * VectorIndex.norm(q)) : dot;
    }
}
