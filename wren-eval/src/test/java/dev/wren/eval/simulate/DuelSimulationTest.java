package dev.wren.eval.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wren.data.synthetic.HiddenTastes;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serving's dueling bandit against simulated users who click by taste: it must learn to rank by taste. Seeded. */
class DuelSimulationTest {
    private static final double[] POPULARITY_HEAVY = {0.2, 0.8, 0.2};
    private static final double[] TASTE_ALONE = {1, 0, 0};

    @TempDir
    static Path dir;

    static HiddenTastes truth;
    static LinearRanker ranker;
    static DuelSimulation simulation;

    @BeforeAll
    static void world() {
        truth = SyntheticWorld.generate(dir.resolve("data"), 1500, 300, 7);
        ranker = new LinearRanker(truth, 1);
        simulation = new DuelSimulation(
                new Simulator(truth, ClickModel.standard(truth), Simulator.Settings.standard()), ranker, 300);
    }

    @Test
    void theLinearRankerWithTasteAloneRanksByTheUsersHiddenAffinity() {
        int user = truth.userTastes().keySet().iterator().next();
        List<Integer> byAffinity = truth.movieTastes().keySet().stream()
                .sorted(Comparator.comparingDouble((Integer m) -> -truth.affinity(user, m))
                        .thenComparing(m -> m))
                .limit(10)
                .toList();

        assertThat(ranker.rank(user, TASTE_ALONE, 10)).isEqualTo(byAffinity);
        assertThat(ranker.rank(user, new double[] {2, 0, 0}, 10))
                .as("a weighted sum ranks the same at any scale")
                .isEqualTo(byAffinity);
    }

    @Test
    void fromAPopularityHeavyStartTheBanditLearnsToRankByTaste() {
        double start = simulation.expectedClicks(POPULARITY_HEAVY);
        double best = simulation.expectedClicks(TASTE_ALONE);
        assertThat(best).as("the simulation's premise").isGreaterThan(start * 1.5);

        DuelSimulation.Result result =
                simulation.run(new DuelSimulation.Settings(POPULARITY_HEAVY, 0.5, 0.1, 3000, 500, 11));

        DuelSimulation.Checkpoint last = result.last();
        assertThat(result.curve().get(0).expectedClicks()).isCloseTo(start, within(1e-12));
        assertThat(last.expectedClicks())
                .as("expected clicks per list: start %s, taste alone %s", start, best)
                .isGreaterThan(start + 0.5 * (best - start));
        assertThat(last.weights()[0])
                .as("the taste weight leads: %s", java.util.Arrays.toString(last.weights()))
                .isGreaterThan(Math.abs(last.weights()[1]))
                .isGreaterThan(Math.abs(last.weights()[2]));
        assertThat(result.shownClicks())
                .as("what users were shown while it learned beat the start")
                .isGreaterThan(start);
    }

    @Test
    void theSameSettingsGiveTheSameCurve() {
        DuelSimulation.Settings settings = new DuelSimulation.Settings(POPULARITY_HEAVY, 0.5, 0.1, 300, 100, 3);

        DuelSimulation.Result a = simulation.run(settings);
        DuelSimulation.Result b = simulation.run(settings);

        assertThat(b.curve()).usingRecursiveFieldByFieldElementComparator().isEqualTo(a.curve());
        assertThat(b.lists()).isEqualTo(a.lists());
    }
}
