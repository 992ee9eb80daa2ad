package dev.wren.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.model.blocks.Cross;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.data.InMemorySampleSource;
import dev.wren.model.data.PlantedSignal;
import dev.wren.model.eval.Evaluator;
import dev.wren.model.eval.Metrics;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each ranking model, kept tiny, must find a planted genre-match signal within a few hundred steps. The two-tower
 * retrieval model learns which items a user interacts with, not which they like, so its planted signal is in
 * {@link TwoTowerRetrievalTest} (Recall@K against popularity's) instead.
 */
class ModelsLearnPlantedSignalTest {
    private static final InMemorySampleSource TRAIN = PlantedSignal.samples(1600, 1);
    private static final InMemorySampleSource VALID = PlantedSignal.samples(400, 2);
    private static final InMemorySampleSource TEST = PlantedSignal.samples(600, 3);

    static Stream<ModelSpec> tinyModels() {
        List<Integer> hidden = List.of(16);
        List<Cross> genreCross = List.of(new Cross("userGenre", "itemGenre"));
        return Stream.of(
                new ModelSpec.LogisticRegressionSpec(genreCross),
                new ModelSpec.EmbeddingMlpSpec(4, hidden, 0f),
                new ModelSpec.WideDeepSpec(4, hidden, 0f, genreCross),
                new ModelSpec.DeepFmSpec(4, hidden, 0f),
                new ModelSpec.NeuralCfSpec(4, hidden, 0f, true),
                new ModelSpec.DeepCrossSpec(4, 2, hidden, 0f),
                new ModelSpec.PnnSpec(4, true, true, hidden, 0f),
                new ModelSpec.DinSpec(4, List.of(8), hidden, 0f),
                new ModelSpec.DienSpec(4, 4, hidden, 0f),
                new ModelSpec.DienSpec(4, 4, hidden, 0f, true, 1f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tinyModels")
    void learnsThePlantedGenreMatch(ModelSpec spec) {
        // 1600 samples / 32 per batch x 8 epochs = 400 steps at most; the Bayes-optimal AUC is about 0.90.
        TrainConfig config = TrainConfig.defaultsFor(spec)
                .withBatchSize(32)
                .withEpochs(8, 3)
                .withLearningRate(0.01f)
                .withSeed(11);
        try (TrainedModel model = ModelTrainer.train(spec, PlantedSignal.layout(), TRAIN, VALID, config)) {
            Metrics metrics = Evaluator.evaluate(model, TEST);
            assertThat(metrics.rocAuc()).as(spec.name() + " test AUC").isGreaterThan(0.7);
            assertThat(model.report().epochsRun()).isBetween(1, 8);
        }
    }
}
