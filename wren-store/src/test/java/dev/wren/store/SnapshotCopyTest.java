package dev.wren.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCopyTest {
    private static final FeatureSchema SCHEMA = FeatureSchema.standard(4);

    @TempDir
    Path dir;

    @Test
    void copiesEveryLiveRowOfBothKindsAsOneNewLiveVersion() {
        int users = SnapshotCopy.BATCH * 2 + 7; // more than one batch, and a partial one
        try (FeatureStore from = FeatureStores.open("embedded:" + dir.resolve("from"), SCHEMA);
                FeatureStore to = FeatureStores.open("memory:", SCHEMA)) {
            publish(from, "offline-1", users, 30);
            List<Long> progress = new ArrayList<>();

            SnapshotCopy.Copied copied = SnapshotCopy.copy(from, to, "offline-1", progress::add);

            assertThat(copied.rows())
                    .containsEntry(EntityKind.USER, (long) users)
                    .containsEntry(EntityKind.ITEM, 30L);
            assertThat(to.liveVersion()).contains("offline-1");
            assertThat(progress).isSorted().last().isEqualTo(users + 30L);
            for (EntityKind kind : EntityKind.values()) {
                Map<Integer, Features> expected = new HashMap<>();
                from.scan(kind, expected::put);
                Map<Integer, Features> actual = new HashMap<>();
                to.scan(kind, actual::put);
                assertThat(actual).as(kind.name()).isEqualTo(expected);
            }
        }
    }

    @Test
    void refusesAnEmptySourceAndAVersionTheTargetAlreadyHolds() {
        try (FeatureStore from = FeatureStores.open("memory:", SCHEMA);
                FeatureStore to = FeatureStores.open("memory:", SCHEMA)) {
            assertThatThrownBy(() -> SnapshotCopy.copy(from, to, "v1", n -> {}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no live version");
            publish(from, "v1", 3, 3);
            publish(to, "v1", 1, 1);

            assertThatThrownBy(() -> SnapshotCopy.copy(from, to, "v1", n -> {}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already holds version v1");
            assertThat(to.get(EntityKind.USER, new int[] {1, 2})).containsOnlyKeys(1);
        }
    }

    private static void publish(FeatureStore store, String version, int users, int items) {
        try (FeatureStore.SnapshotWriter writer = store.beginSnapshot(version)) {
            writer.put(EntityKind.USER, rows(users, true));
            writer.put(EntityKind.ITEM, rows(items, false));
            writer.commit();
        }
    }

    private static Map<Integer, Features> rows(int n, boolean withVector) {
        Map<Integer, Features> rows = new HashMap<>();
        IntStream.rangeClosed(1, n).forEach(id -> {
            Features.Builder b = Features.builder().number(FeatureSchema.RATING_AVG, id % 5);
            if (withVector) {
                b.vector(FeatureSchema.EMBEDDING, new float[] {id, -id, 0.5f, 1});
            }
            rows.put(id, b.build());
        });
        return rows;
    }
}
