package dev.wren.offline.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AlsValidationBenchmarkTest {
    @Test
    void theTopItemsAreTheLargestDotProductsBestFirstWithoutTheExcludedOnes() {
        int[] ids = {10, 11, 12, 13};
        float[][] factors = {{1, 0}, {0, 1}, {2, 2}, {3, 0}};

        assertThat(AlsValidationBenchmark.topK(new float[] {1, 0.5f}, ids, factors, Set.of(13)))
                .containsExactly(12, 10, 11);
    }

    @Test
    void aSettingIsRankSlashIterationsOverTheDefaults() {
        assertThat(AlsValidationBenchmark.parse("48/10"))
                .isEqualTo(AlsParams.defaults(42).withRank(48).withIterations(10));
        assertThatThrownBy(() -> AlsValidationBenchmark.parse("48"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RANK/ITERATIONS");
    }
}
