package dev.wren.offline.features;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.features.UserProfile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Each user's features after all the user's events: {@code userId} then {@link UserFeatures#COLUMNS}, one row per
 * user, from a partition sorted by user, time and item id with every user's events in it. The same pass as {@link
 * UserHistoryScan}, same-second groups included, but it emits the last state only, where the scan would write a wide
 * row for every event that the serving features then throw away.
 *
 * <p>Immutable and serializable (shipped to Spark tasks); each call keeps its state in locals, so it is thread-safe.
 */
final class LastUserState implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final UserHistoryScan scan;
    private final int userAt;
    private final int tsAt;
    private final UserFeatureRules rules;

    /** @param in the events' schema: {@code userId, itemId, rating, ts, releaseYear, genres} among its columns */
    LastUserState(StructType in, UserFeatureRules rules) {
        this.scan = new UserHistoryScan(in, rules);
        this.userAt = in.fieldIndex("userId");
        this.tsAt = in.fieldIndex("ts");
        this.rules = rules;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> sorted) {
        return new Iterator<>() {
            private Row pending = sorted.hasNext() ? sorted.next() : null;

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public Row next() {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                int userId = pending.getInt(userAt);
                UserProfile profile = new UserProfile(rules);
                List<Row> group = new ArrayList<>();
                while (pending != null && pending.getInt(userAt) == userId) {
                    long ts = pending.getLong(tsAt);
                    group.clear();
                    while (pending != null && pending.getInt(userAt) == userId && pending.getLong(tsAt) == ts) {
                        group.add(pending);
                        pending = sorted.hasNext() ? sorted.next() : null;
                    }
                    scan.absorb(profile, group);
                }
                Object[] state = UserHistoryScan.snapshot(profile);
                Object[] values = new Object[state.length + 1];
                values[0] = userId;
                System.arraycopy(state, 0, values, 1, state.length);
                return RowFactory.create(values);
            }
        };
    }
}
