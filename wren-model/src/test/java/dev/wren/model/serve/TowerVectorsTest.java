package dev.wren.model.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.data.PlantedSignal;
import dev.wren.model.train.ModelTrainer;
import dev.wren.model.train.TrainConfig;
import dev.wren.model.train.TrainedModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class TowerVectorsTest {
    @Test
    void theDotProductOfTowerVectorsIsTheModelsLogit() {
        ModelSpec spec = new ModelSpec.TwoTowerSpec(4, List.of(8), 6, 0.2f);
        try (TrainedModel model = ModelTrainer.train(
                        spec,
                        PlantedSignal.layout(),
                        PlantedSignal.samples(300, 61),
                        PlantedSignal.samples(100, 62),
                        TrainConfig.defaultsFor(spec).withEpochs(1, 1));
                Scorer scorer = new Scorer(model, 1)) {
            TowerVectors towers = new TowerVectors(model);
            UserFeatures user = ScorerTest.user(3);
            List<ItemFeatures> items = ScorerTest.candidates(5);
            float[] u = towers.user(user, items.get(0));
            float[][] v = towers.items(ScorerTest.user(9), items);
            float[] p = scorer.score(user, items);
            assertThat(u).hasSize(6);
            for (int i = 0; i < items.size(); i++) {
                double logit = 0;
                for (int k = 0; k < u.length; k++) {
                    logit += u[k] * v[i][k];
                }
                assertThat(1 / (1 + Math.exp(-logit))).isCloseTo(p[i], within(1e-5));
            }
        }
    }

    @Test
    void theJavaUserTowerMatchesTheNativeOneWhenTheTowersReadSomeFieldsOnly() {
        ModelSpec spec = new ModelSpec.TwoTowerSpec(4, List.of(8), 6, 0.2f)
                .withFields(List.of("user", "userActivity"), List.of("item", "itemGenre"));
        try (TrainedModel model = ModelTrainer.train(
                spec,
                PlantedSignal.layout(),
                PlantedSignal.samples(300, 63),
                PlantedSignal.samples(100, 64),
                TrainConfig.defaultsFor(spec).withEpochs(1, 1))) {
            TowerVectors towers = new TowerVectors(model);
            List<ItemFeatures> items = ScorerTest.candidates(1);
            for (int user = 1; user <= 5; user++) {
                UserFeatures features = ScorerTest.user(user);
                float[] java = towers.user(features, items.get(0));
                float[] nativeTower = towers.users(Scorer.toBatch(model.layout(), features, items))[0];
                assertThat(java).containsExactly(nativeTower, within(1e-5f));
            }
        }
    }

    @Test
    void refusesARankingModel() {
        ModelSpec spec = new ModelSpec.EmbeddingMlpSpec(2, List.of(4), 0f);
        try (TrainedModel model = ModelTrainer.train(
                spec,
                PlantedSignal.layout(),
                PlantedSignal.samples(50, 1),
                PlantedSignal.samples(50, 2),
                TrainConfig.defaultsFor(spec).withEpochs(1, 1))) {
            assertThatThrownBy(() -> new TowerVectors(model)).hasMessageContaining("not a two-tower model");
        }
    }
}
