package dev.wren.offline.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleParamsTest {
    @Test
    void writesTheTimeSplitByDefault() {
        assertThat(SampleParams.defaults().splits()).containsExactly("time");
        assertThat(SampleParams.defaults().writes("user")).isFalse();
    }

    @Test
    void keepsEachSplitOnceInTheOrderGiven() {
        assertThat(SampleParams.defaults()
                        .withSplits(List.of("user", "time", "user"))
                        .splits())
                .containsExactly("user", "time");
    }

    @Test
    void namesTheKnownSplitsWhenGivenAnother() {
        assertThatThrownBy(() -> SampleParams.defaults().withSplits(List.of("random")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown sample split 'random'; splits are [time, user]");
        assertThatThrownBy(() -> SampleParams.defaults().withSplits(List.of()))
                .hasMessageContaining("at least one sample split");
    }
}
