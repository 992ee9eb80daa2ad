package dev.wren.model.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.bundle.LayoutMismatchException;
import dev.wren.model.data.Sample;
import dev.wren.model.offline.OfflineLayout;
import dev.wren.model.offline.OfflineSamples;
import dev.wren.model.offline.OfflineTraining;
import dev.wren.model.offline.ParquetRows;
import dev.wren.model.offline.SyntheticOfflineSamples;
import dev.wren.model.report.ModelResult;
import dev.wren.model.serve.FeatureRows;
import dev.wren.model.train.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFeatureEncoderTest {
    @TempDir
    static Path dir;

    static OfflineSamples samples;
    static Group lastRow;
    static Path bundle;

    @BeforeAll
    static void trainATinyDeepFm() {
        SyntheticOfflineSamples.write(dir.resolve("offline"), 40, 30, 600, 100, 7, 1 << 20);
        samples = OfflineSamples.open(dir.resolve("offline"), "time", 0.1);
        OfflineLayout layout = samples.offlineLayout();
        List<Path> test = ParquetRows.filesOf(dir.resolve("offline/samples/time/test"));
        try (Stream<Group> rows = new ParquetRows(test, layout.columns()).stream()) {
            lastRow = rows.reduce((a, b) -> b).orElseThrow();
        }
        ModelSpec spec = new ModelSpec.DeepFmSpec(4, List.of(8), 0f);
        ModelResult result = OfflineTraining.train(
                samples, spec, TrainConfig.defaultsFor(spec).withEpochs(1, 1).withSeed(3), dir.resolve("models"));
        bundle = Path.of(result.bundle());
    }

    /** The store rows that describe the same user and item as a sample row of the synthetic pipeline output. */
    static Features userRow(Group row) {
        Features.Builder b = Features.builder();
        b.textList(FeatureSchema.TOP_GENRES, strings(row, "userTopGenres"));
        b.intList(FeatureSchema.RECENT_POSITIVES, ints(row, "userRecentPositives"));
        if (row.getFieldRepetitionCount("userRatingCount") > 0) {
            b.number(FeatureSchema.RATING_COUNT, row.getLong("userRatingCount", 0));
            b.number(FeatureSchema.RATING_AVG, row.getDouble("userRatingAvg", 0));
        }
        return b.build();
    }

    static Features itemRow(Group row) {
        List<String> genres = new ArrayList<>(List.of(row.getString("genre1", 0)));
        if (row.getFieldRepetitionCount("genre2") > 0) {
            genres.add(row.getString("genre2", 0));
        }
        return Features.builder()
                .textList(FeatureSchema.GENRES, genres)
                .number(FeatureSchema.RELEASE_YEAR, row.getInteger("releaseYear", 0))
                .number(FeatureSchema.RATING_COUNT, row.getLong("itemRatingCount", 0))
                .build();
    }

    @Test
    void storeRowsEncodeExactlyAsTheParquetSampleRowOfTheSameUserAndItem() {
        StoreFeatureEncoder encoder = new StoreFeatureEncoder(samples.offlineLayout());
        Sample fromParquet = samples.offlineLayout().decode(lastRow);
        Sample fromStore = encoder.sample(
                lastRow.getInteger("userId", 0), userRow(lastRow), lastRow.getInteger("itemId", 0), itemRow(lastRow));

        assertThat(fromStore.categorical()).containsExactly(fromParquet.categorical());
        assertThat(fromStore.numeric()).containsExactly(fromParquet.numeric());
        assertThat(fromStore.sequence()).containsExactly(fromParquet.sequence());
    }

    @Test
    void missingStoreFeaturesTakeTheTrainingMeansAndTheUnknownIndex() {
        StoreFeatureEncoder encoder = new StoreFeatureEncoder(samples.offlineLayout());
        Sample s = encoder.sample(3, Features.empty(), 5, Features.empty());
        var layout = encoder.layout();

        assertThat(s.numeric()[layout.numericIndex("userRatingCount")]).isEqualTo(25f);
        assertThat(s.numeric()[layout.numericIndex("releaseYear")]).isEqualTo(2000f);
        // The imputed 25 falls in bucket [20, +inf]: index 3, as the offline decoder gives it.
        assertThat(s.categorical()[layout.categoricalIndex("userRatingCountBucket")])
                .isEqualTo(3);
        assertThat(s.categorical()[layout.categoricalIndex("userGenre1")]).isZero();
        // An item without genres has the pipeline's "none" slot, which is not in this vocabulary.
        assertThat(s.categorical()[layout.categoricalIndex("genre1")]).isZero();
        assertThat(s.categorical()[layout.categoricalIndex("userId")]).isEqualTo(3);
        assertThat(s.categorical()[layout.categoricalIndex("itemId")]).isEqualTo(5);
        assertThat(s.sequence()).containsOnly(0);
    }

    @Test
    void aBundleScoresStoreRowsExactlyAsItScoresTheParquetRow() {
        try (ServingBundle served = ServingBundle.open(bundle, Optional.empty(), 1)) {
            Sample fromParquet = samples.offlineLayout().decode(lastRow);
            float parquet = served.scorer()
                    .score(
                            FeatureRows.userOf(served.encoder().layout(), fromParquet),
                            List.of(FeatureRows.itemOf(served.encoder().layout(), fromParquet)))[0];
            float store = served.scorer()
                    .score(
                            served.encoder().user(lastRow.getInteger("userId", 0), userRow(lastRow)),
                            List.of(served.encoder().item(lastRow.getInteger("itemId", 0), itemRow(lastRow))))[0];

            assertThat(store).isEqualTo(parquet);
            assertThat(served.isRetrieval()).isFalse();
            assertThat(served.label()).isEqualTo("deepfm/v1");
        }
    }

    @Test
    void refusesABundleWhoseOfflineManifestIsNotTheOneItWasTrainedOn() throws Exception {
        Path other = dir.resolve("other");
        SyntheticOfflineSamples.write(other, 40, 30, 60, 10, 7, 1 << 20);
        Path manifest = other.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("20.0", "30.0"));

        assertThatThrownBy(() -> ServingBundle.open(bundle, Optional.of(other), 1))
                .isInstanceOf(LayoutMismatchException.class)
                .hasMessageContaining("userRatingCountBucket");
    }

    @Test
    void picksTheRankingBundleWithTheBestValidationAuc() {
        List<ModelsFolder.Entry> entries = ModelsFolder.latest(dir.resolve("models"));

        assertThat(entries).extracting(e -> e.manifest().name()).containsExactly("deepfm");
        assertThat(ModelsFolder.bestRanker(entries))
                .map(ModelsFolder.Entry::dir)
                .contains(bundle);
        assertThat(ModelsFolder.bestRetriever(entries)).isEmpty();
        assertThat(ModelsFolder.latest(dir.resolve("absent"))).isEmpty();
    }

    private static List<String> strings(Group row, String field) {
        List<String> out = new ArrayList<>();
        if (row.getFieldRepetitionCount(field) == 0) {
            return out;
        }
        Group list = row.getGroup(field, 0);
        for (int i = 0; i < list.getFieldRepetitionCount(0); i++) {
            out.add(list.getGroup(0, i).getString(0, 0));
        }
        return out;
    }

    private static List<Integer> ints(Group row, String field) {
        List<Integer> out = new ArrayList<>();
        if (row.getFieldRepetitionCount(field) == 0) {
            return out;
        }
        Group list = row.getGroup(field, 0);
        for (int i = 0; i < list.getFieldRepetitionCount(0); i++) {
            out.add(list.getGroup(0, i).getInteger(0, 0));
        }
        return out;
    }
}
