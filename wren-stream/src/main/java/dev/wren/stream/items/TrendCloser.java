package dev.wren.stream.items;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import dev.wren.stream.store.RowWrite;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Writes each window's count as the item's {@link FeatureSchema#TRENDING_COUNT}, and a zero when the item's events have
 * all slid out of the window. A sliding window with no events never fires, so without the zero an item would keep its
 * last count for ever: after each count this waits until the next window would have closed, and if none came, writes
 * 0. Rows are stamped with the window's end.
 */
public final class TrendCloser extends KeyedProcessFunction<Integer, ItemTrend, RowWrite> {
    private static final long serialVersionUID = 1L;

    private final long slideMillis;
    private transient ValueState<Long> lastEnd;

    public TrendCloser(long slideMillis) {
        this.slideMillis = slideMillis;
    }

    @Override
    public void open(OpenContext context) {
        lastEnd = getRuntimeContext().getState(new ValueStateDescriptor<>("lastWindowEnd", Types.LONG));
    }

    @Override
    public void processElement(ItemTrend trend, Context ctx, Collector<RowWrite> out) throws Exception {
        lastEnd.update(trend.windowEnd());
        out.collect(row(trend.itemId(), trend.windowEnd(), trend.count()));
        // The next window closes when the watermark reaches its last millisecond; its count, if any, comes first.
        ctx.timerService().registerEventTimeTimer(trend.windowEnd() + slideMillis - 1);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<RowWrite> out) throws Exception {
        Long last = lastEnd.value();
        long nextEnd = time + 1;
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE || last == null || last >= nextEnd) {
            return; // the log ended (the window did not close in event time), or a later count came
        }
        lastEnd.clear();
        out.collect(row(ctx.getCurrentKey(), nextEnd, 0));
    }

    private static RowWrite row(int item, long windowEnd, long count) {
        return RowWrite.item(
                item,
                windowEnd,
                Features.builder().number(FeatureSchema.TRENDING_COUNT, count).build());
    }
}
