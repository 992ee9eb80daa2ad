package dev.wren.core.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EpsilonGreedyTest {
    private static final List<Integer> RANKED =
            IntStream.range(100, 112).boxed().toList();

    @Test
    void exactPropensitiesMatchTheFrequenciesOfItsOwnDraws() {
        EpsilonGreedy policy = EpsilonGreedy.fromPosition(0.3, 4, 1);
        SplittableRandom random = new SplittableRandom(7);
        int runs = 100_000;
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Double> claimed = new HashMap<>();
        for (int r = 0; r < runs; r++) {
            for (ShownItem s : policy.choose(RANKED, random).items()) {
                String key = s.itemId() + "@" + s.position();
                counts.merge(key, 1, Integer::sum);
                claimed.put(key, s.propensity());
            }
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            double p = claimed.get(e.getKey());
            double freq = e.getValue() / (double) runs;
            // Four standard errors of a frequency.
            assertThat(freq).as(e.getKey()).isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / runs) + 1e-9));
        }
        assertThat(claimed.get("100@0")).isEqualTo(1.0);
        assertThat(claimed.get("101@1")).isCloseTo(0.7, within(1e-12));
        assertThat(claimed.get("110@2")).isCloseTo(0.3 / 8, within(1e-12));
    }

    @Test
    void aShortPoolLowersTheChanceThatAnExploringSlotGetsAnItem() {
        // 3 explorable slots, a pool of 1: when J others explore too, the slot gets the item with chance 1/(1+J).
        EpsilonGreedy policy = EpsilonGreedy.fromPosition(0.5, 3, 0);
        List<Integer> ranked = List.of(1, 2, 3, 4);
        double q = 0.25 * 1 + 0.5 * 0.5 + 0.25 / 3;
        assertThat(policy.propensity(ranked, 4, 1)).isCloseTo(0.5 * q, within(1e-12));
        assertThat(policy.propensity(ranked, 2, 1)).isCloseTo(1 - 0.5 * q, within(1e-12));
        SplittableRandom random = new SplittableRandom(3);
        int hits = 0;
        int runs = 200_000;
        for (int r = 0; r < runs; r++) {
            if (policy.choose(ranked, random).itemIds().get(1) == 4) {
                hits++;
            }
        }
        assertThat(hits / (double) runs).isCloseTo(0.5 * q, within(0.004));
    }

    @Test
    void distributionOverASlotSumsToOneAndNeverMovesAGreedyItem() {
        EpsilonGreedy policy = EpsilonGreedy.fromPosition(0.2, 5, 0);
        for (int pos = 0; pos < 5; pos++) {
            Map<Integer, Double> d = policy.distribution(RANKED, pos);
            assertThat(d.values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1, within(1e-12));
            for (int other = 0; other < 5; other++) {
                if (other != pos) {
                    assertThat(d).doesNotContainKey(RANKED.get(other));
                }
            }
        }
    }

    @Test
    void withoutExplorationItIsTheRankingsTop() {
        ShownList list = EpsilonGreedy.fromPosition(0, 3, 0).choose(RANKED, new SplittableRandom(1));
        assertThat(list.itemIds()).containsExactly(100, 101, 102);
        assertThat(list.propensities()).containsOnly(1.0);
    }

    @Test
    void binomialProbabilitiesAreRight() {
        assertThat(EpsilonGreedy.binomialPmf(4, 2, 0.5)).isCloseTo(6 / 16.0, within(1e-12));
        assertThat(EpsilonGreedy.binomialPmf(3, 0, 0.1)).isCloseTo(0.729, within(1e-12));
    }
}
