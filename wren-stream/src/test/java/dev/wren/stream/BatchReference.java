package dev.wren.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wren.core.features.Interaction;
import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.features.UserProfile;
import dev.wren.core.features.UserRows;
import dev.wren.core.model.Item;
import dev.wren.core.recommend.Event;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import dev.wren.data.movielens.MovieLensReader;
import dev.wren.stream.EventLogFile.Shown;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.ToLongFunction;

/**
 * What the store must hold after the stream job, computed directly from the same events with wren-core's rules, with
 * no Flink: each user's history is the dataset's ratings then the applied events, in wren-core's time order, made into
 * a row by {@link UserRows} (as serving's real-time updater does) plus the near-line features written out plainly here
 * from the history to the millisecond, whatever order the events were read in; each item's trend is its event count in
 * the last window that closed before the log ended.
 */
final class BatchReference {
    private BatchReference() {}

    /**
     * The expected user rows, by user, for the users with applied events. An event's time is its {@code loggedAt} (as
     * {@code loggedAt} gives it) when that is in the second of its timestamp, otherwise that second; events of one time
     * are in the order they were logged, then by item, then rating (a click last).
     */
    static Map<Integer, Features> users(
            Path data,
            List<Event> applied,
            ToLongFunction<Event> loggedAt,
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
            List<Event> inTime = new ArrayList<>(events);
            inTime.sort(timeOrder(loggedAt));
            List<Interaction> dataset = new ArrayList<>(base.getOrDefault(user, List.of()));
            dataset.sort(UserRows.TIME_ORDER);
            // wren-core's order (second, item): the dataset's first, then the events in time order.
            List<Interaction> history = new ArrayList<>(dataset);
            inTime.forEach(e -> history.add(interaction(items, e)));
            history.sort(UserRows.TIME_ORDER);
            // To the millisecond: the dataset's ratings at the start of their second, before events of that time.
            List<long[]> times = new ArrayList<>(); // {millis, index into timed}
            List<Interaction> timed = new ArrayList<>(dataset);
            inTime.forEach(e -> timed.add(interaction(items, e)));
            for (int i = 0; i < timed.size(); i++) {
                long ms = i < dataset.size()
                        ? dataset.get(i).timestamp() * 1000
                        : millis(inTime.get(i - dataset.size()), loggedAt);
                times.add(new long[] {ms, i});
            }
            times.sort(Comparator.comparingLong((long[] t) -> t[0]).thenComparingLong(t -> t[1]));
            List<Interaction> activity =
                    times.stream().map(t -> timed.get((int) t[1])).toList();
            long newestEvent =
                    events.stream().mapToLong(e -> millis(e, loggedAt)).max().getAsLong();
            out.put(
                    user,
                    UserRows.row(history, rules, vectors::get, dimension)
                            .mergedWith(activity(activity, recentItems, sessionGap.toSeconds()))
                            .mergedWith(Features.builder()
                                    .number(FeatureSchema.STREAM_TIME, newestEvent + events.size() / 1024.0)
                                    .build()));
        });
        return out;
    }

    /** An event's time in the job, milliseconds since the epoch. */
    static long millis(Event e, ToLongFunction<Event> loggedAt) {
        long at = loggedAt.applyAsLong(e);
        return Math.floorDiv(at, 1000) == e.timestamp() ? at : e.timestamp() * 1000;
    }

    private static Comparator<Event> timeOrder(ToLongFunction<Event> loggedAt) {
        return Comparator.<Event>comparingLong(e -> millis(e, loggedAt))
                .thenComparingLong(loggedAt)
                .thenComparingInt(Event::itemId)
                .thenComparingDouble(e -> e.type() == Event.Type.RATING ? e.value() : Double.NaN);
    }

    /**
     * The near-line user features, written out the long way from the history in time order: the newest interactions
     * and the last session.
     */
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

    /** The end of the last window that closed in event time. */
    static long lastWindowEnd(long lastWatermark, Duration slide) {
        return Math.floorDiv(lastWatermark + 1, slide.toMillis()) * slide.toMillis();
    }

    /**
     * The expected item rows, without their stream time: for every item with a record (event or exposure) before the
     * end of the last window that closed, its events in that trend window, its exposures and clicks in the CTR window
     * ending there, and the CTR of the latest closed CTR window that had exposures (a window without exposures writes no CTR, so the store keeps the last one).
     *
     * @param lastWatermark the last watermark before the log ended: the newest record time less the bound, less 1 ms
     */
    static Map<Integer, Features> items(
            List<Event> applied,
            ToLongFunction<Event> loggedAt,
            List<Shown> shown,
            long lastWatermark,
            Duration window,
            Duration ctrWindow,
            Duration slide) {
        long w = window.toMillis();
        long cw = ctrWindow.toMillis();
        long lastEnd = Math.floorDiv(lastWatermark + 1, slide.toMillis()) * slide.toMillis();
        Map<Integer, List<long[]>> byItem = new HashMap<>(); // {time, kind: 0 rating, 1 click, 2 exposure}
        for (Event e : applied) {
            byItem.computeIfAbsent(e.itemId(), i -> new ArrayList<>())
                    .add(new long[] {millis(e, loggedAt), e.type() == Event.Type.CLICK ? 1 : 0});
        }
        for (Shown x : shown) {
            for (int item : x.items()) {
                byItem.computeIfAbsent(item, i -> new ArrayList<>()).add(new long[] {x.loggedAt(), 2});
            }
        }
        Map<Integer, Features> out = new HashMap<>();
        byItem.forEach((item, records) -> {
            if (records.stream().noneMatch(r -> r[0] < lastEnd)) {
                return;
            }
            long[] trend = counts(records, lastEnd - w, lastEnd);
            long[] ctr = counts(records, lastEnd - cw, lastEnd);
            Features.Builder row = Features.builder()
                    .number(FeatureSchema.TRENDING_COUNT, trend[0])
                    .number(FeatureSchema.RECENT_EXPOSURES, ctr[1])
                    .number(FeatureSchema.RECENT_CLICKS, ctr[2]);
            long first = records.stream().mapToLong(r -> r[0]).min().getAsLong();
            for (long end = lastEnd; end > first; end -= slide.toMillis()) {
                long[] c = counts(records, end - cw, end);
                if (c[1] > 0) {
                    row.number(FeatureSchema.RECENT_CTR, (double) c[2] / c[1]);
                    break;
                }
            }
            out.put(item, row.build());
        });
        return out;
    }

    /** Events, exposures and clicks with a time in [from, to). */
    private static long[] counts(List<long[]> records, long from, long to) {
        long[] c = new long[3];
        for (long[] r : records) {
            if (r[0] >= from && r[0] < to) {
                if (r[1] == 2) {
                    c[1]++;
                } else {
                    c[0]++;
                    c[2] += r[1];
                }
            }
        }
        return c;
    }

    /**
     * The expected fresh samples: every item of every list shown, with the user's features from the dataset's ratings
     * and the applied events strictly before the list's second, labelled by the first of the user's events of that item
     * from the list's time (ms) to the end of the label window, in time order, that is positive by wren-core's rule;
     * otherwise
     * 0 if the window closed before the log ended (by a rating below the threshold, the last one, or by nothing), and
     * no sample if it did not.
     */
    static List<JsonNode> samples(
            Path data,
            List<Event> applied,
            ToLongFunction<Event> loggedAt,
            List<Shown> shown,
            UserFeatureRules rules,
            Duration labelWindow,
            long lastWatermark) {
        MovieLensReader reader = MovieLensReader.open(data);
        Map<Integer, Item> items = reader.items();
        Map<Integer, List<Interaction>> base = new HashMap<>();
        reader.forEachRating((user, item, rating, ts) ->
                base.computeIfAbsent(user, u -> new ArrayList<>()).add(interaction(items, item, rating, ts)));
        List<Event> inOrder = new ArrayList<>(applied);
        inOrder.sort(timeOrder(loggedAt));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (Shown x : shown) {
            long second = Math.floorDiv(x.loggedAt(), 1000);
            long deadline = x.loggedAt() + labelWindow.toMillis();
            List<Interaction> before = new ArrayList<>();
            base.getOrDefault(x.userId(), List.of()).stream()
                    .filter(i -> i.timestamp() < second)
                    .forEach(before::add);
            for (Event e : inOrder) {
                if (e.userId() == x.userId() && e.timestamp() < second) {
                    before.add(interaction(items, e));
                }
            }
            before.sort(UserRows.TIME_ORDER);
            UserProfile profile = UserProfile.of(before, rules);
            for (int position = 0; position < x.items().size(); position++) {
                int item = x.items().get(position);
                ObjectNode n = json.createObjectNode();
                n.put("userId", x.userId());
                n.put("itemId", item);
                n.put("ts", second);
                Event decided = null;
                Double lowRating = null;
                for (Event e : inOrder) {
                    if (e.userId() != x.userId()
                            || e.itemId() != item
                            || millis(e, loggedAt) < x.loggedAt()
                            || millis(e, loggedAt) > deadline) {
                        continue;
                    }
                    Interaction i = interaction(items, e);
                    if (rules.isPositive(i)) {
                        decided = e;
                        break;
                    }
                    if (e.type() == Event.Type.RATING) {
                        lowRating = e.value();
                    }
                }
                if (decided != null) {
                    n.put("label", 1);
                    n.put("labelSource", decided.type() == Event.Type.CLICK ? "click" : "rating");
                    if (decided.type() == Event.Type.RATING) {
                        n.put("rating", decided.value());
                    } else {
                        n.putNull("rating");
                    }
                } else if (deadline <= lastWatermark) {
                    n.put("label", 0);
                    n.put("labelSource", lowRating != null ? "rating" : "none");
                    if (lowRating != null) {
                        n.put("rating", lowRating);
                    } else {
                        n.putNull("rating");
                    }
                } else {
                    continue;
                }
                n.put("exposedAt", x.loggedAt());
                n.put("position", position);
                n.put("labelledAt", decided != null ? millis(decided, loggedAt) : deadline);
                n.put("userRatingCount", profile.ratingCount());
                put(n, "userRatingAvg", profile.ratingAvg());
                put(n, "userRatingStd", profile.ratingStd());
                put(n, "userReleaseYearAvg", profile.releaseYearAvg());
                put(n, "userReleaseYearStd", profile.releaseYearStd());
                ArrayNode positives = n.putArray("userRecentPositives");
                profile.recentPositives().forEach(positives::add);
                ArrayNode genres = n.putArray("userTopGenres");
                profile.topGenres().forEach(genres::add);
                out.add(reread(json, n)); // as a reader sees it: numbers typed by their text
            }
        }
        return out;
    }

    private static JsonNode reread(ObjectMapper json, JsonNode n) {
        try {
            return json.readTree(n.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void put(ObjectNode n, String name, OptionalDouble v) {
        if (v.isPresent()) {
            n.put(name, v.getAsDouble());
        } else {
            n.putNull(name);
        }
    }

    private static Interaction interaction(Map<Integer, Item> items, Event e) {
        return interaction(items, e.itemId(), e.type() == Event.Type.RATING ? e.value() : Double.NaN, e.timestamp());
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
