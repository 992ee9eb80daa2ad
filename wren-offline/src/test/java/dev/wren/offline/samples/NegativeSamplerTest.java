package dev.wren.offline.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NegativeSamplerTest {
    // Items 1, 2, 3 with popularity 1, 2, 7.
    private final NegativeSampler sampler = new NegativeSampler(new int[] {1, 2, 3}, new double[] {1, 3, 10}, 42);

    @Test
    void drawsDependOnlyOnSeedUserItemAndTime() {
        List<Integer> a = sampler.draw(7, 100, 123_456L, 20);

        assertThat(new NegativeSampler(new int[] {1, 2, 3}, new double[] {1, 3, 10}, 42).draw(7, 100, 123_456L, 20))
                .isEqualTo(a);
        assertThat(sampler.draw(7, 100, 123_457L, 20)).isNotEqualTo(a);
        assertThat(new NegativeSampler(new int[] {1, 2, 3}, new double[] {1, 3, 10}, 43).draw(7, 100, 123_456L, 20))
                .isNotEqualTo(a);
    }

    @Test
    void drawsInProportionToPopularity() {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int t = 0; t < 2_000; t++) {
            for (int item : sampler.draw(1, 1, t, 5)) {
                counts.merge(item, 1, Integer::sum);
            }
        }
        assertThat(counts.get(1) / 10_000.0).isBetween(0.08, 0.12);
        assertThat(counts.get(2) / 10_000.0).isBetween(0.17, 0.23);
        assertThat(counts.get(3) / 10_000.0).isBetween(0.67, 0.73);
    }
}
