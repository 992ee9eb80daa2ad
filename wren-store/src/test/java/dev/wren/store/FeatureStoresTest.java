package dev.wren.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureStoresTest {
    private static final FeatureSchema SCHEMA = FeatureSchema.standard(4);

    @TempDir
    Path dir;

    @Test
    void memoryOpensATransientEmbeddedStore() {
        try (FeatureStore store = FeatureStores.open("memory:", SCHEMA)) {
            assertThat(store).isInstanceOf(EmbeddedFeatureStore.class);
            assertThat(store.toString()).contains("memory:").contains("namespace=wren");
        }
        try (FeatureStore store = FeatureStores.open(URI.create("memory:transient"), SCHEMA)) {
            assertThat(store.toString()).contains("memory:");
        }
    }

    @Test
    void embeddedFileAndBarePathsAllOpenThePersistedStore() {
        Path folder = dir.resolve("my store");
        try (FeatureStore store = FeatureStores.open(folder.toString(), SCHEMA);
                FeatureStore.SnapshotWriter writer = store.beginSnapshot("v1")) {
            writer.put(
                    EntityKind.USER,
                    Map.of(
                            1,
                            Features.builder()
                                    .number(FeatureSchema.RATING_AVG, 4)
                                    .build()));
            writer.commit();
        }
        for (URI uri : new URI[] {
            folder.toUri(), URI.create("embedded:" + folder.toUri().getRawPath())
        }) {
            try (FeatureStore store = FeatureStores.open(uri, SCHEMA)) {
                assertThat(store.liveVersion()).as(uri.toString()).contains("v1");
                assertThat(store.toString()).contains("embedded:").contains("my store");
            }
        }
        try (FeatureStore store = FeatureStores.open("embedded:" + folder, SCHEMA)) {
            assertThat(store.liveVersion()).contains("v1");
        }
    }

    @Test
    void aFolderOpenedTwiceInOneProcessIsSharedAndClosesWithItsLastHandle() {
        Path folder = dir.resolve("shared");
        FeatureStore server = FeatureStores.open("embedded:" + folder, SCHEMA);
        try (FeatureStore.SnapshotWriter writer = server.beginSnapshot("v1")) {
            writer.commit();
        }
        FeatureStore job = FeatureStores.open(folder.toUri(), SCHEMA);

        job.update(
                EntityKind.USER,
                Map.of(7, Features.builder().number(FeatureSchema.RATING_AVG, 3).build()));
        assertThat(server.get(EntityKind.USER, 7).orElseThrow().number(FeatureSchema.RATING_AVG))
                .hasValue(3.0);

        job.close();
        job.close();
        assertThat(server.liveVersion()).contains("v1");
        assertThatThrownBy(() -> job.get(EntityKind.USER, 7)).isInstanceOf(IllegalStateException.class);
        server.close();
        // The last handle closed the store and let go of the folder's lock.
        try (FeatureStore again = EmbeddedFeatureStore.open(folder, SCHEMA)) {
            assertThat(again.get(EntityKind.USER, 7)).isPresent();
        }
    }

    @Test
    void anUnknownSchemeIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> FeatureStores.open("cassandra://db:9042/x", SCHEMA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cassandra'")
                .hasMessageContaining("redis://host:port/db");
        assertThatThrownBy(() -> FeatureStores.open(URI.create("mongo://user:pw@db/x"), SCHEMA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> FeatureStores.open(" ", SCHEMA)).isInstanceOf(IllegalArgumentException.class);
    }
}
