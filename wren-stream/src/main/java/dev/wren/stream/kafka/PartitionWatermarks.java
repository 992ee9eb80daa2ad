package dev.wren.stream.kafka;

import dev.wren.stream.events.LineTimes;
import dev.wren.stream.events.LogLine;
import dev.wren.stream.events.PerEventWatermarks;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.util.clock.RelativeClock;

/**
 * The watermarks of a followed Kafka source: {@link PerEventWatermarks} per partition, combined by Flink as their
 * minimum, where a partition quiet for {@code idleMillis} stops holding the others back (an empty partition would hold
 * them back for ever).
 *
 * <p>Flink's own {@code withIdleness} counts a partition's quiet time from when its split is assigned. When the reader
 * takes longer than that to fetch its first records (connecting, a restore, a busy machine), every partition is idle
 * by then; the first partition read then sets the watermark alone, and the records already in the other partitions,
 * read a moment later, are late and not applied: acknowledged events lost. Here a partition's quiet time starts no
 * earlier than the reader's first record from any partition, so the partitions of one fetch all count; and a quiet
 * partition counts again from its next record. The quiet time is the split's input-activity clock, which stops while
 * the job is back-pressured.
 *
 * <p>The generators of one source task share what they know of its reader through this strategy, which Flink
 * deserializes once per task and calls in the task's thread. Not thread-safe otherwise.
 */
public final class PartitionWatermarks implements WatermarkStrategy<LogLine> {
    private static final long serialVersionUID = 1L;

    private final long boundMillis;
    private final long catchUpNanos;
    private final long idleNanos;
    /** Whether this task's reader has emitted a record yet; shared by the task's generators. */
    private transient Reader reader;

    /**
     * @param boundMillis the out-of-orderness, as {@link PerEventWatermarks} takes it
     * @param catchUpNanos quiet time after which a partition's watermark catches up with its newest record
     * @param idleMillis quiet time after which a partition stops holding the others back; positive
     */
    public PartitionWatermarks(long boundMillis, long catchUpNanos, long idleMillis) {
        if (idleMillis <= 0) {
            throw new IllegalArgumentException("the idle time must be positive, got " + idleMillis + " ms");
        }
        this.boundMillis = boundMillis;
        this.catchUpNanos = catchUpNanos;
        this.idleNanos = idleMillis * 1_000_000;
    }

    @Override
    public WatermarkGenerator<LogLine> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        if (reader == null) {
            reader = new Reader();
        }
        return new Idleness<>(
                new PerEventWatermarks<>(boundMillis, catchUpNanos),
                idleNanos,
                context.getInputActivityClock(),
                reader);
    }

    @Override
    public TimestampAssigner<LogLine> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return new LineTimes();
    }

    /** What the generators of one task know of their reader. */
    static final class Reader {
        private boolean read;
    }

    /**
     * One partition's watermarks, marked idle after {@code idleNanos} without a record since its last record or, before
     * its first, since it saw the reader emit the first record of the task.
     */
    static final class Idleness<T> implements WatermarkGenerator<T> {
        private final WatermarkGenerator<T> watermarks;
        private final long idleNanos;
        private final RelativeClock clock;
        private final Reader reader;
        /** When this partition's quiet time started; {@link Long#MIN_VALUE} while the reader has read nothing. */
        private long quietSince = Long.MIN_VALUE;

        private boolean idle;

        Idleness(WatermarkGenerator<T> watermarks, long idleNanos, RelativeClock clock, Reader reader) {
            this.watermarks = watermarks;
            this.idleNanos = idleNanos;
            this.clock = clock;
            this.reader = reader;
        }

        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
            reader.read = true;
            quietSince = clock.relativeTimeNanos();
            if (idle) {
                // A record that does not move the watermark must still make the partition count again.
                idle = false;
                output.markActive();
            }
            watermarks.onEvent(event, eventTimestamp, output);
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            if (idle) {
                return;
            }
            // First, so that a partition's watermark catches up with its newest record before it goes idle.
            watermarks.onPeriodicEmit(output);
            if (quietSince == Long.MIN_VALUE && reader.read) {
                quietSince = clock.relativeTimeNanos();
            }
            if (quietSince != Long.MIN_VALUE && clock.relativeTimeNanos() - quietSince >= idleNanos) {
                idle = true;
                output.markIdle();
            }
        }
    }
}
