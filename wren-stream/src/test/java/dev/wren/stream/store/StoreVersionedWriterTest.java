package dev.wren.stream.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreVersionedWriterTest {
    private final FeatureStore store = EmbeddedFeatureStore.inMemory(FeatureSchema.standard(4));
    private final VersionedWriter writer = new StoreVersionedWriter(store);

    @BeforeEach
    void publishASnapshot() {
        try (FeatureStore.SnapshotWriter snapshot = store.beginSnapshot("v1")) {
            snapshot.put(
                    EntityKind.ITEM,
                    Map.of(
                            7,
                            Features.builder()
                                    .number(FeatureSchema.RELEASE_YEAR, 1999)
                                    .build()));
            snapshot.commit();
        }
    }

    private static Features trend(long count, long time) {
        return Features.builder()
                .number(FeatureSchema.TRENDING_COUNT, count)
                .number(FeatureSchema.STREAM_TIME, time)
                .build();
    }

    @Test
    void aRowThatReflectsAnEarlierTimeNeverReplacesALaterOne() {
        assertThat(writer.write(EntityKind.ITEM, Map.of(7, trend(5, 2_000)))).isEqualTo(1);
        assertThat(writer.write(EntityKind.ITEM, Map.of(7, trend(3, 1_000)))).isZero();
        assertThat(writer.write(EntityKind.ITEM, Map.of(7, trend(4, 2_000))))
                .as("the same time again")
                .isZero();

        assertThat(store.get(EntityKind.ITEM, 7).orElseThrow().number(FeatureSchema.TRENDING_COUNT))
                .hasValue(5);
    }

    @Test
    void aLaterRowIsLaidOverTheSnapshotRow() {
        writer.write(EntityKind.ITEM, Map.of(7, trend(5, 2_000), 8, trend(1, 2_000)));
        writer.write(EntityKind.ITEM, Map.of(7, trend(6, 3_000)));

        Features row = store.get(EntityKind.ITEM, 7).orElseThrow();
        assertThat(row.number(FeatureSchema.TRENDING_COUNT)).hasValue(6);
        assertThat(row.number(FeatureSchema.RELEASE_YEAR))
                .as("the offline features stay")
                .hasValue(1999);
        assertThat(store.get(EntityKind.ITEM, 8)).isPresent();
    }
}
