package dev.wren.serving.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wren.core.explore.TeamDraftInterleaving.Team;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DuelingBanditTest {
    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double cosine(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s / (norm(a) * norm(b));
    }

    @Test
    void teamBRanksWithTheWeightsPlusDeltaTimesAUnitDirection() {
        DuelingBandit bandit = new DuelingBandit(new double[] {0.5, 0.3, 0.2}, 0.4, 0.1, 10);
        DuelingBandit.Duel d = bandit.propose(new SplittableRandom(3));
        assertThat(norm(d.weights())).isCloseTo(1.0, within(1e-12));
        assertThat(norm(d.direction())).isCloseTo(1.0, within(1e-12));
        for (int i = 0; i < 3; i++) {
            assertThat(d.perturbed()[i]).isCloseTo(d.weights()[i] + 0.4 * d.direction()[i], within(1e-12));
        }
        assertThat(bandit.propose(new SplittableRandom(3)).direction()).containsExactly(d.direction());
    }

    @Test
    void aClickOnTeamBsItemMovesTheWeightsByAlphaAlongTheDirectionAndTeamAsDoesNot() {
        DuelingBandit bandit = new DuelingBandit(new double[] {1, 0, 0}, 0.5, 0.2, 10);
        DuelingBandit.Duel d = bandit.propose(new SplittableRandom(7));
        bandit.shown(1, d, List.of(10, 20, 30), List.of(Team.A, Team.B, Team.A));
        bandit.clicked(1, 99); // not in the list: the duel waits
        bandit.clicked(1, 10); // A's item: the duel is decided for A, nothing moves
        assertThat(bandit.weights()).containsExactly(1, 0, 0);
        bandit.clicked(1, 20); // already decided
        assertThat(bandit.updates()).isZero();

        bandit.shown(2, d, List.of(10, 20), List.of(Team.A, Team.B));
        bandit.clicked(2, 20);
        double[] expected = {1 + 0.2 * d.direction()[0], 0.2 * d.direction()[1], 0.2 * d.direction()[2]};
        double n = norm(expected);
        assertThat(bandit.updates()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            assertThat(bandit.weights()[i]).isCloseTo(expected[i] / n, within(1e-12));
        }
    }

    @Test
    void turnsTowardsTheWeightsUsersPreferWhenTheyClickTheCloserTeam() {
        // Users click the team whose weights are closer to a planted preference, so each win is a step uphill.
        double[] truth = {0.1, 0.2, 0.9};
        DuelingBandit bandit = new DuelingBandit(new double[] {0.5, 0.3, 0.2}, 0.5, 0.1, 10);
        SplittableRandom random = new SplittableRandom(11);
        double before = cosine(bandit.weights(), truth);
        for (int round = 0; round < 400; round++) {
            DuelingBandit.Duel d = bandit.propose(random);
            bandit.shown(round, d, List.of(1, 2), List.of(Team.A, Team.B));
            boolean preferB = cosine(d.perturbed(), truth) > cosine(d.weights(), truth);
            bandit.clicked(round, preferB ? 2 : 1);
        }
        assertThat(before).isLessThan(0.6);
        assertThat(cosine(bandit.weights(), truth)).isGreaterThan(0.98);
    }
}
