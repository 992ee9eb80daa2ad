package dev.wren.stream;

import dev.wren.core.features.Interaction;
import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.features.UserRows;
import dev.wren.core.model.Item;
import dev.wren.core.recommend.Event;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import dev.wren.data.movielens.MovieLensReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What the store must hold after the stream job, computed directly from the same events with wren-core's rules, with
 * no Flink: each user's history is the dataset's ratings then the applied events, in wren-core's time order, made into
 * a row by {@link UserRows} (as serving's real-time updater does) plus the near-line features written out plainly here;
 * each item's trend is its event count in the last window that closed before the log ended.
 */
final class BatchReference {
    private BatchReference() {}

    /** The expected user rows, by user, for the users with applied events. */
    static Map<Integer, Features> users(
            Path data,
            List<Event> applied,
            UserFeatureRules rules,
            Map<Integer, float[]> vectors,
            int dimension,
            int recentItems,
            Duration sessionGap) {
        MovieLensReader reader = MovieLensReader.open(data);
        Map<Integer, Item> items = reader.items();
        Map<Integer, List<Interaction>> base = new HashMap<>();
        reader.forEachRating((user, item, rating, ts) ->
                base.computeIfAbsent(user, u -> new ArrayList<>()).add(interaction(items, item, rating, ts)));
        Map<Integer, List<Event>> byUser = new LinkedHashMap<>();
        applied.forEach(
                e -> byUser.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e));
        Map<Integer, Features> out = new HashMap<>();
        byUser.forEach((user, events) -> {
            List<Interaction> history = new ArrayList<>(base.getOrDefault(user, List.of()));
            for (Event e : events) {
                history.add(interaction(
                        items, e.itemId(), e.type() == Event.Type.RATING ? e.value() : Double.NaN, e.timestamp()));
            }
            history.sort(UserRows.TIME_ORDER);
            long newestEvent = events.stream().mapToLong(Event::timestamp).max().getAsLong();
            out.put(
                    user,
                    UserRows.row(history, rules, vectors::get, dimension)
                            .mergedWith(activity(history, recentItems, sessionGap.toSeconds()))
                            .mergedWith(Features.builder()
                                    .number(FeatureSchema.STREAM_TIME, newestEvent * 1000)
                                    .build()));
        });
        return out;
    }

    /** The near-line user features, written out the long way: the newest interactions and the last session. */
    private static Features activity(List<Interaction> history, int recentItems, long gap) {
        long newest = history.get(history.size() - 1).timestamp();
        List<Integer> recent = new ArrayList<>();
        List<Integer> ages = new ArrayList<>();
        for (int i = history.size() - 1; i >= Math.max(0, history.size() - recentItems); i--) {
            recent.add(history.get(i).itemId());
            ages.add((int) (newest - history.get(i).timestamp()));
        }
        int sessionStart = 0;
        for (int i = 1; i < history.size(); i++) {
            if (history.get(i).timestamp() - history.get(i - 1).timestamp() > gap) {
                sessionStart = i;
            }
        }
        return Features.builder()
                .intList(FeatureSchema.RECENT_ITEMS, recent)
                .intList(FeatureSchema.RECENT_ITEM_AGES, ages)
                .number(FeatureSchema.LAST_EVENT_TIME, newest)
                .number(FeatureSchema.SESSION_EVENTS, history.size() - sessionStart)
                .number(FeatureSchema.SESSION_START, history.get(sessionStart).timestamp())
                .build();
    }

    /**
     * The expected trend of each item that has one: its events in the last window that closed in event time, i.e.
     * that ended by the last watermark (the newest event time less the bound); items whose events all came after that
     * window's start have none yet.
     */
    static Map<Integer, Long> trends(
            List<Event> applied, long newestEventSeconds, Duration outOfOrderness, Duration window, Duration slide) {
        long lastWatermark = newestEventSeconds * 1000 - outOfOrderness.toMillis() - 1;
        long lastEnd = Math.floorDiv(lastWatermark + 1, slide.toMillis()) * slide.toMillis();
        Map<Integer, Long> out = new HashMap<>();
        for (Event e : applied) {
            long t = e.timestamp() * 1000;
            if (t < lastEnd) {
                out.merge(e.itemId(), t >= lastEnd - window.toMillis() ? 1L : 0L, Long::sum);
            }
        }
        return out;
    }

    /** The end of the last window that closed in event time. */
    static long lastWindowEnd(long newestEventSeconds, Duration outOfOrderness, Duration slide) {
        long lastWatermark = newestEventSeconds * 1000 - outOfOrderness.toMillis() - 1;
        return Math.floorDiv(lastWatermark + 1, slide.toMillis()) * slide.toMillis();
    }

    private static Interaction interaction(Map<Integer, Item> items, int itemId, double rating, long ts) {
        Item item = items.get(itemId);
        return new Interaction(
                itemId,
                rating,
                ts,
                item == null ? OptionalInt.empty() : item.year(),
                item == null ? List.of() : item.genres());
    }
}
