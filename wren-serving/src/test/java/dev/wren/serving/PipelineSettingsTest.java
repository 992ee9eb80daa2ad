package dev.wren.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PipelineSettingsTest {
    private static final Offset<Double> EXACT = Offset.offset(1e-12);

    @Test
    void theDefaultsRecallTrendingWithASmallShare() {
        PipelineSettings d = PipelineSettings.defaults();
        assertThat(d.channels()).containsExactly("ease", "als", "trending");
        assertThat(d.quotas().get("trending")).isEqualTo(0.05);
        assertThat(d.quotas().get("ease")).isEqualTo(d.quotas().get("als"));
    }

    @Test
    void aChannelShareScalesTheOthersInProportionAndZeroRemovesTheChannel() {
        PipelineSettings s = PipelineSettings.defaults()
                .withChannels(List.of("ease", "als", "trending"), Map.of("ease", 0.6, "als", 0.3, "trending", 0.1));

        PipelineSettings more = s.withChannelShare("trending", 0.25);
        assertThat(more.channels()).containsExactly("ease", "als", "trending");
        assertThat(more.quotas().get("ease")).isCloseTo(0.5, EXACT);
        assertThat(more.quotas().get("als")).isCloseTo(0.25, EXACT);
        assertThat(more.quotas().get("trending")).isEqualTo(0.25);

        PipelineSettings off = s.withChannelShare("trending", 0);
        assertThat(off.channels()).containsExactly("ease", "als");
        assertThat(off.quotas()).containsOnlyKeys("ease", "als");
        assertThat(off.quotas().get("ease")).isCloseTo(2.0 / 3, EXACT);

        PipelineSettings added = off.withChannelShare("trending", 0.1);
        assertThat(added.channels()).containsExactly("ease", "als", "trending");
        assertThat(added.quotas().get("ease")).isCloseTo(0.6, EXACT);

        assertThatThrownBy(() -> s.withChannelShare("trending", 1)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> s.withChannelShare("trending", Double.NaN)).hasMessageContaining("[0, 1)");
    }
}
