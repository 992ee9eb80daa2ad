package dev.wren.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinaryMetricsTest {
    private static final double[] SCORES = {0.1, 0.4, 0.35, 0.8};
    private static final double[] LABELS = {0, 0, 1, 1};

    @Test
    void rocAucCountsCorrectlyOrderedPairs() {
        // 4 positive-negative pairs, 3 ordered correctly (0.35 < 0.4 is the miss).
        assertThat(BinaryMetrics.rocAuc(SCORES, LABELS)).isEqualTo(0.75);
    }

    @Test
    void rocAucCountsTiesAsHalf() {
        assertThat(BinaryMetrics.rocAuc(new double[] {0.5, 0.5, 0.9}, new double[] {0, 1, 1}))
                .isEqualTo(0.75);
    }

    @Test
    void rocAucDoesNotDependOnInputOrder() {
        assertThat(BinaryMetrics.rocAuc(new double[] {0.8, 0.35, 0.4, 0.1}, new double[] {1, 1, 0, 0}))
                .isEqualTo(0.75);
    }

    @Test
    void prAucIsAveragePrecision() {
        // Thresholds 0.8: P=1, R=0.5; 0.35: P=2/3, R=1 -> 0.5*1 + 0.5*2/3.
        assertThat(BinaryMetrics.prAuc(SCORES, LABELS)).isCloseTo(0.5 + 1.0 / 3, within(1e-12));
    }

    @Test
    void prAucStepsOncePerDistinctScore() {
        // All tied: one threshold with precision 1/2 and full recall.
        assertThat(BinaryMetrics.prAuc(new double[] {0.3, 0.3}, new double[] {1, 0}))
                .isEqualTo(0.5);
    }

    @Test
    void logLossIsMeanCrossEntropy() {
        double expected = (-Math.log(0.9) - Math.log(0.8)) / 2;
        assertThat(BinaryMetrics.logLoss(new double[] {0.9, 0.2}, new double[] {1, 0}))
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void logLossClipsCertainMistakes() {
        assertThat(BinaryMetrics.logLoss(new double[] {0.0}, new double[] {1}))
                .isCloseTo(-Math.log(BinaryMetrics.EPSILON), within(1e-9));
    }

    @Test
    void accuracyUsesTheThreshold() {
        assertThat(BinaryMetrics.accuracy(SCORES, LABELS, 0.5)).isEqualTo(0.75);
        assertThat(BinaryMetrics.accuracy(SCORES, LABELS, 0.3)).isEqualTo(0.75);
        assertThat(BinaryMetrics.accuracy(SCORES, LABELS, 0.36)).isEqualTo(0.5);
    }

    @Test
    void groupAucWeightsUsersByImpressionsAndSkipsOneClassUsers() {
        double[] scores = {0.1, 0.9, 0.8, 0.3, 0.5, 0.7, 0.2};
        double[] labels = {0, 1, 0, 1, 0, 1, 1};
        long[] users = {1, 1, 2, 2, 2, 3, 3};
        // user 1: AUC 1 over 2 samples; user 2: AUC 0 over 3; user 3 has positives only.
        assertThat(BinaryMetrics.groupAuc(scores, labels, users)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void computeGathersAllMeasures() {
        Metrics m = BinaryMetrics.compute(SCORES, LABELS, new long[] {7, 7, 7, 7});
        assertThat(m.samples()).isEqualTo(4);
        assertThat(m.rocAuc()).isEqualTo(0.75);
        assertThat(m.groupAuc()).isEqualTo(0.75);
        assertThat(m.accuracy()).isEqualTo(0.75);
    }

    @Test
    void oneClassLabelsAreRejectedWithAReason() {
        assertThatThrownBy(() -> BinaryMetrics.rocAuc(new double[] {0.1, 0.2}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both classes");
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThatThrownBy(() -> BinaryMetrics.logLoss(new double[] {0.1}, new double[] {1, 0}))
                .hasMessageContaining("scores has 1 entries but labels has 2");
    }
}
