package dev.wren.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.data.InMemorySampleSource;
import dev.wren.model.data.PlantedSignal;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.eval.Evaluator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingIsSeededTest {
    private static final InMemorySampleSource TRAIN = PlantedSignal.samples(300, 51);
    private static final InMemorySampleSource VALID = PlantedSignal.samples(100, 52);
    private static final ModelSpec SPEC = new ModelSpec.EmbeddingMlpSpec(4, List.of(8), 0.2f);

    private static float[] trainAndScore(long seed) {
        TrainConfig config =
                TrainConfig.defaultsFor(SPEC).withBatchSize(32).withEpochs(2, 2).withSeed(seed);
        try (TrainedModel model = ModelTrainer.train(SPEC, PlantedSignal.layout(), TRAIN, VALID, config);
                var batches = VALID.batches(100, OptionalLong.empty())) {
            SampleBatch batch = batches.findFirst().orElseThrow();
            return model.score(batch);
        }
    }

    @Test
    void theSameSeedGivesIdenticalScores() {
        assertThat(trainAndScore(5)).containsExactly(trainAndScore(5));
    }

    @Test
    void anotherSeedGivesOtherScores() {
        assertThat(trainAndScore(5)).isNotEqualTo(trainAndScore(6));
    }

    @Test
    void improvedEpochsAreCheckpointedAndMetricsWrittenAsJson(@TempDir Path dir) throws Exception {
        TrainConfig config = TrainConfig.defaultsFor(SPEC).withEpochs(2, 2).withCheckpoints(dir.resolve("checkpoints"));
        try (TrainedModel model = ModelTrainer.train(SPEC, PlantedSignal.layout(), TRAIN, VALID, config)) {
            try (var files = Files.list(dir.resolve("checkpoints"))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .anyMatch(name -> name.startsWith("embedding-mlp-") && name.endsWith(".params"));
            }
            Path metrics = dir.resolve("out").resolve("metrics.json");
            Evaluator.writeJson(Evaluator.evaluate(model, VALID), metrics);
            assertThat(Files.readString(metrics)).contains("\"rocAuc\"", "\"groupAuc\"", "\"logLoss\"");
            assertThat(model.report().bestEpoch()).isBetween(1, 2);
            assertThat(model.report().validationAucs()).hasSize(model.report().epochsRun());
        }
    }
}
