package dev.wren.model.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FlatSampleSourceTest {
    private static List<SampleBatch> batches(SampleSource source, OptionalLong seed) {
        try (var batches = source.batches(7, seed)) {
            return batches.toList();
        }
    }

    @Test
    void aFlatCopyYieldsTheSameBatchesAsItsSourceInOrderAndShuffled() {
        InMemorySampleSource source = PlantedSignal.samples(50, 5);
        FlatSampleSource flat = FlatSampleSource.copyOf(source);

        assertThat(flat.size()).isEqualTo(50);
        for (OptionalLong seed : List.of(OptionalLong.empty(), OptionalLong.of(3))) {
            List<SampleBatch> expected = batches(source, seed);
            List<SampleBatch> actual = batches(flat, seed);
            assertThat(actual).hasSameSizeAs(expected);
            for (int b = 0; b < expected.size(); b++) {
                assertThat(actual.get(b).categorical())
                        .isEqualTo(expected.get(b).categorical());
                assertThat(actual.get(b).numeric()).isEqualTo(expected.get(b).numeric());
                assertThat(actual.get(b).sequence()).isEqualTo(expected.get(b).sequence());
                assertThat(actual.get(b).labels()).isEqualTo(expected.get(b).labels());
                assertThat(actual.get(b).groups()).isEqualTo(expected.get(b).groups());
            }
        }
    }

    @Test
    void copiesOnlyWhenTheSamplesFitTheBudget() {
        InMemorySampleSource source = PlantedSignal.samples(50, 5);
        long bytes = 50 * FlatSampleSource.bytesPerSample(source.layout());

        assertThat(FlatSampleSource.copyIfFits(source, bytes)).isPresent();
        assertThat(FlatSampleSource.copyIfFits(source, bytes - 1)).isEmpty();
        FlatSampleSource flat = FlatSampleSource.copyOf(source);
        assertThat(FlatSampleSource.copyIfFits(flat, 0)).containsSame(flat);
    }
}
