package dev.wren.model.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SampleSourceTest {
    private static List<Long> groupsInOrder(InMemorySampleSource source, OptionalLong seed) {
        try (var batches = source.batches(7, seed)) {
            return batches.flatMapToLong(b -> java.util.Arrays.stream(b.groups()))
                    .boxed()
                    .toList();
        }
    }

    @Test
    void batchesCoverEverySampleOnceInOrderWithoutASeed() {
        InMemorySampleSource source = PlantedSignal.samples(50, 5);
        List<Long> expected = source.samples().stream().map(Sample::group).toList();
        assertThat(groupsInOrder(source, OptionalLong.empty())).isEqualTo(expected);
        try (var batches = source.batches(7, OptionalLong.empty())) {
            assertThat(batches.mapToInt(SampleBatch::size)).containsExactly(7, 7, 7, 7, 7, 7, 7, 1);
        }
    }

    @Test
    void theSameSeedGivesTheSameShuffle() {
        InMemorySampleSource source = PlantedSignal.samples(50, 5);
        assertThat(groupsInOrder(source, OptionalLong.of(3))).isEqualTo(groupsInOrder(source, OptionalLong.of(3)));
        assertThat(groupsInOrder(source, OptionalLong.of(3))).isNotEqualTo(groupsInOrder(source, OptionalLong.of(4)));
    }

    @Test
    void scalingStandardisesEachNumericField() {
        InMemorySampleSource source = PlantedSignal.samples(500, 6);
        NumericScaling scaling = NumericScaling.fit(source);
        float[] all = new float[500 * 2];
        for (int i = 0; i < 500; i++) {
            System.arraycopy(source.samples().get(i).numeric(), 0, all, i * 2, 2);
        }
        scaling.apply(all);
        double mean = 0;
        double squares = 0;
        for (int i = 0; i < 500; i++) {
            mean += all[i * 2];
            squares += all[i * 2] * all[i * 2];
        }
        assertThat(mean / 500).isBetween(-1e-4, 1e-4);
        assertThat(squares / 500).isBetween(0.999, 1.001);
    }

    @Test
    void theFingerprintDependsOnContentOnly() {
        assertThat(Fingerprint.of(PlantedSignal.samples(30, 1)))
                .isEqualTo(Fingerprint.of(PlantedSignal.samples(30, 1)));
        assertThat(Fingerprint.of(PlantedSignal.samples(30, 1)))
                .isNotEqualTo(Fingerprint.of(PlantedSignal.samples(30, 2)));
    }
}
