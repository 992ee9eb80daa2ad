package dev.wren.stream.items;

import dev.wren.stream.events.LogEvent;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Counts the events of a window as they arrive, so a window holds one number, not its events. */
public final class CountEvents implements AggregateFunction<LogEvent, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
        return 0L;
    }

    @Override
    public Long add(LogEvent event, Long count) {
        return count + 1;
    }

    @Override
    public Long getResult(Long count) {
        return count;
    }

    @Override
    public Long merge(Long a, Long b) {
        return a + b;
    }
}
