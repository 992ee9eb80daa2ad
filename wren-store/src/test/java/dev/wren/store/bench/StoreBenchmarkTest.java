package dev.wren.store.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import org.junit.jupiter.api.Test;

class StoreBenchmarkTest {
    @Test
    void loadsTheStandardFeaturesAndReportsBothReads() {
        try (FeatureStore store = EmbeddedFeatureStore.inMemory(FeatureSchema.standard(8))) {
            StoreBenchmark.Result result = StoreBenchmark.run(store, 200, 8, 50, 20, 7L);

            assertThat(result.users()).isEqualTo(20);
            assertThat(result.itemVectors().medianMicros()).isPositive();
            assertThat(result.itemVectors().p99Micros())
                    .isGreaterThanOrEqualTo(result.itemVectors().medianMicros());
            assertThat(result.userFeatures().p99Micros()).isPositive();
            assertThat(result.summary()).contains("memory:").contains("200 items");
            assertThat(store.liveVersion()).contains("bench-7");
            assertThat(store.get(EntityKind.USER, 19).orElseThrow().vector(FeatureSchema.EMBEDDING))
                    .hasValueSatisfying(v -> assertThat(v).hasSize(8));

            // A second run on the same store writes a version of its own.
            StoreBenchmark.run(store, 10, 8, 5, 2, 7L);
            assertThat(store.liveVersion()).contains("bench-7-2");
        }
    }

    @Test
    void aSchemaOfAnotherDimensionIsRefusedUpFront() {
        try (FeatureStore store = EmbeddedFeatureStore.inMemory(FeatureSchema.standard(16))) {
            assertThatThrownBy(() -> StoreBenchmark.run(store, 10, 32, 5, 2, 1L))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("32-d");
            assertThat(store.liveVersion()).isEmpty();
        }
    }
}
