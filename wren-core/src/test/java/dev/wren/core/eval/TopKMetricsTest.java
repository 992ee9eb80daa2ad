package dev.wren.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopKMetricsTest {
    private static final double EPS = 1e-12;
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_4 = 2;
    private static final double LOG2_5 = Math.log(5) / Math.log(2);

    @Test
    void scoresHitsAtSecondAndFourthPlaceByHand() {
        // Relevant: 7, 9, 11. List: 5, 7, 8, 9, 10. Hits at positions 2 and 4.
        Set<Integer> relevant = Set.of(7, 9, 11);
        TopKScores s = TopKMetrics.score(new int[] {5, 7, 8, 9, 10}, relevant::contains, 3, 5);

        double dcg = 1 / LOG2_3 + 1 / LOG2_5;
        double ideal = 1 + 1 / LOG2_3 + 1 / LOG2_4;
        assertThat(s.ndcg()).isCloseTo(dcg / ideal, within(EPS));
        assertThat(s.recall()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(s.hitRate()).isEqualTo(1);
        assertThat(s.precision()).isCloseTo(2.0 / 5, within(EPS));
        assertThat(s.reciprocalRank()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void idealGainCountsOnlyAsManyHitsAsTheCutOffHolds() {
        // Five relevant items, K = 2, both places hit: a perfect list at K = 2.
        Set<Integer> relevant = Set.of(1, 2, 3, 4, 5);
        TopKScores s = TopKMetrics.score(new int[] {3, 1, 9}, relevant::contains, 5, 2);

        assertThat(s.ndcg()).isCloseTo(1, within(EPS));
        assertThat(s.recall()).isCloseTo(2.0 / 5, within(EPS));
        assertThat(s.precision()).isCloseTo(1, within(EPS));
    }

    @Test
    void aListWithoutHitsScoresZeroEverywhere() {
        TopKScores s = TopKMetrics.score(new int[] {1, 2, 3}, i -> false, 4, 3);

        assertThat(s).isEqualTo(new TopKScores(0, 0, 0, 0, 0));
    }

    @Test
    void aShortListCountsItsMissingPlacesAsMisses() {
        TopKScores s = TopKMetrics.score(new int[] {4}, i -> i == 4, 1, 10);

        assertThat(s.ndcg()).isCloseTo(1, within(EPS));
        assertThat(s.precision()).isCloseTo(0.1, within(EPS));
    }

    @Test
    void refusesAUserWithoutRelevantItems() {
        assertThatThrownBy(() -> TopKMetrics.score(new int[] {1}, i -> true, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one relevant item");
    }

    @Test
    void averagesOverUsersWithCoverageAndNovelty() {
        // Catalogue of 4 items, slots = id - 1, popularity rank = id.
        TopKAccumulator acc = new TopKAccumulator(new int[] {2, 1}, 4, id -> id);
        acc.add(new int[] {1, 2}, i -> i == 2, 1, id -> id - 1);
        acc.add(new int[] {3, 1}, i -> i == 3, 2, id -> id - 1);

        Map<Integer, TopKResult> r = acc.results();
        assertThat(r.keySet()).containsExactly(1, 2);
        TopKResult at1 = r.get(1);
        assertThat(at1.users()).isEqualTo(2);
        assertThat(at1.ndcg()).isCloseTo(0.5, within(EPS)); // 0 and 1
        assertThat(at1.hitRate()).isCloseTo(0.5, within(EPS));
        assertThat(at1.coverage()).isCloseTo(2.0 / 4, within(EPS)); // items 1 and 3
        assertThat(at1.novelty()).isCloseTo((1 + 3) / 2.0, within(EPS));
        TopKResult at2 = r.get(2);
        // User 1: hit at 2 -> (1/log2 3) / 1. User 2: hit at 1 of 2 relevant -> 1 / (1 + 1/log2 3).
        double expected = ((1 / LOG2_3) + 1 / (1 + 1 / LOG2_3)) / 2;
        assertThat(at2.ndcg()).isCloseTo(expected, within(EPS));
        assertThat(at2.recall()).isCloseTo((1 + 0.5) / 2, within(EPS));
        assertThat(at2.mrr()).isCloseTo((0.5 + 1) / 2, within(EPS));
        assertThat(at2.coverage()).isCloseTo(3.0 / 4, within(EPS));
        assertThat(at2.novelty()).isCloseTo((1 + 2 + 3 + 1) / 4.0, within(EPS));
    }
}
