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
}
