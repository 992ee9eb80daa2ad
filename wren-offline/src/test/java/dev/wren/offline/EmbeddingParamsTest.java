package dev.wren.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmbeddingParamsTest {
    @Test
    void word2VecTrainsItsEpochsUpToTheLargeLogThresholdAndTheLargeLogEpochsAbove() {
        EmbeddingParams params = EmbeddingParams.defaults();

        assertThat(params.forLog(5_000_000)).isSameAs(params);
        EmbeddingParams large = params.forLog(5_000_001);
        assertThat(large.maxIter()).isEqualTo(3);
        assertThat(large.withDimension(params.dimension()).forLog(1)).isEqualTo(large);
        assertThat(large.published()).isEqualTo(params.published());
    }

    @Test
    void theLargeLogSettingsSurviveTheCopyingMethods() {
        EmbeddingParams params = EmbeddingParams.defaults().withRefit(true).withPartitions(2);

        assertThat(params.largeLogRatings()).isEqualTo(EmbeddingParams.DEFAULT_LARGE_LOG_RATINGS);
        assertThat(params.largeLogIterations()).isEqualTo(EmbeddingParams.DEFAULT_LARGE_LOG_ITERATIONS);
    }

    @Test
    void aLargeLogNeedsAtLeastOneEpoch() {
        EmbeddingParams d = EmbeddingParams.defaults();
        assertThatThrownBy(() -> new EmbeddingParams(
                        d.dimension(),
                        d.windowSize(),
                        d.maxIter(),
                        d.minCount(),
                        d.walkLength(),
                        d.walksPerNode(),
                        d.p(),
                        d.q(),
                        d.evalUsers(),
                        d.published(),
                        d.partitions(),
                        d.maxEdgesPerNode(),
                        d.refit(),
                        d.compareUpTo(),
                        10,
                        0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("largeLogIterations");
    }
}
