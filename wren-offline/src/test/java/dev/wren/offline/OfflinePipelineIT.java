package dev.wren.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole pipeline on the real MovieLens sets in shared/data; skipped with a message when they are absent. */
class OfflinePipelineIT {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"ml-latest-small, 610, 9742, 100836", "ml-100k, 943, 1682, 100000"})
    void runsEndToEndAndPublishes(String dataset, long users, long items, long ratings, @TempDir Path tmp) {
        Optional<Path> input = Fixtures.sharedData(dataset);
        assumeTrue(
                input.isPresent(),
                "shared/data/" + dataset + " not found above " + Path.of("").toAbsolutePath());
        // The real embedded store, persisted to a folder, as `wren offline` publishes by default.
        FeatureStore store = EmbeddedFeatureStore.open(tmp.resolve("store"), FeatureSchema.standard(32));
        OfflineConfig config =
                OfflineConfig.defaults(input.get(), tmp.resolve("out")).withSnapshotVersion(dataset + "-it");

        OfflineResult result = new OfflinePipeline(TestSpark.session()).run(config, store, ProgressListener.none());

        assertThat(store.liveVersion()).contains(dataset + "-it");
        assertThat(result.rowCounts()).containsEntry("features/users", users).containsEntry("features/items", items);
        long[] published = new long[2];
        store.scan(EntityKind.USER, (id, f) -> published[0]++);
        store.scan(EntityKind.ITEM, (id, f) -> published[1]++);
        assertThat(published).containsExactly(users, items);
        Features user1 = store.get(EntityKind.USER, 1).orElseThrow();
        assertThat(user1.vector(FeatureSchema.EMBEDDING).orElseThrow()).hasSize(32);
        assertThat(user1.intList(FeatureSchema.RECENT_POSITIVES)).hasSize(5);
        assertThat(result.rowCounts().get("samples/time/train")
                        + result.rowCounts().get("samples/time/test"))
                .isEqualTo(ratings);
        assertThat(result.hitRates()).containsKeys("item2vec", "deepwalk", "node2vec", "popularity");
        assertThat(result.similarRecall()).isPresent();
        store.close();
    }
}
