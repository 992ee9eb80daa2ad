package dev.wren.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UserSimulatorTest {
    @Test
    void selectFindsTheSameValueAsSortingForEveryRank() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int length = 1 + random.nextInt(60);
            double[] values = new double[length + 5];
            for (int i = 0; i < values.length; i++) {
                // Few distinct values, so ties are common.
                values[i] = random.nextInt(8) + (trial % 2 == 0 ? random.nextGaussian() : 0);
            }
            double[] sorted = Arrays.copyOf(values, length);
            Arrays.sort(sorted);
            for (int rank = 0; rank < length; rank++) {
                double[] scratch = values.clone();
                assertThat(UserSimulator.select(scratch, length, rank)).isEqualTo(sorted[rank]);
            }
        }
    }
}
