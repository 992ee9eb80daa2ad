package dev.wren.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.data.CategoricalField;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Fingerprint;
import dev.wren.model.data.InMemorySampleSource;
import dev.wren.model.data.PlantedSignal;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.data.Side;
import dev.wren.model.eval.Evaluator;
import dev.wren.model.eval.Metrics;
import dev.wren.model.train.ModelTrainer;
import dev.wren.model.train.TrainConfig;
import dev.wren.model.train.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
    private static final InMemorySampleSource TRAIN = PlantedSignal.samples(400, 21);
    private static final InMemorySampleSource VALID = PlantedSignal.samples(200, 22);
    private static TrainedModel model;
    private static Metrics metrics;

    @BeforeAll
    static void trainTinyModel() {
        // DIN exercises every input (categorical, numeric, sequence and mask).
        ModelSpec spec = new ModelSpec.DinSpec(4, List.of(4), List.of(8), 0.1f);
        model = ModelTrainer.train(
                spec,
                PlantedSignal.layout(),
                TRAIN,
                VALID,
                TrainConfig.defaultsFor(spec).withEpochs(1, 1));
        metrics = Evaluator.evaluate(model, VALID);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    private static SampleBatch validBatch() {
        try (var batches = VALID.batches(200, OptionalLong.empty())) {
            return batches.findFirst().orElseThrow();
        }
    }

    private static Path save(Path root) {
        return ModelBundle.save(model, root, metrics, Fingerprint.of(TRAIN));
    }

    @Test
    void aSavedAndLoadedBundleScoresIdentically(@TempDir Path root) {
        Path dir = save(root);
        try (TrainedModel loaded = ModelBundle.load(dir, PlantedSignal.layout())) {
            assertThat(loaded.score(validBatch())).containsExactly(model.score(validBatch()));
            assertThat(loaded.spec()).isEqualTo(model.spec());
            assertThat(loaded.scaling()).isEqualTo(model.scaling());
        }
    }

    @Test
    void theManifestRecordsLayoutMetricsAndDataHash(@TempDir Path root) {
        BundleManifest manifest = ModelBundle.manifest(save(root));
        assertThat(manifest.name()).isEqualTo("din");
        assertThat(manifest.layout()).isEqualTo(PlantedSignal.layout());
        assertThat(manifest.trainingDataHash()).isEqualTo(Fingerprint.of(TRAIN)).hasSize(64);
        assertThat(manifest.metrics().get("rocAuc").asDouble()).isEqualTo(metrics.rocAuc());
    }

    @Test
    void eachSaveIsANewVersion(@TempDir Path root) {
        Path first = save(root);
        Path second = save(root);
        assertThat(first.getFileName()).hasToString("v1");
        assertThat(second.getFileName()).hasToString("v2");
        assertThat(ModelBundle.latest(root, "din")).contains(second);
        assertThat(ModelBundle.latest(root, "deepfm")).isEmpty();
    }

    @Test
    void refusesALayoutWithADifferentVocabularyNamingTheField(@TempDir Path root) {
        Path dir = save(root);
        FeatureLayout trained = PlantedSignal.layout();
        List<CategoricalField> fields = new ArrayList<>(trained.categorical());
        fields.set(1, CategoricalField.ids("item", Side.ITEM, PlantedSignal.ITEMS + 10));
        FeatureLayout offered = new FeatureLayout(
                fields, trained.numeric(), trained.sequence(), trained.userIdField(), trained.itemIdField());
        assertThatThrownBy(() -> ModelBundle.load(dir, offered))
                .isInstanceOf(LayoutMismatchException.class)
                .hasMessageContaining("field 'item' vocabularySize 49 vs 58");
    }

    @Test
    void refusesALayoutWithoutTheSequence(@TempDir Path root) {
        Path dir = save(root);
        FeatureLayout trained = PlantedSignal.layout();
        FeatureLayout offered = new FeatureLayout(
                trained.categorical(),
                trained.numeric(),
                Optional.empty(),
                trained.userIdField(),
                trained.itemIdField());
        assertThatThrownBy(() -> ModelBundle.load(dir, offered))
                .isInstanceOf(LayoutMismatchException.class)
                .hasMessageContaining("sequence");
    }

    @Test
    void refusesCorruptParameters(@TempDir Path root) throws IOException {
        Path dir = save(root);
        Path parameters = dir.resolve(ModelBundle.PARAMETERS);
        byte[] bytes = Files.readAllBytes(parameters);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(parameters, bytes);
        assertThatThrownBy(() -> ModelBundle.load(dir, PlantedSignal.layout()))
                .isInstanceOf(CorruptBundleException.class)
                .hasMessageContaining("parameters.bin is corrupt: SHA-256");
    }

    @Test
    void refusesTruncatedParametersEvenWithAMatchingChecksum(@TempDir Path root) throws IOException {
        Path dir = save(root);
        Path parameters = dir.resolve(ModelBundle.PARAMETERS);
        byte[] bytes = Files.readAllBytes(parameters);
        Files.write(parameters, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        // Re-record the checksum so only the parameter loader can notice.
        Path manifest = dir.resolve(ModelBundle.MANIFEST);
        String json = Files.readString(manifest);
        String recorded = ModelBundle.manifest(dir).parametersSha256();
        Files.writeString(manifest, json.replace(recorded, Fingerprint.ofFile(parameters)));
        assertThatThrownBy(() -> ModelBundle.load(dir, PlantedSignal.layout()))
                .isInstanceOf(CorruptBundleException.class)
                .hasMessageContaining("cannot load parameters from");
    }

    @Test
    void refusesAMalformedManifest(@TempDir Path root) throws IOException {
        Path dir = save(root);
        Files.writeString(dir.resolve(ModelBundle.MANIFEST), "{\"formatVersion\": 1, \"spec\": ");
        assertThatThrownBy(() -> ModelBundle.load(dir, PlantedSignal.layout()))
                .isInstanceOf(CorruptBundleException.class)
                .hasMessageContaining("bundle.json is not a valid bundle manifest");
    }

    @Test
    void refusesAFolderThatIsNotABundle(@TempDir Path root) {
        assertThatThrownBy(() -> ModelBundle.load(root, PlantedSignal.layout()))
                .isInstanceOf(CorruptBundleException.class)
                .hasMessageContaining("is not a model bundle");
    }
}
