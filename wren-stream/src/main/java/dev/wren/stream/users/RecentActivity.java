package dev.wren.stream.users;

import dev.wren.core.features.Interaction;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The near-line tier's own user features, from a history in time order: the newest interactions with their ages
 * ({@link FeatureSchema#RECENT_ITEMS}, {@link FeatureSchema#RECENT_ITEM_AGES}, {@link FeatureSchema#LAST_EVENT_TIME})
 * and the latest session ({@link FeatureSchema#SESSION_EVENTS}, {@link FeatureSchema#SESSION_START}): the run of
 * interactions ending with the newest in which no two neighbours are more than the session gap apart. Both are as of
 * the user's newest interaction; whether the session is still going is for the reader to judge from the time now.
 * {@link #of} is the definition; {@link Running} keeps the same features as interactions are appended in time order.
 */
public final class RecentActivity {
    private RecentActivity() {}

    /**
     * @param history the user's interactions in time order
     * @param recentItems how many of the newest interactions to keep
     * @param sessionGapSeconds the longest pause within one session
     * @return empty for an empty history
     */
    public static Features of(List<Interaction> history, int recentItems, long sessionGapSeconds) {
        if (history.isEmpty()) {
            return Features.empty();
        }
        int last = history.size() - 1;
        long newest = history.get(last).timestamp();
        List<Integer> items = new ArrayList<>(Math.min(recentItems, history.size()));
        List<Integer> ages = new ArrayList<>(items.size());
        for (int i = last; i >= 0 && items.size() < recentItems; i--) {
            items.add(history.get(i).itemId());
            ages.add((int) Math.min(Integer.MAX_VALUE, newest - history.get(i).timestamp()));
        }
        int first = last;
        while (first > 0
                && history.get(first).timestamp() - history.get(first - 1).timestamp() <= sessionGapSeconds) {
            first--;
        }
        return Features.builder()
                .intList(FeatureSchema.RECENT_ITEMS, items)
                .intList(FeatureSchema.RECENT_ITEM_AGES, ages)
                .number(FeatureSchema.LAST_EVENT_TIME, newest)
                .number(FeatureSchema.SESSION_EVENTS, last - first + 1)
                .number(FeatureSchema.SESSION_START, history.get(first).timestamp())
                .build();
    }

    /**
     * The same features kept up to date as interactions are appended in time order, in constant time each: the newest
     * {@code recentItems} and the running session. Equal to {@link #of} over the interactions appended so far. Not
     * thread-safe: one per user.
     */
    public static final class Running {
        private final int recentItems;
        private final long sessionGapSeconds;
        /** The newest interactions, oldest first: item and time. */
        private final ArrayDeque<long[]> recent = new ArrayDeque<>();

        private long newest;
        private long sessionStart;
        private long sessionEvents;

        public Running(int recentItems, long sessionGapSeconds) {
            this.recentItems = recentItems;
            this.sessionGapSeconds = sessionGapSeconds;
        }

        /** Appends one interaction, no older than the ones before. */
        public void add(Interaction i) {
            if (sessionEvents > 0 && i.timestamp() < newest) {
                throw new IllegalArgumentException(
                        "interactions must come in time order: " + i.timestamp() + " after " + newest);
            }
            if (sessionEvents == 0 || i.timestamp() - newest > sessionGapSeconds) {
                sessionStart = i.timestamp();
                sessionEvents = 0;
            }
            sessionEvents++;
            newest = i.timestamp();
            recent.addLast(new long[] {i.itemId(), i.timestamp()});
            if (recent.size() > recentItems) {
                recent.removeFirst();
            }
        }

        /** As {@link RecentActivity#of} gives them; empty before the first interaction. */
        public Features features() {
            if (sessionEvents == 0) {
                return Features.empty();
            }
            List<Integer> items = new ArrayList<>(recent.size());
            List<Integer> ages = new ArrayList<>(recent.size());
            for (Iterator<long[]> it = recent.descendingIterator(); it.hasNext(); ) {
                long[] r = it.next();
                items.add((int) r[0]);
                ages.add((int) Math.min(Integer.MAX_VALUE, newest - r[1]));
            }
            return Features.builder()
                    .intList(FeatureSchema.RECENT_ITEMS, items)
                    .intList(FeatureSchema.RECENT_ITEM_AGES, ages)
                    .number(FeatureSchema.LAST_EVENT_TIME, newest)
                    .number(FeatureSchema.SESSION_EVENTS, sessionEvents)
                    .number(FeatureSchema.SESSION_START, sessionStart)
                    .build();
        }
    }
}
