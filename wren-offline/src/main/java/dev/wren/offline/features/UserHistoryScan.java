package dev.wren.offline.features;

import dev.wren.core.features.Interaction;
import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.features.UserProfile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One pass over a user's events in time order that attaches to each event the user's features from events strictly
 * before it, as {@link UserProfile} defines them (the definition serving uses too). Events of the same second form a
 * group: every event of a group gets the state from before the group, then the whole group is added. Each statistic is
 * a running value, so a user with n events costs O(n), where a window frame that collects the whole history for every
 * event costs O(n^2).
 *
 * <p>Immutable and serializable (shipped to Spark tasks); each call keeps its state in locals, so it is thread-safe.
 */
final class UserHistoryScan implements FlatMapGroupsFunction<Integer, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final int itemAt;
    private final int ratingAt;
    private final int tsAt;
    private final int yearAt;
    private final int genresAt;
    private final int width;
    private final UserFeatureRules rules;

    /** @param in the events' schema: {@code itemId, rating, ts, releaseYear, genres} among its columns */
    UserHistoryScan(StructType in, UserFeatureRules rules) {
        this.itemAt = in.fieldIndex("itemId");
        this.ratingAt = in.fieldIndex("rating");
        this.tsAt = in.fieldIndex("ts");
        this.yearAt = in.fieldIndex("releaseYear");
        this.genresAt = in.fieldIndex("genres");
        this.width = in.size();
        this.rules = rules;
    }

    /** @param events one user's events, sorted by time (then item id) */
    @Override
    public Iterator<Row> call(Integer userId, Iterator<Row> events) {
        return new Scan(events);
    }

    /** The running state of one user, and the group of same-second events being emitted. */
    private final class Scan implements Iterator<Row> {
        private final Iterator<Row> events;
        private final UserProfile profile = new UserProfile(rules);
        private final List<Row> group = new ArrayList<>();
        private Row pending;
        private Object[] state;
        private int emitted;

        Scan(Iterator<Row> events) {
            this.events = events;
            this.pending = events.hasNext() ? events.next() : null;
        }

        @Override
        public boolean hasNext() {
            return emitted < group.size() || pending != null;
        }

        @Override
        public Row next() {
            if (emitted == group.size()) {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                absorb(profile, group);
                group.clear();
                emitted = 0;
                long ts = pending.getLong(tsAt);
                while (pending != null && pending.getLong(tsAt) == ts) {
                    group.add(pending);
                    pending = events.hasNext() ? events.next() : null;
                }
                state = snapshot(profile);
            }
            Row event = group.get(emitted++);
            Object[] values = new Object[width + state.length];
            for (int i = 0; i < width; i++) {
                values[i] = event.get(i);
            }
            System.arraycopy(state, 0, values, width, state.length);
            return RowFactory.create(values);
        }
    }

    /** The features as of now, in {@link UserFeatures#COLUMNS} order. */
    static Object[] snapshot(UserProfile profile) {
        return new Object[] {
            profile.ratingCount(),
            boxed(profile.ratingAvg()),
            boxed(profile.ratingStd()),
            boxed(profile.releaseYearAvg()),
            boxed(profile.releaseYearStd()),
            seq(profile.recentPositives()),
            seq(profile.topGenres())
        };
    }

    /** Adds a finished group of same-second events to the profile; sentinels (no item, no rating) add nothing. */
    void absorb(UserProfile profile, List<Row> finished) {
        List<Interaction> interactions = new ArrayList<>(finished.size());
        for (Row e : finished) {
            if (e.isNullAt(itemAt) || e.isNullAt(ratingAt)) {
                continue;
            }
            interactions.add(new Interaction(
                    e.getInt(itemAt),
                    e.getDouble(ratingAt),
                    e.getLong(tsAt),
                    e.isNullAt(yearAt) ? OptionalInt.empty() : OptionalInt.of(e.getInt(yearAt)),
                    e.isNullAt(genresAt) ? List.of() : e.<String>getList(genresAt)));
        }
        profile.addGroup(interactions);
    }

    private static Double boxed(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    /** Spark's row encoder wants Scala sequences for array columns. */
    private static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toList();
    }
}
