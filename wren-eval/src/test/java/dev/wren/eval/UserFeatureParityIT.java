package dev.wren.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.model.Item;
import dev.wren.core.recommend.Event;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.data.movielens.MovieLensReader;
import dev.wren.data.movielens.MovieLensWriter;
import dev.wren.offline.OfflineConfig;
import dev.wren.offline.OfflinePipeline;
import dev.wren.offline.ProgressListener;
import dev.wren.offline.Stage;
import dev.wren.serving.PipelineSettings;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.RatingsIndex;
import dev.wren.serving.events.EventLog;
import dev.wren.serving.events.JsonLinesEventLog;
import dev.wren.serving.events.RealtimeUpdater;
import dev.wren.serving.events.RecentEvents;
import dev.wren.serving.pipeline.ServingState;
import dev.wren.serving.pipeline.StageFactories;
import dev.wren.serving.pipeline.StateLoader;
import dev.wren.serving.pipeline.UserFeatureRows;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every user feature has one definition: the offline pipeline (Spark), the serving bootstrap and the real-time updater
 * compute the same values from the same history.
 */
class UserFeatureParityIT {
    private static final int DIM = 8;
    private static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror", "Sci-Fi"};
    private static final UserFeatureRules RULES = UserFeatureRules.defaults();

    @TempDir
    static Path tmp;

    private static List<Item> catalogue;
    /** {user, item, rating x 2, ts}, in no particular order; several ratings share a second. */
    private static List<long[]> ratings;

    private static FeatureStore offline;

    @BeforeAll
    static void runTheOfflinePipeline() {
        Random random = new Random(11);
        catalogue = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            List<String> genres =
                    i % 7 == 0 ? List.of() : List.of(GENRES[i % GENRES.length], GENRES[(i / 3) % GENRES.length]);
            OptionalInt year = i % 11 == 0 ? OptionalInt.empty() : OptionalInt.of(1970 + i);
            catalogue.add(
                    new Item(i, "Movie " + i, year, genres.stream().distinct().toList()));
        }
        ratings = new ArrayList<>();
        for (int u = 1; u <= 80; u++) {
            long ts = 1_000_000_000L + random.nextInt(1_000_000);
            int n = 4 + random.nextInt(25);
            for (int k = 0; k < n; k++) {
                int item = 1 + random.nextInt(60);
                int halfStars = 1 + random.nextInt(10); // 0.5 .. 5
                ratings.add(new long[] {u, item, halfStars, ts});
                // A third of the ratings share the second before; gaps span days to years.
                ts += random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 86_400 : 40_000_000);
            }
        }
        Path all = write(tmp.resolve("all"), ratings);
        offline = EmbeddedFeatureStore.inMemory(FeatureSchema.standard(DIM));
        OfflineConfig config = OfflineConfig.defaults(all, tmp.resolve("offline"))
                .withStages(EnumSet.of(Stage.READ, Stage.FEATURES, Stage.EMBED))
                .withSnapshotVersion("parity");
        config = config.withEmbedding(config.embedding().withDimension(DIM));
        new OfflinePipeline(TestSpark.session()).run(config, offline, ProgressListener.none());
    }

    private static Path write(Path dir, List<long[]> rows) {
        MovieLensWriter.write(dir, catalogue, v -> rows.forEach(r -> v.visit((int) r[0], (int) r[1], r[2] / 2f, r[3])));
        return dir;
    }

    private static Map<Integer, float[]> itemVectors(FeatureStore store) {
        Map<Integer, float[]> out = new HashMap<>();
        store.scan(EntityKind.ITEM, (id, row) -> row.vector(FeatureSchema.EMBEDDING)
                .ifPresent(v -> out.put(id, v)));
        return out;
    }

    @Test
    void servingComputesEveryUserFeatureAsTheOfflinePipelineDid() {
        MovieLensReader reader = MovieLensReader.open(tmp.resolve("all"));
        RatingsIndex index = RatingsIndex.read(reader);
        Catalog catalog = Catalog.build(reader.items(), index);
        Map<Integer, float[]> vectors = itemVectors(offline);
        assertThat(vectors).isNotEmpty();

        int withEverything = 0;
        for (int user : index.users()) {
            Features served = UserFeatureRows.row(
                    UserFeatureRows.history(index.user(user).orElseThrow(), List.of(), catalog),
                    RULES,
                    vectors::get,
                    DIM);
            assertSameFeatures(user, offline.get(EntityKind.USER, user).orElseThrow(), served);
            if (served.intList(FeatureSchema.RECENT_POSITIVES).size() > 1
                    && served.textList(FeatureSchema.TOP_GENRES).size() > 1
                    && served.vector(FeatureSchema.EMBEDDING).isPresent()) {
                withEverything++;
            }
        }
        // The comparison is not vacuous: most users have several positives, genres and an embedding.
        assertThat(withEverything).isGreaterThan(60);
    }

    @Test
    void theRealTimeUpdaterKeepsEveryUserFeatureAsTheOfflinePipelineWouldHave() throws Exception {
        // Serving starts from the ratings before each user's last four; those four arrive as events.
        Map<Long, List<long[]>> byUser = new HashMap<>();
        ratings.forEach(
                r -> byUser.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r));
        List<long[]> before = new ArrayList<>();
        List<long[]> after = new ArrayList<>();
        byUser.values().forEach(list -> {
            list.sort((a, b) -> a[3] != b[3] ? Long.compare(a[3], b[3]) : Long.compare(a[1], b[1]));
            before.addAll(list.subList(0, list.size() - 4));
            after.addAll(list.subList(list.size() - 4, list.size()));
        });
        Path start = write(tmp.resolve("before"), before);
        FeatureStore store = EmbeddedFeatureStore.inMemory(FeatureSchema.standard(DIM));
        try (FeatureStore.SnapshotWriter w = store.beginSnapshot("copy")) {
            Map<Integer, Features> items = new HashMap<>();
            offline.scan(EntityKind.ITEM, items::put);
            w.put(EntityKind.ITEM, items);
            w.commit();
        }
        PipelineSettings settings = PipelineSettings.defaults();
        RecentEvents recent = new RecentEvents();
        ServingState state = new StateLoader(store, recent, settings, List.of(), StageFactories.builtIn(), DIM)
                .load(start, "parity");
        try (EventLog log = JsonLinesEventLog.open(tmp.resolve("events.jsonl"), new ObjectMapper())) {
            RealtimeUpdater updater = new RealtimeUpdater(() -> state, recent, log, store, settings, DIM);
            for (long[] r : after) {
                updater.accept(new Event((int) r[0], (int) r[1], Event.Type.RATING, r[2] / 2.0, r[3]));
            }
        } finally {
            state.close();
        }
        for (long user : byUser.keySet()) {
            assertSameFeatures(
                    (int) user,
                    offline.get(EntityKind.USER, (int) user).orElseThrow(),
                    store.get(EntityKind.USER, (int) user).orElseThrow());
        }
    }

    private static void assertSameFeatures(int user, Features offlineRow, Features servingRow) {
        String who = "user " + user + ": ";
        for (String n : List.of(
                FeatureSchema.RATING_COUNT,
                FeatureSchema.RATING_AVG,
                FeatureSchema.RATING_STD,
                FeatureSchema.RELEASE_YEAR_AVG,
                FeatureSchema.RELEASE_YEAR_STD)) {
            assertThat(servingRow.number(n).isPresent())
                    .as(who + n)
                    .isEqualTo(offlineRow.number(n).isPresent());
            if (offlineRow.number(n).isPresent()) {
                assertThat(servingRow.number(n).getAsDouble())
                        .as(who + n)
                        .isCloseTo(offlineRow.number(n).getAsDouble(), within(1e-9));
            }
        }
        assertThat(servingRow.intList(FeatureSchema.RECENT_POSITIVES))
                .as(who + "recent positives")
                .isEqualTo(offlineRow.intList(FeatureSchema.RECENT_POSITIVES));
        assertThat(servingRow.textList(FeatureSchema.TOP_GENRES))
                .as(who + "top genres")
                .isEqualTo(offlineRow.textList(FeatureSchema.TOP_GENRES));
        assertThat(servingRow.vector(FeatureSchema.EMBEDDING).isPresent())
                .as(who + "embedding")
                .isEqualTo(offlineRow.vector(FeatureSchema.EMBEDDING).isPresent());
        offlineRow.vector(FeatureSchema.EMBEDDING).ifPresent(expected -> {
            float[] actual = servingRow.vector(FeatureSchema.EMBEDDING).orElseThrow();
            for (int d = 0; d < expected.length; d++) {
                assertThat((double) actual[d]).as(who + "embedding[" + d + "]").isCloseTo(expected[d], within(1e-4));
            }
        });
    }
}
