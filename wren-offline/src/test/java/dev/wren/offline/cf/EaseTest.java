package dev.wren.offline.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EaseTest {
    /** Users {0, 1}, {0, 1, 2}, {1, 2}; with lambda 1, X'X + I = [[3, 2, 1], [2, 4, 2], [1, 2, 3]]. */
    private static final int[][] HISTORIES = {{0, 1}, {0, 1, 2}, {1, 2}};

    @Test
    void matchesTheClosedFormComputedByHand() {
        Ease ease = Ease.fit(HISTORIES, 3, 1.0);

        // The inverse of [[3, 2, 1], [2, 4, 2], [1, 2, 3]] is [[8, -4, 0], [-4, 8, -4], [0, -4, 8]] / 16.
        double[][] p = {{8, -4, 0}, {-4, 8, -4}, {0, -4, 8}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double expected = i == j ? 0 : -p[i][j] / p[j][j];
                assertThat((double) ease.weight(i, j)).as("B[%d][%d]", i, j).isCloseTo(expected, within(1e-6));
            }
        }
    }

    @Test
    void scoresAUserBySummingTheRowsOfTheirItems() {
        Ease ease = Ease.fit(HISTORIES, 3, 1.0);
        float[] scores = new float[3];

        ease.addRow(0, scores);

        assertThat(scores[0]).isZero();
        assertThat((double) scores[1]).isCloseTo(0.5, within(1e-6));
        assertThat((double) scores[2]).isCloseTo(0, within(1e-6));
    }

    @Test
    void keepsTheWeightsOfLargestMagnitudeFirst() {
        Ease ease = Ease.fit(HISTORIES, 3, 1.0);
        float[] weights = new float[2];

        int[] top = ease.topNeighbours(1, 2, weights);

        // Row 1 is [0.5, 0, 0.5]: both non-zero weights, the smaller index first on the tie.
        assertThat(top).containsExactly(0, 2);
        assertThat((double) weights[0]).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void theGramMatrixCountsTheUsersOfEveryPairOfItems() {
        int n = 40;
        int[][] histories = randomHistories(new Random(3), 60, n, 0, 15);

        double[] gram = Ease.gram(histories, n);

        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                int both = 0;
                for (int[] items : histories) {
                    both += contains(items, a) && contains(items, b) ? 1 : 0;
                }
                assertThat(gram[a * n + b]).as("(%d, %d)", a, b).isEqualTo(both);
            }
        }
    }

    @Test
    void theStrongestNeighboursAreTheRowSortedByMagnitudeThenIndex() {
        int n = 30;
        int[][] histories = randomHistories(new Random(5), 80, n, 2, 8);
        Ease ease = Ease.fit(histories, n, 2.0);

        for (int i = 0; i < n; i++) {
            int row = i;
            List<Integer> expected = IntStream.range(0, n)
                    .filter(j -> j != row)
                    .boxed()
                    .sorted(Comparator.comparingDouble((Integer j) -> -Math.abs(ease.weight(row, j)))
                            .thenComparing(j -> j))
                    .limit(7)
                    .toList();
            float[] weights = new float[7];

            int[] top = ease.topNeighbours(i, 7, weights);

            assertThat(Arrays.stream(top).boxed().toList()).as("row %d", i).isEqualTo(expected);
            assertThat(weights[0]).isEqualTo(ease.weight(i, top[0]));
        }
    }

    /** Per user, distinct items below n: at least {@code shortest}, and up to {@code spread - 1} more. */
    private static int[][] randomHistories(Random random, int users, int n, int shortest, int spread) {
        int[][] histories = new int[users][];
        for (int u = 0; u < users; u++) {
            histories[u] = random.ints(0, n)
                    .distinct()
                    .limit(shortest + random.nextInt(spread))
                    .toArray();
        }
        return histories;
    }

    private static boolean contains(int[] items, int item) {
        return Arrays.stream(items).anyMatch(x -> x == item);
    }

    @Test
    void withDropoutRaisesEachItemsWeightByItsCount() {
        // p = 0.5 adds p / (1 - p) = 1 times (X'X)_ii: X'X + diag(1 + counts) = [[5, 2, 1], [2, 7, 2], [1, 2, 5]],
        // whose inverse is [[31, -8, -3], [-8, 24, -8], [-3, -8, 31]] / 136.
        Ease edlae = Ease.fit(HISTORIES, 3, 1.0, 0.5);

        double[][] p = {{31, -8, -3}, {-8, 24, -8}, {-3, -8, 31}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double expected = i == j ? 0 : -p[i][j] / p[j][j];
                assertThat((double) edlae.weight(i, j)).as("B[%d][%d]", i, j).isCloseTo(expected, within(1e-6));
            }
        }
    }

    @Test
    void withoutDropoutIsPlainEase() {
        Ease ease = Ease.fit(HISTORIES, 3, 1.0);
        Ease edlae = Ease.fit(HISTORIES, 3, 1.0, 0);

        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(edlae.weight(i, j)).isEqualTo(ease.weight(i, j));
            }
        }
    }

    @Test
    void refusesADropoutOutsideZeroToOne() {
        assertThatThrownBy(() -> Ease.fit(HISTORIES, 3, 1.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dropout");
    }

    @Test
    void refusesANonPositiveLambda() {
        assertThatThrownBy(() -> Ease.fit(HISTORIES, 3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lambda");
    }
}
