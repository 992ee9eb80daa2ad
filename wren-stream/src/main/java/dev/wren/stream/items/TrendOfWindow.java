package dev.wren.stream.items;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Names a window's counts with its item and end. A window that fires only because a bounded log ended (the watermark
 * jumped to the end of time) had not closed in event time: it is dropped, so that a replay leaves the trends a running
 * job would show after the same lines, rather than counts of windows cut short.
 */
public final class TrendOfWindow extends ProcessWindowFunction<ItemCounts, ItemTrend, Integer, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(Integer item, Context ctx, Iterable<ItemCounts> counts, Collector<ItemTrend> out) {
        if (ctx.currentWatermark() == Long.MAX_VALUE) {
            return;
        }
        out.collect(new ItemTrend(item, ctx.window().getEnd(), counts.iterator().next()));
    }
}
