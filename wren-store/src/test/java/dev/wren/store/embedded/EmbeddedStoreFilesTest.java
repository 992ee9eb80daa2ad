package dev.wren.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureSpec;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.FeatureStoreException;
import dev.wren.core.store.Features;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the embedded store does with its files: the layout, crashes, damage. */
class EmbeddedStoreFilesTest {
    private static final FeatureSchema SCHEMA = schema(3);

    @TempDir
    Path dir;

    private static FeatureSchema schema(int dimension) {
        List<FeatureSpec> specs = List.of(
                FeatureSpec.number(FeatureSchema.RATING_AVG), FeatureSpec.vector(FeatureSchema.EMBEDDING, dimension));
        return new FeatureSchema("files", specs, specs);
    }

    private static Features row(double avg) {
        return Features.builder()
                .number(FeatureSchema.RATING_AVG, avg)
                .vector(FeatureSchema.EMBEDDING, new float[] {1, 2, (float) avg})
                .build();
    }

    @BeforeEach
    void writeOneVersionWithUpdates() {
        try (FeatureStore store = EmbeddedFeatureStore.open(dir, SCHEMA);
                FeatureStore.SnapshotWriter writer = store.beginSnapshot("v1")) {
            writer.put(EntityKind.ITEM, Map.of(1, row(1), 2, row(2)));
            writer.commit();
            store.update(EntityKind.ITEM, Map.of(3, row(3)));
            store.update(
                    EntityKind.ITEM,
                    Map.of(
                            1,
                            Features.builder()
                                    .number(FeatureSchema.RATING_AVG, 10)
                                    .build()));
        }
    }

    @Test
    void eachVersionLivesInItsOwnFolderNamedByTheManifest() throws IOException {
        assertThat(dir.resolve("versions/v1/items.rows")).isRegularFile();
        assertThat(dir.resolve("versions/v1/users.rows")).isRegularFile();
        assertThat(dir.resolve("versions/v1/updates.log")).isRegularFile();
        assertThat(Files.readAllLines(dir.resolve("MANIFEST"))).contains("live v1", "version v1");
        assertThat(dir.resolve("MANIFEST.tmp")).doesNotExist();
    }

    @Test
    void aSnapshotThatNeverCommittedIsDeletedOnOpen() throws IOException {
        Path crashed = dir.resolve("versions/v2");
        Files.createDirectories(crashed);
        Files.write(crashed.resolve("items.rows"), new byte[] {1, 2, 3});

        try (FeatureStore store = EmbeddedFeatureStore.open(dir, SCHEMA)) {
            assertThat(store.versions()).containsExactly("v1");
            assertThat(crashed).doesNotExist();
            assertThat(store.get(EntityKind.ITEM, 3)).contains(row(3));
        }
    }

    @Test
    void aDamagedRowFileIsRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("versions/v1/items.rows");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);

        assertThatThrownBy(() -> EmbeddedFeatureStore.open(dir, SCHEMA))
                .isInstanceOf(FeatureStoreException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aTruncatedRowFileIsRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("versions/v1/items.rows");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));

        assertThatThrownBy(() -> EmbeddedFeatureStore.open(dir, SCHEMA))
                .isInstanceOf(FeatureStoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void aDamagedManifestIsRefusedNamingTheFileAndLine() throws IOException {
        Path manifest = dir.resolve("MANIFEST");
        Files.writeString(manifest, "live\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> EmbeddedFeatureStore.open(dir, SCHEMA))
                .isInstanceOf(FeatureStoreException.class)
                .hasMessageContaining(manifest.toString())
                .hasMessageContaining("line 4");
    }

    @Test
    void aTornUpdateAtTheEndOfTheLogIsCutOffAndTheRestKept() throws IOException {
        Path log = dir.resolve("versions/v1/updates.log");
        Files.write(log, new byte[] {0, 0, 0, 40, 1, 2}, StandardOpenOption.APPEND);

        try (FeatureStore store = EmbeddedFeatureStore.open(dir, SCHEMA)) {
            assertThat(store.get(EntityKind.ITEM, 3)).contains(row(3));
            assertThat(store.get(EntityKind.ITEM, 1).orElseThrow().number(FeatureSchema.RATING_AVG))
                    .hasValue(10.0);
            store.update(EntityKind.ITEM, Map.of(4, row(4)));
        }
        try (FeatureStore store = EmbeddedFeatureStore.open(dir, SCHEMA)) {
            assertThat(store.get(EntityKind.ITEM, new int[] {1, 2, 3, 4})).hasSize(4);
        }
    }

    @Test
    void anUpdateFromAnInterruptedThreadIsKeptAndLeavesTheLogOpenForOthers() {
        // A Flink task is interrupted when it is cancelled; the store it shares with serving must not be closed by it.
        try (FeatureStore store = EmbeddedFeatureStore.open(dir, SCHEMA)) {
            Thread.currentThread().interrupt();
            try {
                store.update(EntityKind.ITEM, Map.of(4, row(4)));
            } finally {
                assertThat(Thread.interrupted())
                        .as("the interrupt is left for its owner")
                        .isTrue();
            }
            store.update(EntityKind.ITEM, Map.of(5, row(5)));
            Thread.currentThread().interrupt();
            try {
                store.close();
            } finally {
                Thread.interrupted();
            }
        }
        try (FeatureStore store = EmbeddedFeatureStore.open(dir, SCHEMA)) {
            assertThat(store.get(EntityKind.ITEM, new int[] {1, 2, 3, 4, 5})).hasSize(5);
        }
    }

    @Test
    void damageBeforeTheLastUpdateIsRefusedNamingTheLog() throws IOException {
        Path log = dir.resolve("versions/v1/updates.log");
        byte[] bytes = Files.readAllBytes(log);
        bytes[10] ^= 0x5a; // inside the first of two records
        Files.write(log, bytes);

        assertThatThrownBy(() -> EmbeddedFeatureStore.open(dir, SCHEMA))
                .isInstanceOf(FeatureStoreException.class)
                .hasMessageContaining(log.toString());
    }

    @Test
    void dataThatNoLongerFitsTheSchemaIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> EmbeddedFeatureStore.open(dir, schema(8)))
                .isInstanceOf(FeatureStoreException.class)
                .hasMessageContaining("items.rows")
                .hasMessageContaining("dimension 8, got 3");
    }

    @Test
    void aFolderOpenInOneStoreCannotBeOpenedByAnother() {
        try (FeatureStore first = EmbeddedFeatureStore.open(dir, SCHEMA)) {
            assertThatThrownBy(() -> EmbeddedFeatureStore.open(dir, SCHEMA))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessageContaining("already open");
            assertThat(first.liveVersion()).contains("v1");
        }
        try (FeatureStore again = EmbeddedFeatureStore.open(dir, SCHEMA)) {
            assertThat(again.liveVersion()).contains("v1");
        }
    }

    @Test
    void retainDeletesTheFoldersOfDroppedVersions() {
        try (FeatureStore store = EmbeddedFeatureStore.open(dir, SCHEMA)) {
            try (FeatureStore.SnapshotWriter writer = store.beginSnapshot("v2")) {
                writer.put(EntityKind.ITEM, Map.of(1, row(5)));
                writer.commit();
            }
            store.retain(1);
        }
        assertThat(dir.resolve("versions/v1")).doesNotExist();
        assertThat(dir.resolve("versions/v2")).isDirectory();
    }
}
