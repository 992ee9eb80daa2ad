package dev.wren.model.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.data.CategoricalField;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.NumericField;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.data.Side;
import dev.wren.model.report.ModelResult;
import dev.wren.model.train.TrainConfig;
import dev.wren.model.train.TrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineSamplesTest {
    @TempDir
    Path dir;

    @Test
    void mapsTheManifestToALayoutWithFittedVocabulariesAndBuckets() {
        SyntheticOfflineSamples.write(dir, 40, 30, 400, 100, 7, 1 << 20);
        OfflineSamples samples = OfflineSamples.open(dir, "time", 0.1);
        FeatureLayout layout = samples.layout();

        assertThat(layout.categoricalNames())
                .containsExactly(
                        "userId",
                        "itemId",
                        "genre1",
                        "genre2",
                        "userGenre1",
                        "userGenre2",
                        "userRatingCountBucket",
                        "itemRatingCountBucket");
        assertThat(layout.categoricalField("userId").vocabularySize()).isEqualTo(41);
        assertThat(layout.categoricalField("itemId").vocabularySize()).isEqualTo(31);
        assertThat(layout.categoricalField("genre1").vocabulary()).isEqualTo(SyntheticOfflineSamples.GENRES);
        assertThat(layout.categoricalField("genre2").vocabularySize()).isEqualTo(5);
        assertThat(layout.categoricalField("userGenre2").side()).isEqualTo(Side.USER);
        assertThat(layout.categoricalField("userRatingCountBucket").vocabulary())
                .containsExactly("[-inf, 5)", "[5, 20)", "[20, +inf]");
        assertThat(layout.categoricalField("itemRatingCountBucket"))
                .extracting(CategoricalField::vocabularySize, CategoricalField::side)
                .containsExactly(5, Side.ITEM);
        assertThat(layout.numeric())
                .containsExactly(
                        new NumericField("releaseYear", Side.ITEM),
                        new NumericField("userRatingCount", Side.USER),
                        new NumericField("userRatingAvg", Side.USER),
                        new NumericField("itemRatingCount", Side.ITEM));
        assertThat(layout.sequenceLength()).isEqualTo(3);
        assertThat(layout.userIdField()).contains("userId");
        assertThat(layout.itemIdField()).contains("itemId");
    }

    @Test
    void streamsEveryRowOfEveryRowGroupInBatches() throws Exception {
        SyntheticOfflineSamples.write(dir, 40, 30, 3000, 500, 7, 4096);
        Path first = dir.resolve("samples/time/train/part-00000.parquet");
        try (ParquetFileReader reader = ParquetFileReader.open(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(first.toUri()), new Configuration()))) {
            assertThat(reader.getRowGroups()).hasSizeGreaterThan(1);
        }
        OfflineSamples samples = OfflineSamples.open(dir, "time", 0.1);

        assertThat(samples.train().size() + samples.validation().size()).isEqualTo(3000);
        assertThat(samples.validation().size()).isEqualTo(300);
        assertThat(rows(samples.train(), OptionalLong.of(3))).hasSize(2700);
        List<Long> groups = rows(samples.test(), OptionalLong.empty());
        assertThat(groups).hasSize(500);
        List<Integer> sizes = new ArrayList<>();
        try (var batches = samples.test().batches(64, OptionalLong.empty())) {
            batches.forEach(b -> sizes.add(b.size()));
        }
        assertThat(sizes).hasSize(8).allMatch(n -> n <= 64);
    }

    @Test
    void decodesMissingNumbersAsFittedMeansAndUnknownValuesAsZero() {
        SyntheticOfflineSamples.write(dir, 40, 30, 400, 100, 7, 1 << 20);
        OfflineSamples samples = OfflineSamples.open(dir, "time", 0.1);
        FeatureLayout layout = samples.layout();
        int count = layout.numericIndex("userRatingCount");
        int genre2 = layout.categoricalIndex("genre2");
        int bucket = layout.categoricalIndex("userRatingCountBucket");
        List<float[]> imputed = new ArrayList<>();
        int[] genre2Missing = {0};
        try (var batches = samples.test().batches(1000, OptionalLong.empty())) {
            batches.forEach(b -> {
                for (int i = 0; i < b.size(); i++) {
                    float[] numeric = new float[layout.numericCount()];
                    System.arraycopy(b.numeric(), i * numeric.length, numeric, 0, numeric.length);
                    if (numeric[count] == 25f) {
                        imputed.add(numeric);
                        // The imputed 25 falls in bucket [20, +inf], index 3.
                        assertThat(b.categorical()[i * layout.categoricalCount() + bucket])
                                .isEqualTo(3);
                    }
                    if (b.categorical()[i * layout.categoricalCount() + genre2] == 0) {
                        genre2Missing[0]++;
                    }
                    assertThat(b.labels()[i]).isIn(0f, 1f);
                }
            });
        }
        assertThat(imputed).isNotEmpty();
        assertThat(genre2Missing[0]).isPositive();
    }

    @Test
    void indexesTheIdsSeenInTrainingDenselyAndUnseenIdsAsZero() {
        // Item ids up to 100,000 but only a few hundred distinct ones: the table has a row per distinct id.
        SyntheticOfflineSamples.write(dir, 40, 100_000, 400, 100, 7, 1 << 20);
        OfflineSamples samples = OfflineSamples.open(dir, "time", 0.1);
        OfflineLayout offline = samples.offlineLayout();
        CategoricalField items = samples.layout().categoricalField("itemId");
        TreeSet<Integer> trainItems = new TreeSet<>();
        for (String id : items.vocabulary()) {
            trainItems.add(Integer.parseInt(id));
        }

        assertThat(items.vocabularySize()).isBetween(300, 401).isEqualTo(trainItems.size() + 1);
        assertThat(offline.itemIndex(trainItems.first())).isEqualTo(1);
        assertThat(offline.itemIndex(trainItems.last())).isEqualTo(trainItems.size());
        assertThat(offline.itemIndex(100_001)).isZero();
        assertThat(offline.itemIndex(-3)).isZero();
        assertThat(offline.userIndex(0)).isZero();
        int itemColumn = samples.layout().categoricalIndex("itemId");
        int[] unseen = {0};
        try (var batches = samples.test().batches(1000, OptionalLong.empty())) {
            batches.forEach(b -> {
                for (int i = 0; i < b.size(); i++) {
                    int index = b.categorical()[i * samples.layout().categoricalCount() + itemColumn];
                    assertThat(index).isBetween(0, trainItems.size());
                    unseen[0] += index == 0 ? 1 : 0;
                }
            });
        }
        assertThat(unseen[0])
                .as("test rows whose item never occurs in training")
                .isPositive();
    }

    @Test
    void aBundleCarriesTheIdMappingItWasTrainedWith() {
        SyntheticOfflineSamples.write(dir.resolve("offline"), 40, 5_000, 400, 100, 7, 1 << 20);
        OfflineSamples samples = OfflineSamples.open(dir.resolve("offline"), "time", 0.1);
        ModelSpec spec = new ModelSpec.DeepFmSpec(4, List.of(8), 0f);
        ModelResult result = OfflineTraining.train(
                samples, spec, TrainConfig.defaultsFor(spec).withEpochs(1, 1), dir.resolve("bundles"));

        OfflineLayout served = OfflineLayout.fromBundle(Path.of(result.bundle()));
        assertThat(served.layout()).isEqualTo(samples.layout());
        for (long id = 0; id <= 5_001; id += 7) {
            assertThat(served.itemIndex(id)).isEqualTo(samples.offlineLayout().itemIndex(id));
        }
        try (TrainedModel model = ModelBundle.load(Path.of(result.bundle()), served.layout())) {
            assertThat(model.layout().categoricalField("userId").vocabularySize())
                    .isEqualTo(samples.layout().categoricalField("userId").vocabularySize());
        }
        assertThatThrownBy(() -> OfflineLayout.fromBundle(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no " + OfflineLayout.BUNDLE_FILE);
    }

    @Test
    void refusesAFolderWithoutAManifestInOneSentence() {
        assertThatThrownBy(() -> OfflineSamples.open(dir, "time", 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no manifest.json in " + dir)
                .hasMessageContaining("wren offline");
        SyntheticOfflineSamples.write(dir, 40, 30, 400, 100, 7, 1 << 20);
        assertThatThrownBy(() -> OfflineSamples.open(dir, "user", 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no samples for split 'user'")
                .hasMessageContaining("--sample-splits user");
    }

    private static List<Long> rows(dev.wren.model.data.SampleSource source, OptionalLong seed) {
        List<Long> groups = new ArrayList<>();
        try (var batches = source.batches(97, seed)) {
            batches.forEach((SampleBatch b) -> {
                for (long g : b.groups()) {
                    groups.add(g);
                }
            });
        }
        return groups;
    }
}
