package dev.wren.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The estimators on a fixture small enough to compute by hand (the sums are in the comments). */
class OffPolicyEstimatorsTest {
    // user, position, item, propensity, reward
    private static final List<LoggedDecision> LOGGED = List.of(
            new LoggedDecision(1, 0, 10, 0.5, 1), // target agrees: w = 2
            new LoggedDecision(1, 1, 11, 0.25, 0), // disagrees: w = 0
            new LoggedDecision(2, 0, 12, 0.5, 0), // disagrees
            new LoggedDecision(2, 1, 10, 0.25, 1)); // agrees: w = 4
    private static final TargetPolicy ALWAYS_TEN = (user, position) -> Map.of(10, 1.0);

    @Test
    void ipsIsTheMeanOfWeightedRewards() {
        Estimate ips = OffPolicyEstimators.ips(LOGGED, ALWAYS_TEN, 0.95);
        assertThat(ips.value()).isCloseTo((2 + 0 + 0 + 4) / 4.0, within(1e-12));
        // Per user: sums 2 and 4 over 2 slots each; residuals -1 and +1 about 1.5 x 2; se = sqrt(2 / 1 / 2) / 2.
        assertThat(ips.standardError()).isCloseTo(0.5, within(1e-12));
        assertThat(ips.lower()).isCloseTo(1.5 - 1.959964 * 0.5, within(1e-5));
    }

    @Test
    void selfNormalisedIpsDividesByTheSumOfWeights() {
        assertThat(OffPolicyEstimators.selfNormalisedIps(LOGGED, ALWAYS_TEN, 0.95)
                        .value())
                .isCloseTo(6 / 6.0, within(1e-12));
    }

    @Test
    void doublyRobustCorrectsTheModelByWeightedResiduals() {
        // Model 0.5 everywhere: 0.5 + 2 x 0.5, 0.5, 0.5, 0.5 + 4 x 0.5 -> (1.5 + 0.5 + 0.5 + 2.5) / 4.
        Estimate dr = OffPolicyEstimators.doublyRobust(LOGGED, ALWAYS_TEN, (u, p, i) -> 0.5, 0.95);
        assertThat(dr.value()).isCloseTo(1.25, within(1e-12));
        // A perfect-looking model with no matches left: the model alone.
        Estimate direct = OffPolicyEstimators.doublyRobust(LOGGED.subList(1, 3), ALWAYS_TEN, (u, p, i) -> 0.3, 0.95);
        assertThat(direct.value()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void replayAveragesTheRewardsOfTheSlotsWhereTheTargetAgrees() {
        assertThat(OffPolicyEstimators.replay(LOGGED, ALWAYS_TEN, 0.95).value()).isEqualTo(1.0);
        TargetPolicy coin = (user, position) -> Map.of(10, 0.5, 11, 0.5);
        assertThatThrownBy(() -> OffPolicyEstimators.replay(LOGGED, coin, 0.95)).hasMessageContaining("deterministic");
    }

    @Test
    void ratioStatisticWithUnitDenominatorsIsTheMean() {
        Estimate m = RatioStatistic.mean(new double[] {1, 2, 3, 4}, 0.95);
        assertThat(m.value()).isEqualTo(2.5);
        assertThat(m.standardError()).isCloseTo(Math.sqrt(5.0 / 3 / 4), within(1e-12));
    }
}
