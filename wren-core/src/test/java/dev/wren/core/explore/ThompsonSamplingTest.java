package dev.wren.core.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ThompsonSamplingTest {
    private static final List<ArmStats> ARMS =
            List.of(new ArmStats(1, 30, 100), new ArmStats(2, 20, 100), new ArmStats(3, 0, 2), new ArmStats(4, 1, 50));

    @Test
    void monteCarloPropensitiesMatchHowOftenTheItemIsShownThere() {
        ThompsonSampling policy = new ThompsonSampling("thompson", 1, 2000);
        SplittableRandom random = new SplittableRandom(11);
        int runs = 4000;
        int[] shown = new int[5];
        double[] claimed = new double[5];
        int[] claims = new int[5];
        for (int r = 0; r < runs; r++) {
            ShownItem top = policy.choose(ARMS, random).items().get(0);
            shown[top.itemId()]++;
            claimed[top.itemId()] += top.propensity();
            claims[top.itemId()]++;
        }
        for (int item = 1; item <= 4; item++) {
            if (claims[item] > 0) {
                double freq = shown[item] / (double) runs;
                assertThat(claimed[item] / claims[item]).as("item " + item).isCloseTo(freq, within(0.03));
            }
        }
        // The new item with two misses still gets shown: that is the point of exploring.
        assertThat(shown[3]).isPositive();
        assertThat(shown[1]).isGreaterThan(shown[2]);
    }

    @Test
    void betaDrawsHaveThePosteriorMean() {
        SplittableRandom random = new SplittableRandom(5);
        double sum = 0;
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            sum += BetaDraws.beta(3, 9, random);
        }
        assertThat(sum / n).isCloseTo(0.25, within(0.003));
    }

    @Test
    void listsHaveTheAskedSizeAndNoRepeats() {
        ShownList list = new ThompsonSampling("ts", 3, 10).choose(ARMS, new SplittableRandom(1));
        assertThat(list.itemIds()).hasSize(3).doesNotHaveDuplicates();
        assertThat(list.policy()).isEqualTo("ts");
    }
}
