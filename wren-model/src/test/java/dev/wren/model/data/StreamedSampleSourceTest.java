package dev.wren.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamedSampleSourceTest {
    private static final InMemorySampleSource DATA = PlantedSignal.samples(100, 8);

    private static List<Long> groups(SampleSource source, OptionalLong seed) {
        try (var batches = source.batches(16, seed)) {
            return batches.flatMapToLong(b -> Arrays.stream(b.groups())).boxed().toList();
        }
    }

    @Test
    void streamsEverySampleOncePerPassAndClosesTheSource() {
        AtomicInteger closed = new AtomicInteger();
        SampleSource source = new StreamedSampleSource(
                DATA.layout(), 100, () -> DATA.samples().stream().onClose(closed::incrementAndGet), 32);
        List<Long> inOrder = groups(source, OptionalLong.empty());
        assertThat(inOrder).isEqualTo(groups(DATA, OptionalLong.empty()));
        List<Long> shuffled = groups(source, OptionalLong.of(5));
        assertThat(shuffled).containsExactlyInAnyOrderElementsOf(inOrder).isNotEqualTo(inOrder);
        assertThat(groups(source, OptionalLong.of(5))).isEqualTo(shuffled);
        assertThat(closed).hasValue(3);
    }

    @Test
    void aBadSampleIsReportedWithItsPosition() {
        Sample bad = new Sample(new int[] {1, 1, 1, 1}, new float[1], new int[4], 0f, 1);
        SampleSource source = new StreamedSampleSource(
                DATA.layout(),
                2,
                () -> java.util.stream.Stream.of(DATA.samples().get(0), bad),
                1);
        assertThatThrownBy(() -> groups(source, OptionalLong.empty()))
                .hasMessageContaining("sample 1: sample has 1 numeric values, layout has 2");
    }
}
