package dev.wren.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static final List<String> RANKED = List.of("a", "b", "c", "d");
    private static final Set<String> RELEVANT = Set.of("b", "d");

    @Test
    void recallCountsRelevantItemsInTheTopK() {
        assertThat(RankingMetrics.recallAtK(RANKED, RELEVANT, 3)).isEqualTo(0.5);
        assertThat(RankingMetrics.recallAtK(RANKED, RELEVANT, 4)).isEqualTo(1.0);
    }

    @Test
    void ndcgDiscountsLateHits() {
        double log2of3 = Math.log(3) / Math.log(2);
        double expected = (1 / log2of3) / (1 + 1 / log2of3);
        assertThat(RankingMetrics.ndcgAtK(RANKED, RELEVANT, 3)).isCloseTo(expected, within(1e-12));
        assertThat(RankingMetrics.ndcgAtK(List.of("b", "d"), RELEVANT, 2)).isCloseTo(1.0, within(1e-12));
    }
}
