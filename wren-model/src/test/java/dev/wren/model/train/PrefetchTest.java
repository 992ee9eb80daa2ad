package dev.wren.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PrefetchTest {
    @Test
    void handsOverEveryItemInTheSourceOrder() {
        List<Integer> seen = new ArrayList<>();
        try (Prefetch<Integer> ahead =
                new Prefetch<>(IntStream.range(0, 1000).boxed().iterator(), 2, "test-prefetch")) {
            ahead.forEach(seen::add);
        }
        assertThat(seen)
                .containsExactlyElementsOf(IntStream.range(0, 1000).boxed().toList());
    }

    @Test
    void aFailureOfTheProducerReachesTheConsumerAfterTheItemsBeforeIt() {
        Iterator<Integer> failing = IntStream.range(0, 5)
                .mapToObj(i -> {
                    if (i == 3) {
                        throw new IllegalArgumentException("bad row 3");
                    }
                    return i;
                })
                .iterator();
        List<Integer> seen = new ArrayList<>();
        try (Prefetch<Integer> ahead = new Prefetch<>(failing, 2, "test-prefetch")) {
            assertThatThrownBy(() -> ahead.forEach(seen::add))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bad row 3");
        }
        assertThat(seen).containsExactly(0, 1, 2);
    }

    @Test
    void closingWhileTheProducerWaitsStopsIt() {
        Prefetch<Integer> ahead =
                new Prefetch<>(IntStream.iterate(0, i -> i + 1).iterator(), 1, "test-prefetch");
        ahead.close();
        // the producer blocked on a full queue; close interrupts and joins it
        assertThat(Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals("test-prefetch")))
                .allMatch(t -> !t.isAlive());
    }
}
