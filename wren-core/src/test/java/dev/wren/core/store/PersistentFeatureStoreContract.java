package dev.wren.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of a store that keeps everything across a restart: the embedded store on a folder, and Redis. */
public abstract class PersistentFeatureStoreContract extends FeatureStoreContract {

    /** Closes {@code closing} and opens the store again on the same data, as after a restart. */
    protected abstract FeatureStore reopen(FeatureStore closing);

    @Test
    void aRestartKeepsSnapshotsAndUpdates() {
        commit("v1", EntityKind.ITEM, rows(0, 5, 1));
        commit("v2", EntityKind.ITEM, rows(0, 10, 2));
        commit("v3", EntityKind.USER, rows(0, 3, 3));
        store.retain(2);
        store.update(
                EntityKind.USER,
                Map.of(1, Features.builder().number(FeatureSchema.RATING_AVG, 7).build()));
        store.update(EntityKind.ITEM, Map.of(77, row(77, 77)));
        FeatureStore.SnapshotWriter abandoned = store.beginSnapshot("v4");
        abandoned.put(EntityKind.ITEM, rows(0, 3, 4));

        store = reopen(store);

        assertThat(store.liveVersion()).contains("v3");
        assertThat(store.versions()).containsExactly("v2", "v3");
        assertThat(store.get(EntityKind.USER, 1).orElseThrow())
                .isEqualTo(row(4, 1)
                        .mergedWith(Features.builder()
                                .number(FeatureSchema.RATING_AVG, 7)
                                .build()));
        assertThat(store.get(EntityKind.USER, new int[] {0, 2})).isEqualTo(Map.of(0, row(3, 0), 2, row(5, 2)));
        assertThat(store.get(EntityKind.ITEM, new int[] {0, 77})).isEqualTo(Map.of(77, row(77, 77)));
        assertThat(store.getVectors(EntityKind.ITEM, FeatureSchema.EMBEDDING, new int[] {77}))
                .containsOnlyKeys(77);
        // Updates go on after the restart, and the uncommitted v4 can be written afresh.
        store.update(
                EntityKind.USER,
                Map.of(2, Features.builder().number(FeatureSchema.RATING_AVG, 8).build()));
        assertThat(store.get(EntityKind.USER, 2).orElseThrow().number(FeatureSchema.RATING_AVG))
                .hasValue(8.0);
        commit("v4", EntityKind.ITEM, rows(0, 1, 4));
        assertThat(store.get(EntityKind.ITEM, new int[] {0, 1, 2})).isEqualTo(rows(0, 1, 4));
    }
}
