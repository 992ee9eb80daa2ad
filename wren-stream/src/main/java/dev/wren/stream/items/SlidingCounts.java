package dev.wren.stream.items;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import dev.wren.stream.store.RowWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * An item's counts over the sliding windows, from the counts of its slides (Flink tumbling windows one slide long, the
 * panes): the window ending at {@code E} is the sum of the panes ending in {@code (E - window, E]}; events are summed
 * over the trend window, exposures and clicks over the CTR window (by default the same length), both ending at {@code
 * E}. The sum changes only
 * when a pane with records closes or an old one leaves the window, so that is when a row is written, stamped with the
 * window's end: {@link FeatureSchema#TRENDING_COUNT} (ratings and clicks), {@link FeatureSchema#RECENT_EXPOSURES},
 * {@link FeatureSchema#RECENT_CLICKS} and, for a window with exposures, {@link FeatureSchema#RECENT_CTR}.
 * When the last pane leaves, the counts are written as zeros. Each record thus costs one pane update, where Flink's
 * sliding windows keep {@code window / slide} windows per record. The stored row after any closed window is the same
 * as writing every window's counts: between two writes the counts do not change.
 */
public final class SlidingCounts extends KeyedProcessFunction<Integer, ItemTrend, RowWrite> {
    private static final long serialVersionUID = 1L;

    private final long trendMillis;
    private final long ctrMillis;
    private transient MapState<Long, ItemCounts> panes;
    private transient ValueState<ItemCounts> written;
    private transient ValueState<Long> newestEnd;

    /**
     * @param trendMillis the trend window, over which events are counted
     * @param ctrMillis the CTR window, over which exposures and clicks are counted
     */
    public SlidingCounts(long trendMillis, long ctrMillis) {
        this.trendMillis = trendMillis;
        this.ctrMillis = ctrMillis;
    }

    @Override
    public void open(OpenContext context) {
        TypeInformation<ItemCounts> counts = TypeInformation.of(ItemCounts.class);
        panes = getRuntimeContext().getMapState(new MapStateDescriptor<>("panes", Types.LONG, counts));
        written = getRuntimeContext().getState(new ValueStateDescriptor<>("written", counts));
        newestEnd = getRuntimeContext().getState(new ValueStateDescriptor<>("newestEnd", Types.LONG));
    }

    @Override
    public void processElement(ItemTrend pane, Context ctx, Collector<RowWrite> out) throws Exception {
        long end = pane.windowEnd();
        // Panes that left the window before this one closed are dropped first, in time order, as their timers would
        // have: which comes first, this pane or those timers, depends on how the inputs interleave, and the rows
        // written (their stream times included) must not.
        Long newest = newestEnd.value();
        List<Long> leaving = new ArrayList<>();
        for (Long p : panes.keys()) {
            for (long leaves : new long[] {p + trendMillis, p + ctrMillis}) {
                if (leaves < end && (newest == null || leaves > newest) && !leaving.contains(leaves)) {
                    leaving.add(leaves);
                }
            }
        }
        leaving.sort(null);
        for (long leaves : leaving) {
            writeIfChanged(ctx.getCurrentKey(), leaves, out);
        }
        panes.put(end, pane.counts());
        // The pane leaves the window ending at end + window, which closes when the watermark reaches its last ms.
        ctx.timerService().registerEventTimeTimer(end + trendMillis - 1);
        ctx.timerService().registerEventTimeTimer(end + ctrMillis - 1);
        writeIfChanged(ctx.getCurrentKey(), end, out);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<RowWrite> out) throws Exception {
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            return; // the log ended: the window did not close in event time
        }
        writeIfChanged(ctx.getCurrentKey(), time + 1, out);
    }

    /** Drops the panes outside both windows ending at {@code end} and writes the sums if they differ from the last. */
    private void writeIfChanged(int item, long end, Collector<RowWrite> out) throws Exception {
        Long newest = newestEnd.value();
        if (newest != null && newest >= end) {
            return; // that window was summed when a later pane arrived before this timer fired
        }
        newestEnd.update(end);
        long events = 0;
        long exposures = 0;
        long clicks = 0;
        List<Long> gone = new ArrayList<>();
        for (Map.Entry<Long, ItemCounts> p : panes.entries()) {
            long pane = p.getKey();
            if (pane <= end - Math.max(trendMillis, ctrMillis)) {
                gone.add(pane);
                continue;
            }
            if (pane > end) {
                continue;
            }
            if (pane > end - trendMillis) {
                events += p.getValue().events();
            }
            if (pane > end - ctrMillis) {
                exposures += p.getValue().exposures();
                clicks += p.getValue().clicks();
            }
        }
        ItemCounts sum = new ItemCounts(events, exposures, clicks);
        for (Long g : gone) {
            panes.remove(g);
        }
        ItemCounts before = written.value();
        if (sum.equals(before == null ? ItemCounts.ZERO : before)) {
            return; // unchanged, or still zero after the zeros were written
        }
        if (sum.equals(ItemCounts.ZERO)) {
            written.clear();
        } else {
            written.update(sum);
        }
        out.collect(row(item, end, sum));
    }

    private static RowWrite row(int item, long windowEnd, ItemCounts counts) {
        Features.Builder row = Features.builder()
                .number(FeatureSchema.TRENDING_COUNT, counts.events())
                .number(FeatureSchema.RECENT_EXPOSURES, counts.exposures())
                .number(FeatureSchema.RECENT_CLICKS, counts.clicks());
        if (counts.exposures() > 0) {
            row.number(FeatureSchema.RECENT_CTR, (double) counts.clicks() / counts.exposures());
        }
        return RowWrite.item(item, windowEnd, row.build());
    }
}
