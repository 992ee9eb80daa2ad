package dev.wren.serving.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopKTest {
    /** What TopK replaces: a stable sort by score (descending), then key. */
    private static int[] sorted(double[] scores, int[] keys, int n, int k) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            positions.add(i);
        }
        positions.sort(
                Comparator.comparingDouble((Integer i) -> scores[i]).reversed().thenComparingInt(i -> keys[i]));
        return positions.stream().limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void ordersAsAStableSortByScoreThenKeyWithManyTies() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(900);
            double[] scores = new double[n];
            int[] keys = new int[n];
            for (int i = 0; i < n; i++) {
                // Few distinct values, so that ties on score and on key are common; -0.0 and 0.0 differ, as in
                // Double.compare.
                // Doubles a hair apart round to one float: the exact comparison must still order them.
                scores[i] = random.nextInt(5) == 0
                        ? (random.nextBoolean() ? 0.0 : -0.0)
                        : random.nextInt(20) / 4.0 + random.nextInt(3) * 1e-12;
                keys[i] = random.nextInt(50);
            }
            assertArrayEquals(sorted(scores, keys, n, n), TopK.order(scores, keys, n));
            int k = random.nextInt(n + 2);
            assertArrayEquals(sorted(scores, keys, n, k), TopK.best(scores, keys, n, k));
        }
    }

    @Test
    void selectsTheFewBestOfManyAsTheFullSortWould() {
        // Many entries and a small k take the histogram selection: continuous scores with clusters of ties, a
        // far outlier that stretches the buckets, and -0.0 beside 0.0.
        Random random = new Random(11);
        for (int round = 0; round < 100; round++) {
            int n = 257 + random.nextInt(5000);
            double[] scores = new double[n];
            int[] keys = new int[n];
            for (int i = 0; i < n; i++) {
                scores[i] = switch (random.nextInt(6)) {
                    case 0 -> random.nextInt(10) / 10.0;
                    case 1 -> random.nextBoolean() ? 0.0 : -0.0;
                    default -> random.nextGaussian();
                };
                keys[i] = random.nextInt(n);
            }
            if (round % 3 == 0) {
                scores[random.nextInt(n)] = 1e9;
            }
            int k = random.nextInt(n / 4 + 1);
            assertArrayEquals(sorted(scores, keys, n, k), TopK.best(scores, keys, n, k), "round " + round);
        }
    }

    @Test
    void ordersAnAlreadySortedListAsItIs() {
        double[] scores = {5, 4, 4, 3, 1};
        int[] keys = {9, 1, 2, 0, 0};
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, TopK.order(scores, keys, 5));
        assertArrayEquals(new int[] {0, 1}, TopK.best(scores, keys, 5, 2));
        assertArrayEquals(new int[0], TopK.best(scores, keys, 5, 0));
    }
}
