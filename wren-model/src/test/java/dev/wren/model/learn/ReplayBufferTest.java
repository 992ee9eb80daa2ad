package dev.wren.model.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wren.model.data.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {
    private static List<Sample> samples(int from, int count) {
        List<Sample> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(new Sample(new int[] {i}, new float[0], new int[0], 1, i));
        }
        return out;
    }

    @Test
    void drawsNothingWhileEmpty() {
        assertThat(new ReplayBuffer(10, 1).draw(5)).isEmpty();
    }

    @Test
    void keepsAtMostItsCapacityAndDrawsOnlyWhatItWasOffered() {
        ReplayBuffer buffer = new ReplayBuffer(100, 1);
        buffer.addAll(samples(0, 1_000));

        assertThat(buffer.size()).isEqualTo(100);
        assertThat(buffer.offered()).isEqualTo(1_000);
        assertThat(buffer.draw(500)).hasSize(500).allMatch(s -> s.group() >= 0 && s.group() < 1_000);
    }

    @Test
    void keepsEarlyAndLateSamplesAlikeSoABurstDoesNotCrowdOutWhatCameBefore() {
        ReplayBuffer buffer = new ReplayBuffer(1_000, 7);
        buffer.addAll(samples(0, 10_000));
        // A burst as large as everything before it.
        buffer.addAll(samples(10_000, 10_000));

        long early =
                buffer.draw(20_000).stream().filter(s -> s.group() < 10_000).count();
        // Half of what was offered came before the burst: about half of the draws, within a few standard deviations.
        assertThat(early).isBetween(9_000L, 11_000L);
    }

    @Test
    void theSameSeedAndSamplesGiveTheSameDraws() {
        ReplayBuffer a = new ReplayBuffer(50, 3);
        ReplayBuffer b = new ReplayBuffer(50, 3);
        a.addAll(samples(0, 500));
        b.addAll(samples(0, 500));

        assertThat(a.draw(20).stream().map(Sample::group).toList())
                .isEqualTo(b.draw(20).stream().map(Sample::group).toList());
    }

    @Test
    void aBufferWithoutRoomIsRefused() {
        assertThatThrownBy(() -> new ReplayBuffer(0, 1)).hasMessageContaining("at least one sample");
    }
}
