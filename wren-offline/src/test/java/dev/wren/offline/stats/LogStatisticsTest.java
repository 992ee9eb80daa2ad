package dev.wren.offline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogStatisticsTest {
    @Test
    void longTailOfAnEvenCatalogueHasZeroGini() {
        Map<String, Object> tail = LogStatistics.longTail(new long[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, 50);

        assertThat((double) tail.get("gini")).isCloseTo(0.0, within(1e-12));
        assertThat(tail.get("itemsFor80PercentOfRatings")).isEqualTo(8);
        assertThat((double) tail.get("shareOfTop10PercentItems")).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void longTailMeasuresConcentrationOnPopularItems() {
        // One blockbuster with 91 ratings, nine items rated once.
        Map<String, Object> tail = LogStatistics.longTail(new long[] {91, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 100);

        assertThat(tail.get("itemsFor80PercentOfRatings")).isEqualTo(1);
        assertThat(tail.get("itemsRatedOnce")).isEqualTo(9L);
        assertThat((double) tail.get("shareOfTop10PercentItems")).isCloseTo(0.91, within(1e-12));
        // Gini = 2 * sum(i * x_i) / (n * total) - (n + 1) / n over ascending x: (2 * (45 + 910)) / 1000 - 1.1 = 0.81.
        assertThat((double) tail.get("gini")).isCloseTo(0.81, within(1e-12));
    }
}
