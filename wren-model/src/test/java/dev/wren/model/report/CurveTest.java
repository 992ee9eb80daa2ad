package dev.wren.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CurveTest {
    @Test
    void stepsOncePerDistinctScoreFromTheOriginToTheCorner() {
        Curve roc = Curve.roc(new double[] {0.9, 0.8, 0.8, 0.1}, new double[] {1, 0, 1, 0});

        assertThat(roc.fpr()).containsExactly(0, 0, 0.5, 1);
        assertThat(roc.tpr()).containsExactly(0, 0.5, 1, 1);
    }

    @Test
    void thinsLongCurvesButKeepsBothEnds() {
        int n = 10_000;
        double[] scores = new double[n];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = i;
            labels[i] = i % 3 == 0 ? 1 : 0;
        }
        Curve roc = Curve.roc(scores, labels);

        assertThat(roc.fpr().length).isLessThanOrEqualTo(202);
        assertThat(roc.fpr()[0]).isZero();
        assertThat(roc.fpr()[roc.fpr().length - 1]).isEqualTo(1.0);
        assertThat(roc.tpr()[roc.tpr().length - 1]).isEqualTo(1.0);
    }
}
