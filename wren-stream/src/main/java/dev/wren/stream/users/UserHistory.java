package dev.wren.stream.users;

import dev.wren.core.features.Interaction;
import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.features.UserProfile;
import dev.wren.core.features.UserRows;
import dev.wren.core.store.Features;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One user's history, the dataset's ratings and the events applied so far, and the features it gives, kept up to date
 * as events are added in any order. The features are a function of the set of interactions alone, whatever order they
 * were added in, and equal {@link #fromScratch}:
 *
 * <ul>
 *   <li>wren-core's {@link UserProfile} over the history in {@link #PROFILE_ORDER} ({@link UserRows#TIME_ORDER}, as
 *       serving and the offline pipeline sort it), one second's group at a time as {@link UserProfile#of} adds them;
 *   <li>{@link RecentActivity} over the history in {@link #TIME_ORDER}, to the millisecond, so that the newest items of
 *       one second are in the order they happened.
 * </ul>
 *
 * An event newer than the history's newest second is added to the profile in place; one of that second re-adds the
 * second's group to a copy of the profile before it; an older one (an event that arrived out of order) recomputes the
 * profile from the whole history, counted in {@link #rebuilds}. Not thread-safe: one per user, in one task.
 */
public final class UserHistory {
    /**
     * Time to the millisecond; the dataset's interactions before events of the same time, in the dataset's order; then
     * events by when serving logged them and what they hold, so that no two different events tie.
     */
    static final Comparator<Timed> TIME_ORDER = Comparator.comparingLong(Timed::timeMillis)
            .thenComparingLong(Timed::seq)
            .thenComparingLong(Timed::loggedAt)
            .thenComparingInt(t -> t.interaction().itemId())
            .thenComparingDouble(t -> t.interaction().rating());

    /** wren-core's {@link UserRows#TIME_ORDER} (second, item), ties as in {@link #TIME_ORDER}. */
    static final Comparator<Timed> PROFILE_ORDER =
            Comparator.comparing(Timed::interaction, UserRows.TIME_ORDER).thenComparing(TIME_ORDER);

    private final UserFeatureRules rules;
    private final int recentItems;
    private final long sessionGapSeconds;
    private final List<Timed> byTime = new ArrayList<>();
    private final List<Timed> byProfile = new ArrayList<>();
    /** The positives of {@link #byProfile}, in its order. */
    private final List<Timed> positives = new ArrayList<>();

    /** Everything before the newest second. */
    private UserProfile before;
    /** Everything. */
    private UserProfile profile;

    private RecentActivity.Running activity;
    private int events;
    private long newestEventMillis = Long.MIN_VALUE;
    private long rebuilds;

    private UserHistory(UserFeatureRules rules, int recentItems, long sessionGapSeconds) {
        this.rules = rules;
        this.recentItems = recentItems;
        this.sessionGapSeconds = sessionGapSeconds;
    }

    /**
     * An interaction with where it stands in time.
     *
     * @param interaction the interaction (its time in whole seconds)
     * @param timeMillis its time in milliseconds
     * @param loggedAt when serving logged it (ms), {@link Long#MIN_VALUE} for the dataset's
     * @param seq 0 for an event; for the dataset's ratings, their order (negative, so that they come first)
     */
    public record Timed(Interaction interaction, long timeMillis, long loggedAt, long seq) {
        /** An event applied by the job. */
        public static Timed event(Interaction interaction, long timeMillis, long loggedAt) {
            return new Timed(interaction, timeMillis, loggedAt, 0);
        }
    }

    /**
     * The history of the dataset's ratings (any order; ties keep their order) and the events applied so far (any
     * order).
     */
    public static UserHistory of(
            List<Interaction> dataset,
            List<Timed> events,
            UserFeatureRules rules,
            int recentItems,
            long sessionGapSeconds) {
        UserHistory h = new UserHistory(rules, recentItems, sessionGapSeconds);
        h.byTime.addAll(datasetTimed(dataset));
        h.byTime.addAll(events);
        h.byTime.sort(TIME_ORDER);
        h.byProfile.addAll(h.byTime);
        h.byProfile.sort(PROFILE_ORDER);
        h.events = events.size();
        for (Timed e : events) {
            h.newestEventMillis = Math.max(h.newestEventMillis, e.timeMillis());
        }
        h.recompute();
        h.rebuilds = 0;
        return h;
    }

    /**
     * The features of a history computed from nothing, the long way: {@link UserProfile#of} over it in {@link
     * #PROFILE_ORDER} and {@link RecentActivity#of} over it in {@link #TIME_ORDER}. The definition {@link #features}
     * keeps to.
     */
    public static Features fromScratch(
            List<Interaction> dataset,
            List<Timed> events,
            UserFeatureRules rules,
            int recentItems,
            long sessionGapSeconds) {
        List<Timed> all = new ArrayList<>(datasetTimed(dataset));
        all.addAll(events);
        all.sort(PROFILE_ORDER);
        UserProfile profile = UserProfile.of(interactions(all), rules);
        all.sort(TIME_ORDER);
        return profile.features().mergedWith(RecentActivity.of(interactions(all), recentItems, sessionGapSeconds));
    }

    /** Adds an event, whatever its time. */
    public void add(Timed event) {
        events++;
        newestEventMillis = Math.max(newestEventMillis, event.timeMillis());
        int t = insert(byTime, event, TIME_ORDER);
        if (t == byTime.size() - 1) {
            activity.add(event.interaction());
        } else {
            activity = activityOf(byTime);
        }
        if (rules.isPositive(event.interaction())) {
            insert(positives, event, PROFILE_ORDER);
        }
        int p = insert(byProfile, event, PROFILE_ORDER);
        long second = event.interaction().timestamp();
        if (p == byProfile.size() - 1 && (p == 0 || second(p - 1) < second)) {
            before = profile.copy();
            profile.addGroup(List.of(event.interaction()));
        } else if (second == second(byProfile.size() - 1)) {
            profile = before.copy();
            profile.addGroup(interactions(byProfile.subList(newestSecondStart(), byProfile.size())));
        } else {
            recompute();
        }
    }

    /** The user's row: the profile's features and the recent activity. */
    public Features features() {
        return profile.features().mergedWith(activity.features());
    }

    /** The positives in {@link #PROFILE_ORDER}, whose item vectors make the user embedding. */
    public List<Interaction> positives() {
        return interactions(positives);
    }

    /** The profile from the interactions strictly before {@code second}: a point-in-time view, as offline samples use. */
    public UserProfile profileBefore(long second) {
        if (byProfile.isEmpty() || second(byProfile.size() - 1) < second) {
            return profile;
        }
        if (second(byProfile.size() - 1) == second) {
            return before;
        }
        int end = 0;
        while (end < byProfile.size() && second(end) < second) {
            end++;
        }
        return UserProfile.of(interactions(byProfile.subList(0, end)), rules);
    }

    /** How many events (not dataset ratings) the history holds. */
    public int events() {
        return events;
    }

    /** The newest event's time (ms), {@link Long#MIN_VALUE} before the first event. */
    public long newestEventMillis() {
        return newestEventMillis;
    }

    /** How often an event older than the history's newest second forced a recomputation, for the tests and metrics. */
    public long rebuilds() {
        return rebuilds;
    }

    private long second(int index) {
        return byProfile.get(index).interaction().timestamp();
    }

    private int newestSecondStart() {
        long newest = second(byProfile.size() - 1);
        int start = byProfile.size() - 1;
        while (start > 0 && second(start - 1) == newest) {
            start--;
        }
        return start;
    }

    private void recompute() {
        rebuilds++;
        activity = activityOf(byTime);
        if (byProfile.isEmpty()) {
            before = new UserProfile(rules);
            profile = new UserProfile(rules);
        } else {
            int start = newestSecondStart();
            before = UserProfile.of(interactions(byProfile.subList(0, start)), rules);
            profile = before.copy();
            profile.addGroup(interactions(byProfile.subList(start, byProfile.size())));
        }
        positives.clear();
        for (Timed t : byProfile) {
            if (rules.isPositive(t.interaction())) {
                positives.add(t);
            }
        }
    }

    private RecentActivity.Running activityOf(List<Timed> inTimeOrder) {
        RecentActivity.Running running = new RecentActivity.Running(recentItems, sessionGapSeconds);
        for (Timed t : inTimeOrder) {
            running.add(t.interaction());
        }
        return running;
    }

    /** Inserts {@code t} at its place in the sorted {@code list}; returns the place. */
    private static int insert(List<Timed> list, Timed t, Comparator<Timed> order) {
        int at = Collections.binarySearch(list, t, order);
        at = at < 0 ? -at - 1 : at + 1; // an equal one already there (the same event twice): after it
        list.add(at, t);
        return at;
    }

    private static List<Timed> datasetTimed(List<Interaction> dataset) {
        List<Interaction> sorted = new ArrayList<>(dataset);
        sorted.sort(UserRows.TIME_ORDER); // stable: ties keep the dataset's order
        List<Timed> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Interaction d = sorted.get(i);
            out.add(new Timed(d, d.timestamp() * 1000, Long.MIN_VALUE, i - (long) sorted.size()));
        }
        return out;
    }

    private static List<Interaction> interactions(List<Timed> timed) {
        List<Interaction> out = new ArrayList<>(timed.size());
        for (Timed t : timed) {
            out.add(t.interaction());
        }
        return out;
    }
}
