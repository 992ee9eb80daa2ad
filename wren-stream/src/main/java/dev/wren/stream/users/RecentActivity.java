package dev.wren.stream.users;

import dev.wren.core.features.Interaction;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.util.ArrayList;
import java.util.List;

/**
 * The near-line tier's own user features, from a history in time order: the newest interactions with their ages
 * ({@link FeatureSchema#RECENT_ITEMS}, {@link FeatureSchema#RECENT_ITEM_AGES}, {@link FeatureSchema#LAST_EVENT_TIME})
 * and the latest session ({@link FeatureSchema#SESSION_EVENTS}, {@link FeatureSchema#SESSION_START}): the run of
 * interactions ending with the newest in which no two neighbours are more than the session gap apart. Both are as of
 * the user's newest interaction; whether the session is still going is for the reader to judge from the time now.
 * Stateless.
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
}
