package dev.wren.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.wren.model.data.PlantedSignal;
import org.junit.jupiter.api.Test;

class InBatchSoftmaxLossTest {
    private static double log(double x) {
        return Math.log(x);
    }

    @Test
    void subtractsLogQFromEveryLogitAndMasksTheRowsOfTheSameItem() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            // Rows 0 and 2 interacted with item 7 (q = 1/2), row 1 with item 8 (q = 1/4).
            NDArray u = manager.create(new float[] {1, 0, 0, 1, 0.6f, 0.8f}, new Shape(3, 2));
            NDArray v = manager.create(new float[] {2, 0, 0, 2, 2, 0}, new Shape(3, 2));
            NDArray logQ = manager.create(new float[] {(float) log(0.5), (float) log(0.25), (float) log(0.5)});
            NDArray items = manager.create(new long[] {7, 8, 7});

            float loss = InBatchSoftmaxLoss.loss(u, v, logQ, items).getFloat();

            // Corrected logits u_i . v_j - log q_j; row 0 and row 2 leave each other out (the same item).
            double row0 = -(2 + log(2)) + log(Math.exp(2 + log(2)) + Math.exp(log(4)));
            double row1 = -(2 + log(4)) + log(Math.exp(log(2)) + Math.exp(2 + log(4)) + Math.exp(log(2)));
            double row2 = -(1.2 + log(2)) + log(Math.exp(1.6 + log(4)) + Math.exp(1.2 + log(2)));
            assertThat((double) loss).isCloseTo((row0 + row1 + row2) / 3, within(1e-5));
        }
    }

    @Test
    void estimatesEachItemsSamplingProbabilityFromItsShareOfTheTrainingInteractions() {
        long[] counts = new long[PlantedSignal.ITEMS + 1];
        counts[3] = 6;
        counts[5] = 2;
        InBatchSoftmaxLoss loss = InBatchSoftmaxLoss.of(PlantedSignal.layout(), counts);
        assertThat((double) loss.logQ(3)).isCloseTo(log(0.75), within(1e-6));
        assertThat((double) loss.logQ(5)).isCloseTo(log(0.25), within(1e-6));
    }
}
