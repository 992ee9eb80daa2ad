package dev.wren.model.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.data.PlantedSignal;
import dev.wren.model.data.Sample;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.train.ModelTrainer;
import dev.wren.model.train.TrainConfig;
import dev.wren.model.train.TrainedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static TrainedModel model;

    @BeforeAll
    static void trainTinyModel() {
        ModelSpec spec = new ModelSpec.DinSpec(4, List.of(4), List.of(8), 0f);
        model = ModelTrainer.train(
                spec,
                PlantedSignal.layout(),
                PlantedSignal.samples(400, 31),
                PlantedSignal.samples(200, 32),
                TrainConfig.defaultsFor(spec).withEpochs(1, 1));
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    static UserFeatures user(int id) {
        return new UserFeatures(
                Map.of("user", id, "userGenre", 1 + id % PlantedSignal.GENRES),
                Map.of("userActivity", 10f),
                new int[] {1 + id % PlantedSignal.GENRES, 7 + id % PlantedSignal.GENRES});
    }

    static List<ItemFeatures> candidates(int n) {
        List<ItemFeatures> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int item = 1 + i % PlantedSignal.ITEMS;
            items.add(new ItemFeatures(
                    Map.of("item", item, "itemGenre", 1 + item % PlantedSignal.GENRES),
                    Map.of("itemQuality", (i % 7) / 7f)));
        }
        return items;
    }

    @Test
    void scoresLikeTheTrainingPathForTheSameRows() {
        UserFeatures user = user(5);
        List<ItemFeatures> items = candidates(10);
        try (Scorer scorer = new Scorer(model, 1)) {
            float[] scores = scorer.score(user, items);
            List<Sample> rows = rows(5, user, items);
            float[] expected = model.score(SampleBatch.of(PlantedSignal.layout(), rows));
            assertThat(scores).containsExactly(expected);
            for (float p : scores) {
                assertThat(p).isBetween(0f, 1f);
            }
        }
    }

    /** The training path's rows for a user and candidates of the planted-signal layout. */
    static List<Sample> rows(int userId, UserFeatures user, List<ItemFeatures> items) {
        List<Sample> rows = new ArrayList<>();
        for (ItemFeatures item : items) {
            rows.add(new Sample(
                    new int[] {
                        userId,
                        item.categorical().get("item"),
                        user.categorical().get("userGenre"),
                        item.categorical().get("itemGenre")
                    },
                    new float[] {10f, item.numeric().get("itemQuality")},
                    new int[] {user.recentItems()[0], user.recentItems()[1], 0, 0},
                    0f,
                    userId));
        }
        return rows;
    }

    @Test
    void concurrentCallersGetTheSameScoresAsOne() throws Exception {
        List<ItemFeatures> items = candidates(800);
        try (Scorer scorer = new Scorer(model, 2)) {
            float[][] expected = new float[8][];
            for (int u = 0; u < 8; u++) {
                expected[u] = scorer.score(user(u + 1), items);
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int call = 0; call < 32; call++) {
                    int u = call % 8;
                    results.add(
                            pool.submit(() -> java.util.Arrays.equals(scorer.score(user(u + 1), items), expected[u])));
                }
                for (Future<Boolean> result : results) {
                    assertThat(result.get()).isTrue();
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aMissingUserFieldIsNamed() {
        UserFeatures incomplete = new UserFeatures(Map.of("user", 3), Map.of("userActivity", 1f), new int[0]);
        try (Scorer scorer = new Scorer(model, 1)) {
            assertThatThrownBy(() -> scorer.score(incomplete, candidates(3)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("user lacks categorical field 'userGenre'");
        }
    }

    @Test
    void aMissingCandidateNumericIsNamed() {
        List<ItemFeatures> items = List.of(new ItemFeatures(Map.of("item", 1, "itemGenre", 2), Map.of()));
        try (Scorer scorer = new Scorer(model, 1)) {
            assertThatThrownBy(() -> scorer.score(user(1), items))
                    .hasMessageContaining("candidate 0 lacks a finite value for numeric field 'itemQuality'");
        }
    }

    @Test
    void latencyProbeReportsOrderedPercentiles() {
        try (Scorer scorer = new Scorer(model, 1)) {
            LatencyProbe.Latency latency = LatencyProbe.measure(scorer, user(2), candidates(800), 2, 10);
            assertThat(latency.candidates()).isEqualTo(800);
            assertThat(latency.p99Millis()).isGreaterThanOrEqualTo(latency.medianMillis());
        }
    }

    @Test
    void percentileUsesNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(LatencyProbe.percentile(sorted, 0.5)).isEqualTo(5);
        assertThat(LatencyProbe.percentile(sorted, 0.99)).isEqualTo(10);
    }
}
