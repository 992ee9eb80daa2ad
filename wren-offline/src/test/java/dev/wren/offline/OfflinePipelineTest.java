package dev.wren.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OfflinePipelineTest {
    private static final int DIM = 8;
    private static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror"};

    private final OfflinePipeline pipeline = new OfflinePipeline(TestSpark.session());

    /** 40 movies in 4 genre clusters; 60 users who each love one cluster. */
    static Path writeDataset(Path dir) {
        List<String> movies = new ArrayList<>(List.of("movieId,title,genres"));
        for (int i = 1; i <= 40; i++) {
            movies.add(i + ",\"Movie " + i + ", The (" + (1980 + i) + ")\"," + GENRES[(i - 1) / 10] + "|Drama");
        }
        List<String> ratings = new ArrayList<>(List.of("userId,movieId,rating,timestamp"));
        Random random = new Random(5);
        for (int u = 1; u <= 60; u++) {
            long ts = 1_000_000 + u * 10L;
            for (int k = 0; k < 8; k++) {
                int item = (u % 4) * 10 + 1 + random.nextInt(10);
                ratings.add(u + "," + item + "," + (random.nextInt(3) == 0 ? "2.5" : "4.5") + "," + ts);
                ts += 1 + random.nextInt(500);
            }
        }
        Fixtures.write(dir, "movies.csv", StandardCharsets.UTF_8, movies.toArray(String[]::new));
        Fixtures.write(dir, "ratings.csv", StandardCharsets.UTF_8, ratings.toArray(String[]::new));
        return dir;
    }

    private static OfflineConfig config(Path input, Path output) {
        return OfflineConfig.defaults(input, output)
                .withSnapshotVersion("test-1")
                .withSamples(OfflineConfig.defaults(input, output).samples().withNegatives(1))
                .withEmbedding(new EmbeddingParams(DIM, 5, 2, 1, 6, 2, 1.0, 0.5, 100, "item2vec"));
    }

    @Test
    void runsEveryStageWritesTheManifestAndPublishesOneSnapshot(@TempDir Path tmp) throws IOException {
        FeatureStore store = EmbeddedFeatureStore.inMemory(FeatureSchema.standard(DIM));
        List<String> started = new ArrayList<>();

        OfflineResult result = pipeline.run(
                config(writeDataset(tmp.resolve("in")), tmp.resolve("out")), store, new ProgressListener() {
                    @Override
                    public void stageStarted(Stage stage) {
                        started.add(stage.label());
                    }
                });

        assertThat(started)
                .containsExactly("read", "features", "samples", "embed", "cf", "similar", "stats", "publish");
        assertThat(store.liveVersion()).contains("test-1");
        assertThat(result.publishedVersion()).contains("test-1");
        Features item = store.get(EntityKind.ITEM, 1).orElseThrow();
        assertThat(item.vector(FeatureSchema.EMBEDDING).orElseThrow()).hasSize(DIM);
        assertThat(item.number(FeatureSchema.RELEASE_YEAR)).hasValue(1981);
        assertThat(item.textList(FeatureSchema.GENRES)).containsExactly("Action", "Drama");
        Features user = store.get(EntityKind.USER, 1).orElseThrow();
        assertThat(user.number(FeatureSchema.RATING_COUNT)).hasValue(8);
        assertThat(user.vector(FeatureSchema.EMBEDDING).orElseThrow()).hasSize(DIM);
        // The collaborative filters: ALS factors on both sides, EASE's strongest weights on items.
        assertThat(user.vector(FeatureSchema.CF_FACTORS).orElseThrow()).hasSize(FeatureSchema.DEFAULT_FACTOR_DIMENSION);
        assertThat(item.vector(FeatureSchema.CF_FACTORS).orElseThrow()).hasSize(FeatureSchema.DEFAULT_FACTOR_DIMENSION);
        assertThat(item.intList(FeatureSchema.CF_NEIGHBOURS))
                .isNotEmpty()
                .doesNotContain(1)
                .hasSize(item.floatList(FeatureSchema.CF_WEIGHTS).length);
        assertThat(result.hitRates()).containsKeys("item2vec", "deepwalk", "node2vec", "popularity");
        assertThat(result.similarRecall()).isPresent();
        assertThat(result.rowCounts()).containsEntry("features/items", 40L).containsEntry("features/users", 60L);

        JsonNode manifest =
                new ObjectMapper().readTree(tmp.resolve("out/manifest.json").toFile());
        assertThat(manifest.at("/input/hash").asText()).startsWith("sha256:");
        assertThat(manifest.at("/input/ratings").asLong()).isEqualTo(480);
        assertThat(manifest.at("/genreVocabulary").toString())
                .isEqualTo("[\"Action\",\"Comedy\",\"Drama\",\"Horror\"]");
        assertThat(manifest.at("/transforms/time/stringIndexerLabels/genre1").isArray())
                .isTrue();
        assertThat(manifest.at("/transforms/time/bucketBoundaries/userRatingCount")
                        .size())
                .isGreaterThan(1);
        assertThat(manifest.at("/transforms/time/minMax/releaseYear").size()).isEqualTo(2);
        assertThat(manifest.at("/outputs/samples~1time~1train/rows").asLong()).isPositive();
        assertThat(manifest.at("/transforms").fieldNames())
                .toIterable()
                .as("only the split training reads, by default")
                .containsExactly("time");
        assertThat(tmp.resolve("out/samples/user")).doesNotExist();
        assertThat(manifest.at("/outputs/samples~1time~1train/schema/features").asText())
                .isEqualTo("vector");
        assertThat(manifest.at("/parameters/seed").asLong()).isEqualTo(42);
        assertThat(Files.exists(tmp.resolve("out/embeddings/evaluation.json"))).isTrue();
        assertThat(Files.exists(tmp.resolve("out/stats/stats.json"))).isTrue();
        // By default the store gets the evaluation's Item2vec fit (all but each user's last event): no second fit.
        assertThat(vectors(tmp.resolve("out/embeddings/items")))
                .isEqualTo(vectors(tmp.resolve("out/embeddings/eval-item2vec")));
    }

    @Test
    void writesTheUserSplitWhenAskedHoldingOutEachUsersLastEvent(@TempDir Path tmp) throws IOException {
        OfflineConfig base = config(writeDataset(tmp.resolve("in")), tmp.resolve("out"));
        OfflineConfig config = base.withStages(Stage.parse("features,samples"))
                .withSamples(base.samples().withSplits(List.of("time", "user")));

        pipeline.run(config, ProgressListener.none());

        JsonNode manifest =
                new ObjectMapper().readTree(tmp.resolve("out/manifest.json").toFile());
        assertThat(manifest.at("/transforms/user/bucketBoundaries/userRatingCount")
                        .size())
                .isGreaterThan(1);
        long heldOut = TestSpark.session()
                .read()
                .parquet(tmp.resolve("out/samples/user/test").toString())
                .filter("negative = false")
                .count();
        assertThat(heldOut).as("one rating per user, each with 8").isEqualTo(60);
        assertThat(manifest.at("/outputs/samples~1time~1train/rows").asLong()
                        + manifest.at("/outputs/samples~1time~1test/rows").asLong())
                .isEqualTo(manifest.at("/outputs/samples~1user~1train/rows").asLong()
                        + manifest.at("/outputs/samples~1user~1test/rows").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"item2vec", "deepwalk", "node2vec"})
    void refittingPublishesVectorsTrainedOnTheWholeLog(String method, @TempDir Path tmp) {
        OfflineConfig base = config(writeDataset(tmp.resolve("in")), tmp.resolve("out"));
        OfflineConfig config = base.withStages(Stage.parse("embed"))
                .withEmbedding(new EmbeddingParams(DIM, 5, 2, 1, 6, 2, 1.0, 0.5, 100, method).withRefit(true));

        pipeline.run(config, ProgressListener.none());

        List<Row> published = vectors(tmp.resolve("out/embeddings/items"));
        List<Row> evaluated = vectors(tmp.resolve("out/embeddings/eval-" + method));
        assertThat(published.size()).isGreaterThanOrEqualTo(evaluated.size());
        assertThat(published).isNotEqualTo(evaluated);
    }

    @ParameterizedTest(name = "compare up to {0} ratings: {1}")
    @CsvSource({"479, item2vec popularity", "480, item2vec deepwalk node2vec popularity"})
    void onlyALogWithinTheComparisonLimitFitsEveryEmbeddingMethod(long limit, String expected, @TempDir Path tmp)
            throws IOException {
        // The fixture has 480 ratings; above the limit only the published method (and the popularity baseline).
        OfflineConfig base = config(writeDataset(tmp.resolve("in")), tmp.resolve("out"));
        OfflineConfig config = base.withStages(Stage.parse("embed"))
                .withEmbedding(base.embedding().withCompareUpTo(limit));

        pipeline.run(config, ProgressListener.none());

        JsonNode evaluation = new ObjectMapper()
                .readTree(tmp.resolve("out/embeddings/evaluation.json").toFile());
        assertThat(evaluation.path("methods").fieldNames()).toIterable().containsExactly(expected.split(" "));
        assertThat(tmp.resolve("out/embeddings/eval-deepwalk").toFile().exists())
                .isEqualTo(expected.contains("deepwalk"));
        assertThat(vectors(tmp.resolve("out/embeddings/items"))).isNotEmpty();
    }

    private static List<Row> vectors(Path parquet) {
        return TestSpark.session()
                .read()
                .parquet(parquet.toString())
                .orderBy("itemId")
                .collectAsList();
    }

    @Test
    void aFailedPublishLeavesNoSnapshotAndNamesTheStage(@TempDir Path tmp) {
        MapFeatureStoreFake store = new MapFeatureStoreFake(FeatureSchema.standard(DIM), 1);
        OfflineConfig config =
                config(writeDataset(tmp.resolve("in")), tmp.resolve("out")).withStages(Stage.parse("features"));

        assertThatThrownBy(() -> pipeline.run(config, store, ProgressListener.none()))
                .isInstanceOf(OfflineStageException.class)
                .hasMessageContaining("'publish' failed")
                .hasMessageContaining("fake store failure")
                .satisfies(e -> assertThat(((OfflineStageException) e).stage()).isEqualTo(Stage.PUBLISH));
        assertThat(store.liveVersion()).isEmpty();
        assertThat(store.discarded).containsExactly("test-1");
    }

    @Test
    void inStrictModeBadInputFailsTheReadStageWithFileAndLine(@TempDir Path tmp) {
        Path in = tmp.resolve("in");
        Fixtures.write(in, "movies.csv", StandardCharsets.UTF_8, "movieId,title,genres", "1,A (1990),Drama");
        Fixtures.write(
                in,
                "ratings.csv",
                StandardCharsets.UTF_8,
                "userId,movieId,rating,timestamp",
                "1,1,4.0,964982703",
                "1,1,4.0,x");
        FeatureStore store = EmbeddedFeatureStore.inMemory(FeatureSchema.standard(DIM));

        assertThatThrownBy(() -> pipeline.run(
                        config(in, tmp.resolve("out")).withStrictInput(true), store, ProgressListener.none()))
                .isInstanceOf(OfflineStageException.class)
                .hasMessageContaining("'read' failed")
                .hasMessageContaining("ratings.csv line 3: timestamp 'x' is not a number")
                .hasCauseInstanceOf(OfflineInputException.class);
        assertThat(store.liveVersion()).isEmpty();
    }
}
