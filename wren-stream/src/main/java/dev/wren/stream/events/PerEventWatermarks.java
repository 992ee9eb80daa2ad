package dev.wren.stream.events;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness with a watermark after every event rather than on a timer: which events are late then
 * depends only on the order of the log, never on when a periodic timer happened to fire, so a replay marks the same
 * events late. The watermark after an event is the newest event time seen, less the bound, less 1 ms: an event exactly
 * the bound behind the newest is still on time.
 *
 * <p>While following a live log, a log that has been quiet for {@code idleNanos} of wall-clock time moves the watermark
 * up to the newest event time, so that one user's events are applied without waiting for someone else's (an event
 * that then arrives for that time or earlier is late); replays never do this, as it would make lateness depend on
 * timing. Not thread-safe: one per source task.
 */
public final class PerEventWatermarks<T> implements WatermarkGenerator<T> {
    private final long boundMillis;
    private final long idleNanos;
    private long newest = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;
    private long lastEventNanos;

    /**
     * @param boundMillis how far behind the newest event an event may arrive and still count
     * @param idleNanos quiet time after which the watermark catches up with the newest event; 0 never
     */
    public PerEventWatermarks(long boundMillis, long idleNanos) {
        if (boundMillis < 0 || idleNanos < 0) {
            throw new IllegalArgumentException("the bound and the idle time must not be negative");
        }
        this.boundMillis = boundMillis;
        this.idleNanos = idleNanos;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        lastEventNanos = System.nanoTime();
        if (eventTimestamp > newest) {
            newest = eventTimestamp;
            emit(newest - boundMillis - 1, output);
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (idleNanos > 0 && newest != Long.MIN_VALUE && System.nanoTime() - lastEventNanos >= idleNanos) {
            emit(newest, output);
        }
    }

    private void emit(long watermark, WatermarkOutput output) {
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }
}
