package dev.wren.serving.trend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendingTest {
    private static final long NOW = 1_764_982_800_000L;
    private static final Duration HOUR = Duration.ofHours(1);

    private static Features trend(double count, long streamTime) {
        return Features.builder()
                .number(FeatureSchema.TRENDING_COUNT, count)
                .number(FeatureSchema.STREAM_TIME, streamTime)
                .build();
    }

    @Test
    void ordersByCountThenNewerTrendThenIdAndDropsZeroAndStaleTrends() {
        Map<Integer, Features> rows = new HashMap<>();
        rows.put(1, trend(3, NOW - 60_000));
        rows.put(2, trend(9, NOW - 120_000));
        rows.put(3, trend(3, NOW));
        rows.put(4, trend(0, NOW)); // every event slid out of the window
        rows.put(5, trend(50, NOW - HOUR.toMillis())); // its window ended a whole window before the newest
        rows.put(6, trend(3, NOW - 60_000));
        rows.put(7, Features.builder().number(FeatureSchema.TRENDING_COUNT, 8).build()); // no time: not the job's

        Trending t = Trending.of(rows, HOUR, 10);

        assertThat(t.items())
                .containsExactly(
                        new Trending.Entry(2, 9, NOW - 120_000),
                        new Trending.Entry(3, 3, NOW),
                        new Trending.Entry(1, 3, NOW - 60_000),
                        new Trending.Entry(6, 3, NOW - 60_000));
        assertThat(t.newestStreamTime()).hasValue(NOW);
    }

    @Test
    void keepsTheMostTrendingOnly() {
        Map<Integer, Features> rows = new HashMap<>();
        for (int id = 1; id <= 20; id++) {
            rows.put(id, trend(id, NOW));
        }

        assertThat(Trending.of(rows, HOUR, 3).items())
                .extracting(Trending.Entry::itemId)
                .containsExactly(20, 19, 18);
    }

    @Test
    void nothingTrendsWithoutTrendRowsOrWithOnlyZeros() {
        assertThat(Trending.of(Map.of(), HOUR, 10)).isEqualTo(Trending.NONE);
        Trending zeros = Trending.of(Map.of(1, trend(0, NOW), 2, trend(0, NOW - 1)), HOUR, 10);
        assertThat(zeros.isEmpty()).isTrue();
        assertThat(zeros.newestStreamTime()).hasValue(NOW);
    }
}
