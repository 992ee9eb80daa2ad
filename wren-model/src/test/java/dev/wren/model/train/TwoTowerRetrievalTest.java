package dev.wren.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.data.PlantedInteractions;
import dev.wren.model.eval.RetrievalEvaluator;
import dev.wren.model.eval.RetrievalMetrics;
import dev.wren.model.eval.RetrievalTask;
import dev.wren.model.serve.TowerVectors;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwoTowerRetrievalTest {
    private static final PlantedInteractions.Split LOG = PlantedInteractions.split(5);
    private static final ModelSpec SPEC = new ModelSpec.TwoTowerSpec(8, List.of(16), 8, 0.1f);

    private static TrainedModel train() {
        TrainConfig config = TrainConfig.defaultsFor(SPEC)
                .withBatchSize(64)
                .withEpochs(10, 3)
                .withLearningRate(0.01f)
                .withSeed(3);
        return ModelTrainer.train(SPEC, PlantedInteractions.layout(), LOG.train(), LOG.validation(), config);
    }

    @Test
    void findsEachUsersHeldOutItemsFarMoreOftenThanPopularityDoes() {
        RetrievalTask task = RetrievalTask.of(
                PlantedInteractions.layout(), List.of(LOG.train(), LOG.validation()), LOG.test(), 1000);
        RetrievalMetrics popularity = RetrievalEvaluator.popularity(PlantedInteractions.layout(), task);
        try (TrainedModel model = train()) {
            RetrievalMetrics twoTower =
                    RetrievalEvaluator.evaluate(new TowerVectors(model), PlantedInteractions.layout(), task);
            assertThat(twoTower.queries()).isEqualTo(PlantedInteractions.USERS);
            // Every user's favourite genre is a sixth of the catalogue: the model finds it, popularity cannot.
            assertThat(twoTower.recallAt50()).isGreaterThan(1.3 * popularity.recallAt50());
            assertThat(twoTower.recallAt10()).isGreaterThan(1.3 * popularity.recallAt10());
            assertThat(twoTower.ndcgAt10()).isGreaterThan(popularity.ndcgAt10());
        }
    }

    @Test
    void keepsTheEpochWithTheBestValidationRecallAt50() {
        try (TrainedModel model = train()) {
            TrainingReport report = model.report();
            assertThat(report.validationRetrieval()).hasSize(report.epochsRun());
            double best = report.validationRetrieval().stream()
                    .mapToDouble(RetrievalMetrics::recallAt50)
                    .max()
                    .orElseThrow();
            assertThat(report.bestValidationRetrieval().orElseThrow().recallAt50())
                    .isEqualTo(best);
        }
    }
}
