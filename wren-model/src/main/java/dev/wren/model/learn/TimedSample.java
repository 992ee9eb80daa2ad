package dev.wren.model.learn;

import dev.wren.model.data.Sample;
import java.util.Objects;

/**
 * A decoded fresh sample with what time-ordered learning and per-day evaluation need beside it.
 *
 * @param ts event time, seconds (the samples' {@code ts})
 * @param userId raw user id
 * @param itemId raw item id
 * @param sample the sample in the model's layout
 */
public record TimedSample(long ts, long userId, long itemId, Sample sample) {
    public TimedSample {
        Objects.requireNonNull(sample, "sample");
    }
}
