package dev.wren.stream.items;

import dev.wren.stream.events.LogEvent;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Counts a window's events, exposures and clicks as they arrive, so a window holds three numbers, not its records. */
public final class CountEvents implements AggregateFunction<LogEvent, ItemCounts, ItemCounts> {
    private static final long serialVersionUID = 1L;

    @Override
    public ItemCounts createAccumulator() {
        return ItemCounts.ZERO;
    }

    @Override
    public ItemCounts add(LogEvent e, ItemCounts counts) {
        return switch (e.kind()) {
            case RATING -> new ItemCounts(counts.events() + 1, counts.exposures(), counts.clicks());
            case CLICK -> new ItemCounts(counts.events() + 1, counts.exposures(), counts.clicks() + 1);
            case EXPOSURE -> new ItemCounts(counts.events(), counts.exposures() + 1, counts.clicks());
        };
    }

    @Override
    public ItemCounts getResult(ItemCounts counts) {
        return counts;
    }

    @Override
    public ItemCounts merge(ItemCounts a, ItemCounts b) {
        return a.plus(b);
    }
}
