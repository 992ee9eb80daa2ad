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
 * Writes each window's counts as the item's {@link FeatureSchema#TRENDING_COUNT} (ratings and clicks), {@link
 * ItemWindowFeatures#RECENT_EXPOSURES}, {@link ItemWindowFeatures#RECENT_CLICKS} and, when it had exposures, {@link
 * ItemWindowFeatures#RECENT_CTR} (clicks over exposures), and zeros when the item's records have all slid out of the
 * window. A sliding window with no events never fires, so without the zero an item would keep its
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
        out.collect(row(trend.itemId(), trend.windowEnd(), trend.counts()));
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
        out.collect(row(ctx.getCurrentKey(), nextEnd, ItemCounts.ZERO));
    }

    private static RowWrite row(int item, long windowEnd, ItemCounts counts) {
        Features.Builder row = Features.builder()
                .number(FeatureSchema.TRENDING_COUNT, counts.events())
                .number(ItemWindowFeatures.RECENT_EXPOSURES, counts.exposures())
                .number(ItemWindowFeatures.RECENT_CLICKS, counts.clicks());
        if (counts.exposures() > 0) {
            row.number(ItemWindowFeatures.RECENT_CTR, (double) counts.clicks() / counts.exposures());
        }
        return RowWrite.item(item, windowEnd, row.build());
    }
}
