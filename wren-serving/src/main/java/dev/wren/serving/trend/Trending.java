package dev.wren.serving.trend;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The items trending at one moment, most events first (ties: the newer trend, then the lower id), with the newest
 * trend time seen. Immutable and thread-safe.
 *
 * @param items the trending items, most events first; empty when nothing trends
 * @param newestStreamTime the newest {@code streamTime} among the item rows read (ms since the epoch), when any had one
 */
public record Trending(List<Entry> items, OptionalLong newestStreamTime) {
    /** Nothing trends: no stream job has written a trend, or every trend is 0 or stale. */
    public static final Trending NONE = new Trending(List.of(), OptionalLong.empty());

    /**
     * One trending item.
     *
     * @param itemId the item
     * @param count its events in the stream job's latest window
     * @param streamTime the end of that window, ms since the epoch
     */
    public record Entry(int itemId, long count, long streamTime) {}

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::count)
            .reversed()
            .thenComparing(Comparator.comparingLong(Entry::streamTime).reversed())
            .thenComparingInt(Entry::itemId);

    public Trending {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * The trending items among item rows holding {@code trendingCount} and {@code streamTime}: a count above 0 written
     * less than one {@code window} before the newest trend seen. Judged against the newest trend rather than the clock,
     * so that a replayed log's old event times trend as they did, and a stopped stream job leaves its last trends.
     */
    public static Trending of(Map<Integer, Features> rows, Duration window, int keep) {
        long newest = Long.MIN_VALUE;
        for (Features row : rows.values()) {
            OptionalLong t = streamTime(row);
            if (t.isPresent()) {
                newest = Math.max(newest, t.getAsLong());
            }
        }
        if (newest == Long.MIN_VALUE) {
            return NONE;
        }
        long oldestFresh = newest - window.toMillis();
        List<Entry> live = new ArrayList<>();
        for (Map.Entry<Integer, Features> e : rows.entrySet()) {
            long count =
                    Math.round(e.getValue().number(FeatureSchema.TRENDING_COUNT).orElse(0));
            OptionalLong t = streamTime(e.getValue());
            // A window that ended a whole window before the newest shares no time with the current one.
            if (count > 0 && t.isPresent() && t.getAsLong() > oldestFresh) {
                live.add(new Entry(e.getKey(), count, t.getAsLong()));
            }
        }
        live.sort(ORDER);
        return new Trending(live.subList(0, Math.min(keep, live.size())), OptionalLong.of(newest));
    }

    private static OptionalLong streamTime(Features row) {
        var t = row.number(FeatureSchema.STREAM_TIME);
        return t.isPresent() ? OptionalLong.of((long) t.getAsDouble()) : OptionalLong.empty();
    }
}
