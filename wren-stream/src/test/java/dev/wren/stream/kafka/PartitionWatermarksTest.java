package dev.wren.stream.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.stream.events.LogLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkOutputMultiplexer;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;

/**
 * Two partitions' watermarks combined as a Flink source task combines them (a {@link WatermarkOutputMultiplexer},
 * periodic emits every 200 ms), on a manual clock.
 */
class PartitionWatermarksTest {
    private static final long BOUND = 1000;
    private static final long IDLE = 1000;

    private final ManualClock clock = new ManualClock();
    private final List<Long> combined = new ArrayList<>();
    private final WatermarkOutputMultiplexer multiplexer = new WatermarkOutputMultiplexer(new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            combined.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    });
    // No catching up with the newest record on a wall clock: only the idleness is under test.
    private final PartitionWatermarks strategy = new PartitionWatermarks(BOUND, 0, IDLE);
    private final WatermarkGenerator<LogLine> a = partition("a");
    private final WatermarkGenerator<LogLine> b = partition("b");

    @Test
    void aPartitionNotReadYetHoldsTheOthersBackHoweverLongTheReaderTakesToStart() {
        periodicEmits(Duration.ofSeconds(3)); // the reader connecting, or restoring, on a busy machine

        // One fetch: all of a's records, then b's, each older than a's newest.
        record(a, "a", 100_000);
        record(a, "a", 200_000);
        long before = last();
        record(b, "b", 150_000);

        assertThat(before).as("the watermark when b's first record came").isLessThan(150_000);
        assertThat(last()).isEqualTo(150_000 - BOUND - 1);
    }

    @Test
    void aPartitionQuietOnceTheReaderReadsStopsHoldingTheOthersBackAndCountsAgainWithItsNextRecord() {
        periodicEmits(Duration.ofSeconds(3));
        record(a, "a", 100_000);
        assertThat(combined).as("b, never read, holds a back").isEmpty();

        periodicEmits(Duration.ofMillis(1200));
        assertThat(last()).as("b idle").isEqualTo(100_000 - BOUND - 1);

        record(a, "a", 200_000);
        periodicEmits(Duration.ofMillis(1200));
        assertThat(last()).as("both idle: the watermark stays").isEqualTo(200_000 - BOUND - 1);

        record(a, "a", 199_500); // no newer watermark for a, but a counts again
        record(b, "b", 300_000);
        assertThat(last()).as("a holds b back").isEqualTo(200_000 - BOUND - 1);
    }

    private WatermarkGenerator<LogLine> partition(String id) {
        multiplexer.registerNewOutput(id);
        return strategy.createWatermarkGenerator(new WatermarkGeneratorSupplier.Context() {
            @Override
            public MetricGroup getMetricGroup() {
                throw new UnsupportedOperationException();
            }

            @Override
            public RelativeClock getInputActivityClock() {
                return clock;
            }
        });
    }

    private void record(WatermarkGenerator<LogLine> partition, String id, long time) {
        partition.onEvent(new LogLine(id, 0, ""), time, multiplexer.getImmediateOutput(id));
    }

    private void periodicEmits(Duration length) {
        for (long t = 0; t < length.toMillis(); t += 200) {
            clock.advanceTime(Duration.ofMillis(200));
            a.onPeriodicEmit(multiplexer.getDeferredOutput("a"));
            b.onPeriodicEmit(multiplexer.getDeferredOutput("b"));
            multiplexer.onPeriodicEmit();
        }
    }

    private long last() {
        return combined.isEmpty() ? Long.MIN_VALUE : combined.get(combined.size() - 1);
    }
}
