package dev.wren.model.topk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GroupedNdcgTest {
    private static final int[] ALL = {0, 1, 2, 3, 4};

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void isOneWhenThePositivesComeFirstAndTheDiscountedGainOtherwise() {
        int[] groups = {1, 1, 1, 2, 2};
        float[] labels = {0, 1, 0, 1, 0};
        GroupedNdcg ndcg = new GroupedNdcg(groups, labels, ALL, 10);
        assertThat(ndcg.mean(new float[] {0, 9, 1, 5, 4})).isEqualTo(1.0);
        // Group 1 finds its positive third (1 / log2 4), group 2 second (1 / log2 3).
        double expected = (1 / log2(4) + 1 / log2(3)) / 2;
        assertThat(ndcg.mean(new float[] {3, 1, 2, 4, 5})).isCloseTo(expected, within(1e-12));
    }

    @Test
    void leavesOutListsWithoutAPositive() {
        int[] groups = {1, 1, 2, 2, 2};
        float[] labels = {1, 0, 0, 0, 0};
        GroupedNdcg ndcg = new GroupedNdcg(groups, labels, ALL, 10);
        assertThat(ndcg.lists()).isEqualTo(1);
        assertThat(ndcg.mean(new float[] {1, 0, 7, 8, 9})).isEqualTo(1.0);
    }

    @Test
    void countsTiedScoresAtTheirExpectedGainSoRowOrderCannotFlatterAConstant() {
        int[] groups = {1, 1, 1, 1, 1};
        float[] labels = {1, 0, 0, 0, 0};
        GroupedNdcg ndcg = new GroupedNdcg(groups, labels, ALL, 10);
        double expected = (1 + 1 / log2(3) + 1 / log2(4) + 1 / log2(5) + 1 / log2(6)) / 5;
        assertThat(ndcg.mean(new float[5])).isCloseTo(expected, within(1e-12));
    }

    @Test
    void cutsTheListAtK() {
        int[] groups = {1, 1, 1};
        float[] labels = {0, 0, 1};
        GroupedNdcg atTwo = new GroupedNdcg(groups, labels, new int[] {0, 1, 2}, 2);
        assertThat(atTwo.mean(new float[] {3, 2, 1})).isZero();
    }

    @Test
    void ranksByAColumnInEitherDirection() {
        int[] groups = {1, 1};
        float[] labels = {0, 1};
        float[][] features = {{5}, {1}};
        GroupedNdcg ndcg = new GroupedNdcg(groups, labels, new int[] {0, 1}, 10);
        assertThat(ndcg.meanOfColumn(features, 0, false)).isEqualTo(1.0);
        assertThat(ndcg.meanOfColumn(features, 0, true)).isCloseTo(1 / log2(3), within(1e-12));
    }
}
