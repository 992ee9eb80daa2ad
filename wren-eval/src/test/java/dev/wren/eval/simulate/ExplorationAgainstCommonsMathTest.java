package dev.wren.eval.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wren.core.explore.BetaDraws;
import dev.wren.core.explore.EpsilonGreedy;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** wren-core has no statistics library; its Beta sampler and binomial sums are checked here against Commons Math. */
class ExplorationAgainstCommonsMathTest {
    @Test
    void betaDrawsFollowTheBetaDistribution() {
        SplittableRandom random = new SplittableRandom(17);
        for (double[] ab : new double[][] {{1, 1}, {3, 9}, {41, 2000}}) {
            double[] draws = new double[5000];
            for (int i = 0; i < draws.length; i++) {
                draws[i] = BetaDraws.beta(ab[0], ab[1], random);
            }
            double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new BetaDistribution(ab[0], ab[1]), draws);
            assertThat(p).as("KS p for Beta(%s, %s)", ab[0], ab[1]).isGreaterThan(0.01);
        }
    }

    @Test
    void epsilonGreedyPropensityUsesTheBinomialOfTheOtherSlots() {
        // 4 explorable slots, a pool of 2: q = E[min(1, 2 / (1 + J))], J ~ Binomial(3, 0.4).
        BinomialDistribution j = new BinomialDistribution(3, 0.4);
        double q = 0;
        for (int k = 0; k <= 3; k++) {
            q += j.probability(k) * Math.min(1.0, 2.0 / (1 + k));
        }
        EpsilonGreedy policy = EpsilonGreedy.fromPosition(0.4, 4, 0);
        List<Integer> ranked = List.of(1, 2, 3, 4, 5, 6);
        assertThat(policy.propensity(ranked, 6, 2)).isCloseTo(0.4 * q / 2, within(1e-12));
        assertThat(policy.propensity(ranked, 3, 2)).isCloseTo(1 - 0.4 * q, within(1e-12));
    }
}
