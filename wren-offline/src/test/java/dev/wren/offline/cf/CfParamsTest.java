package dev.wren.offline.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CfParamsTest {
    @Test
    void alsRunsItsIterationsUpToTheLargeLogThresholdAndTheLargeLogIterationsAbove() {
        CfParams params = CfParams.defaults(7);

        assertThat(params.alsFor(5_000_000)).isEqualTo(AlsParams.defaults(7));
        assertThat(params.alsFor(5_000_001).iterations()).isEqualTo(10);
        assertThat(params.alsFor(5_000_001).withIterations(15)).isEqualTo(AlsParams.defaults(7));
    }

    @Test
    void largeLogSettingsAreKeptThroughTheCopyingMethods() {
        CfParams params = new CfParams(400, 0, 3, 8_000, 1_000, AlsParams.defaults(1), 100, 4);

        assertThat(params.withEaseLambda(200).withAls(AlsParams.defaults(2)).alsFor(101))
                .isEqualTo(AlsParams.defaults(2).withIterations(4));
    }

    @Test
    void aLargeLogNeedsAtLeastOneIteration() {
        assertThatThrownBy(() -> new CfParams(400, 0, 3, 8_000, 1_000, AlsParams.defaults(1), 100, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alsLargeLogIterations");
    }
}
