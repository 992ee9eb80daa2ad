package dev.wren.core.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StreamingTopKTest {
    @Test
    void keepsTheHighestScoresWithTiesToTheSmallerId() {
        StreamingTopK top = new StreamingTopK(3);
        top.offer(0.5, 9);
        top.offer(0.9, 4);
        top.offer(0.1, 1);
        top.offer(0.5, 2);
        top.offer(0.7, 8);
        top.offer(0.5, 3);

        assertThat(top.ids()).containsExactly(4, 8, 2);
        assertThat(top.score(2)).isEqualTo(0.5);
    }

    @Test
    void fewerOffersThanKAreAllKeptInOrder() {
        StreamingTopK top = new StreamingTopK(5);
        assertThat(top.offer(1, 7)).isTrue();
        assertThat(top.offer(2, 3)).isTrue();

        assertThat(top.size()).isEqualTo(2);
        assertThat(top.ids()).containsExactly(3, 7);
        assertThatThrownBy(() -> top.id(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void agreesWithAFullSortOnRandomScoresWithManyTies() {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(300);
            int k = 1 + random.nextInt(40);
            double[] scores =
                    IntStream.range(0, n).mapToDouble(i -> random.nextInt(20)).toArray();
            int[] ids = IntStream.range(0, n).map(i -> random.nextInt(1000)).toArray();
            StreamingTopK top = new StreamingTopK(k);
            for (int i = 0; i < n; i++) {
                top.offer(scores[i], ids[i]);
            }
            int[] expected = IntStream.range(0, n)
                    .boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> ids[i]))
                    .limit(k)
                    .mapToInt(i -> ids[i])
                    .toArray();
            assertThat(top.ids()).as("round %d", round).containsExactly(expected);
        }
    }
}
