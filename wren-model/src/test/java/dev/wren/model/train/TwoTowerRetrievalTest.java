package dev.wren.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.data.InMemorySampleSource;
import dev.wren.model.data.PlantedSignal;
import dev.wren.model.data.Sample;
import dev.wren.model.eval.RetrievalEvaluator;
import dev.wren.model.eval.RetrievalMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwoTowerRetrievalTest {
    @Test
    void retrievesFavouriteGenreItemsFarAboveChance() {
        ModelSpec spec = new ModelSpec.TwoTowerSpec(4, List.of(16), 8, 0.2f);
        InMemorySampleSource test = PlantedSignal.samples(600, 43);
        try (TrainedModel model = ModelTrainer.train(
                spec,
                PlantedSignal.layout(),
                PlantedSignal.samples(1600, 41),
                PlantedSignal.samples(400, 42),
                TrainConfig.defaultsFor(spec).withBatchSize(32).withEpochs(6, 3).withLearningRate(0.01f))) {
            List<Sample> catalog = RetrievalEvaluator.catalog(test.layout(), test.samples());
            RetrievalMetrics m = RetrievalEvaluator.evaluate(model, test.layout(), catalog, test.samples(), 10, 200);
            // A random ranking of 48 items finds a relevant one in the top 10 about 10/48 of the time.
            double chance = 10.0 / catalog.size();
            assertThat(m.recall()).isGreaterThan(1.5 * chance);
            assertThat(m.ndcg()).isPositive();
        }
    }
}
