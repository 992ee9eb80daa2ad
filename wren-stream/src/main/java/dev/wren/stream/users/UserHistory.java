package dev.wren.stream.users;

import dev.wren.core.features.Interaction;
import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.features.UserProfile;
import dev.wren.core.features.UserRows;
import dev.wren.core.store.Features;
import java.util.ArrayList;
import java.util.List;

/**
 * One user's history and the features it gives, kept up to date as groups of one second's interactions are appended.
 * wren-core's {@link UserProfile} is the definition of the profile and is updated in place, one group at a time, as
 * its own {@link UserProfile#of} does; that is exact only while each group is newer than everything before it. A group
 * that is not (the dataset holds a rating of the same second or later) is sorted in and the features are recomputed
 * from the whole history, as {@link #fromScratch} does. So the features always equal those of {@link #fromScratch}
 * over the same interactions. Not thread-safe: one per user, in one task.
 */
public final class UserHistory {
    private final UserFeatureRules rules;
    private final int recentItems;
    private final long sessionGapSeconds;
    /** The whole history in {@link UserRows#TIME_ORDER}. */
    private final List<Interaction> history = new ArrayList<>();
    /** The positives of {@link #history}, in its order. */
    private final List<Interaction> positives = new ArrayList<>();

    private UserProfile profile;
    private RecentActivity.Running activity;
    private long rebuilds;

    public UserHistory(UserFeatureRules rules, int recentItems, long sessionGapSeconds) {
        this.rules = rules;
        this.recentItems = recentItems;
        this.sessionGapSeconds = sessionGapSeconds;
        this.profile = new UserProfile(rules);
        this.activity = new RecentActivity.Running(recentItems, sessionGapSeconds);
    }

    /** The history of {@code interactions}, sorted into {@link UserRows#TIME_ORDER} (stable). */
    public static UserHistory of(
            List<Interaction> interactions, UserFeatureRules rules, int recentItems, long sessionGapSeconds) {
        UserHistory h = new UserHistory(rules, recentItems, sessionGapSeconds);
        h.history.addAll(interactions);
        h.history.sort(UserRows.TIME_ORDER);
        h.recompute();
        return h;
    }

    /**
     * The features of a history computed from nothing, the long way: {@link UserProfile#of} and {@link
     * RecentActivity#of} over the history in time order. The definition {@link #features} keeps to.
     */
    public static Features fromScratch(
            List<Interaction> interactions, UserFeatureRules rules, int recentItems, long sessionGapSeconds) {
        List<Interaction> sorted = new ArrayList<>(interactions);
        sorted.sort(UserRows.TIME_ORDER);
        return UserProfile.of(sorted, rules)
                .features()
                .mergedWith(RecentActivity.of(sorted, recentItems, sessionGapSeconds));
    }

    /**
     * Appends one second's interactions, in the order they should have among themselves (by item id, then arrival).
     *
     * @throws IllegalArgumentException when their timestamps differ
     */
    public void addGroup(List<Interaction> group) {
        if (group.isEmpty()) {
            return;
        }
        long second = group.get(0).timestamp();
        for (Interaction i : group) {
            if (i.timestamp() != second) {
                throw new IllegalArgumentException(
                        "a group holds one second's interactions: " + second + " and " + i.timestamp());
            }
        }
        if (history.isEmpty() || lastSecond() < second) {
            history.addAll(group);
            profile.addGroup(group);
            for (Interaction i : group) {
                activity.add(i);
                if (rules.isPositive(i)) {
                    positives.add(i);
                }
            }
        } else {
            history.addAll(group);
            history.sort(UserRows.TIME_ORDER); // stable: the earlier interactions of a tie stay first
            recompute();
        }
    }

    /** The user's row: the profile's features and the recent activity. */
    public Features features() {
        return profile.features().mergedWith(activity.features());
    }

    /** The positives in time order, whose item vectors make the user embedding. */
    public List<Interaction> positives() {
        return positives;
    }

    /** The profile from the interactions strictly before {@code second}: a point-in-time view, as offline samples use. */
    public UserProfile profileBefore(long second) {
        if (history.isEmpty() || lastSecond() < second) {
            return profile;
        }
        int end = 0;
        while (end < history.size() && history.get(end).timestamp() < second) {
            end++;
        }
        return UserProfile.of(history.subList(0, end), rules);
    }

    /** How often a group older than the history's end forced a recomputation, for the tests and metrics. */
    public long rebuilds() {
        return rebuilds;
    }

    public boolean isEmpty() {
        return history.isEmpty();
    }

    private long lastSecond() {
        return history.get(history.size() - 1).timestamp();
    }

    private void recompute() {
        rebuilds++;
        profile = UserProfile.of(history, rules);
        activity = new RecentActivity.Running(recentItems, sessionGapSeconds);
        positives.clear();
        for (Interaction i : history) {
            activity.add(i);
            if (rules.isPositive(i)) {
                positives.add(i);
            }
        }
    }
}
