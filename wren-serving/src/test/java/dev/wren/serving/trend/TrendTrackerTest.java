package dev.wren.serving.trend;

import static dev.wren.serving.Fixtures.catalog;
import static dev.wren.serving.Fixtures.item;
import static dev.wren.serving.Fixtures.ratings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.FeatureStoreException;
import dev.wren.core.store.Features;
import dev.wren.serving.data.Catalog;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class TrendTrackerTest {
    private static final long NOW = 1_764_982_800_000L;
    private final Catalog catalog =
            catalog(ratings(new double[][] {{1, 1, 4}}), item(1, 1990, "A"), item(2, 1990, "A"), item(3, 1990, "B"));

    private static Features trend(double count, long streamTime) {
        return Features.builder()
                .number(FeatureSchema.TRENDING_COUNT, count)
                .number(FeatureSchema.STREAM_TIME, streamTime)
                .build();
    }

    @Test
    void readsTheCatalogueItemsTrendsAndKeepsTheLastOnesWhileTheStoreFails() {
        try (FeatureStore real = EmbeddedFeatureStore.inMemory(FeatureSchema.standard(4));
                Failing store = new Failing(real);
                TrendTracker tracker = new TrendTracker(store, TrendSettings.defaults())) {
            try (FeatureStore.SnapshotWriter w = real.beginSnapshot("v1")) {
                w.put(EntityKind.ITEM, Map.of(1, trend(2, NOW), 2, trend(5, NOW), 9, trend(50, NOW)));
                w.commit();
            }
            assertThat(tracker.current()).isEqualTo(Trending.NONE);

            tracker.refreshQuietly(() -> catalog);
            // Item 9 is not in the catalogue: not read, whatever the store holds.
            assertThat(tracker.current().items())
                    .extracting(Trending.Entry::itemId)
                    .containsExactly(2, 1);
            Trending before = tracker.current();

            store.failing = true;
            tracker.refreshQuietly(() -> catalog);
            assertThat(tracker.current()).isSameAs(before);

            store.failing = false;
            real.update(EntityKind.ITEM, Map.of(3, trend(9, NOW + 60_000)));
            tracker.refreshQuietly(() -> catalog);
            assertThat(tracker.current().items())
                    .extracting(Trending.Entry::itemId)
                    .containsExactly(3, 2, 1);
        }
    }

    /** The real store, or a {@link FeatureStoreException} from every read while {@link #failing}. */
    private static final class Failing implements FeatureStore {
        private final FeatureStore real;
        volatile boolean failing;

        Failing(FeatureStore real) {
            this.real = real;
        }

        private FeatureStore real() {
            if (failing) {
                throw new FeatureStoreException("unreachable", new RuntimeException("connection refused"));
            }
            return real;
        }

        @Override
        public FeatureSchema schema() {
            return real.schema();
        }

        @Override
        public Optional<String> liveVersion() {
            return real().liveVersion();
        }

        @Override
        public List<String> versions() {
            return real().versions();
        }

        @Override
        public Map<Integer, Features> get(EntityKind kind, int[] ids) {
            return real().get(kind, ids);
        }

        @Override
        public Map<Integer, Features> get(EntityKind kind, int[] ids, Collection<String> features) {
            return real().get(kind, ids, features);
        }

        @Override
        public Map<Integer, float[]> getVectors(EntityKind kind, String feature, int[] ids) {
            return real().getVectors(kind, feature, ids);
        }

        @Override
        public void update(EntityKind kind, Map<Integer, Features> rows) {
            real().update(kind, rows);
        }

        @Override
        public void scan(EntityKind kind, BiConsumer<Integer, Features> visitor) {
            real().scan(kind, visitor);
        }

        @Override
        public SnapshotWriter beginSnapshot(String version) {
            return real().beginSnapshot(version);
        }

        @Override
        public void retain(int keep) {
            real().retain(keep);
        }

        @Override
        public void close() {}
    }
}
