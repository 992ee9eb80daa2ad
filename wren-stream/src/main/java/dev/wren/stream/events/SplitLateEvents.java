package dev.wren.stream.events;

import org.apache.flink.api.common.accumulators.IntMaximum;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Passes on-time events on and sends late ones (at or behind the watermark) to the {@link #LATE} side output, counting
 * late events in the {@code lateEvents} metric and in the accumulator of the same name (which the job's result
 * reports), on-time ones in the {@code events} accumulator, and exposures in {@code exposures} and {@code
 * lateExposures}. Late
 * is decided once, here, so that the user and item operators downstream agree on which events count.
 *
 * <p>Flink's accumulators start again from zero when a task restarts from a checkpoint, so after a restart they count
 * the records read since the restore; {@code attempt} says when that is the case.
 */
public final class SplitLateEvents extends ProcessFunction<LogEvent, LogEvent> {
    private static final long serialVersionUID = 1L;

    /** The side output of late events. */
    public static final OutputTag<LateEvent> LATE = new OutputTag<>("late-events", TypeInformation.of(LateEvent.class));

    /** The name of the late events' counter metric and accumulator. */
    public static final String LATE_EVENTS = "lateEvents";
    /** The name of the on-time events' accumulator. */
    public static final String EVENTS = "events";
    /** The name of the on-time exposures' accumulator (one per item shown). */
    public static final String EXPOSURES = "exposures";
    /** The name of the late exposures' accumulator. */
    public static final String LATE_EXPOSURES = "lateExposures";
    /** The name of the accumulator of the tasks' highest attempt number: 0 until the job restarts. */
    public static final String ATTEMPT = "attempt";

    private transient Counter late;
    private transient LongCounter lateTotal;
    private transient LongCounter onTimeTotal;
    private transient LongCounter exposures;
    private transient LongCounter lateExposures;

    @Override
    public void open(OpenContext context) {
        late = getRuntimeContext().getMetricGroup().counter(LATE_EVENTS);
        lateTotal = new LongCounter();
        getRuntimeContext().addAccumulator(LATE_EVENTS, lateTotal);
        onTimeTotal = new LongCounter();
        getRuntimeContext().addAccumulator(EVENTS, onTimeTotal);
        exposures = new LongCounter();
        getRuntimeContext().addAccumulator(EXPOSURES, exposures);
        lateExposures = new LongCounter();
        getRuntimeContext().addAccumulator(LATE_EXPOSURES, lateExposures);
        getRuntimeContext()
                .addAccumulator(
                        ATTEMPT,
                        new IntMaximum(getRuntimeContext().getTaskInfo().getAttemptNumber()));
    }

    @Override
    public void processElement(LogEvent event, Context ctx, Collector<LogEvent> out) {
        long watermark = ctx.timerService().currentWatermark();
        boolean isEvent = event.kind().isEvent();
        if (event.eventTimeMillis() <= watermark) {
            if (isEvent) {
                late.inc();
                lateTotal.add(1);
            } else {
                lateExposures.add(1);
            }
            ctx.output(LATE, new LateEvent(event, watermark));
        } else {
            (isEvent ? onTimeTotal : exposures).add(1);
            out.collect(event);
        }
    }
}
