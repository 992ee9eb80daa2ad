package dev.wren.offline.features;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One pass over a user's events in time order that attaches to each event the user's statistics from events strictly
 * before it. Events of the same second form a group: every event of a group gets the state from before the group, then
 * the whole group is added. Each statistic is a running value, so a user with n events costs O(n), where a window
 * frame that collects the whole history for every event costs O(n^2).
 *
 * <p>The running mean and variance use the same update as Spark's {@code avg} and {@code stddev_pop}. Immutable and
 * serializable (shipped to Spark tasks); each call keeps its state in locals, so it is thread-safe.
 */
final class UserHistoryScan implements FlatMapGroupsFunction<Integer, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final int itemAt;
    private final int ratingAt;
    private final int tsAt;
    private final int yearAt;
    private final int genresAt;
    private final int width;
    private final double positiveThreshold;
    private final int recentPositives;
    private final int topGenres;
    private final double halfLifeSeconds;

    /** @param in the events' schema: {@code itemId, rating, ts, releaseYear, genres} among its columns */
    UserHistoryScan(StructType in, UserFeatureParams params) {
        this.itemAt = in.fieldIndex("itemId");
        this.ratingAt = in.fieldIndex("rating");
        this.tsAt = in.fieldIndex("ts");
        this.yearAt = in.fieldIndex("releaseYear");
        this.genresAt = in.fieldIndex("genres");
        this.width = in.size();
        this.positiveThreshold = params.positiveThreshold();
        this.recentPositives = params.recentPositives();
        this.topGenres = params.topGenres();
        this.halfLifeSeconds = params.genreHalfLifeDays() * 86_400;
    }

    /** @param events one user's events, sorted by time (then item id) */
    @Override
    public Iterator<Row> call(Integer userId, Iterator<Row> events) {
        return new Scan(events);
    }

    /** The running state of one user, and the group of same-second events being emitted. */
    private final class Scan implements Iterator<Row> {
        private final Iterator<Row> events;
        private final Moments ratings = new Moments();
        private final Moments years = new Moments();
        // The last positives, oldest first: (time, item id) pairs arrive in ascending order.
        private final ArrayDeque<Integer> recent = new ArrayDeque<>();
        private final Map<String, Double> genreScore = new HashMap<>();
        private long lastPositiveTs;
        private scala.collection.immutable.Seq<String> rankedGenres = seq(List.of());
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
                absorb(group);
                group.clear();
                emitted = 0;
                long ts = pending.getLong(tsAt);
                while (pending != null && pending.getLong(tsAt) == ts) {
                    group.add(pending);
                    pending = events.hasNext() ? events.next() : null;
                }
                state = snapshot();
            }
            Row event = group.get(emitted++);
            Object[] values = new Object[width + state.length];
            for (int i = 0; i < width; i++) {
                values[i] = event.get(i);
            }
            System.arraycopy(state, 0, values, width, state.length);
            return RowFactory.create(values);
        }

        /** The features as of now, in {@link UserFeatures#COLUMNS} order. */
        private Object[] snapshot() {
            List<Integer> newestFirst = new ArrayList<>(recent.size());
            recent.descendingIterator().forEachRemaining(newestFirst::add);
            return new Object[] {
                ratings.n, ratings.mean(), ratings.std(), years.mean(), years.std(), seq(newestFirst), rankedGenres
            };
        }

        /** Adds a finished group of same-second events to the state. */
        private void absorb(List<Row> finished) {
            if (finished.isEmpty()) {
                return;
            }
            long ts = finished.get(0).getLong(tsAt);
            boolean positives = false;
            for (Row e : finished) {
                if (!e.isNullAt(ratingAt)) {
                    ratings.add(e.getDouble(ratingAt));
                }
                if (!e.isNullAt(yearAt)) {
                    years.add(e.getInt(yearAt));
                }
                if (e.isNullAt(ratingAt) || e.getDouble(ratingAt) < positiveThreshold) {
                    continue;
                }
                if (!positives) {
                    // Scores are kept as of the newest positive: one common factor, so the ranking is the same
                    // as with weights taken at any later time.
                    double decay = Math.pow(0.5, (ts - lastPositiveTs) / halfLifeSeconds);
                    genreScore.replaceAll((g, s) -> s * decay);
                    lastPositiveTs = ts;
                    positives = true;
                }
                if (!e.isNullAt(itemAt)) {
                    // Events arrive sorted by item id within the second: the deque's tail stays the newest.
                    recent.addLast(e.getInt(itemAt));
                    if (recent.size() > recentPositives) {
                        recent.removeFirst();
                    }
                }
                if (!e.isNullAt(genresAt)) {
                    for (String g : e.<String>getList(genresAt)) {
                        genreScore.merge(g, 1.0, Double::sum);
                    }
                }
            }
            if (positives) {
                rankedGenres = rank();
            }
        }

        private scala.collection.immutable.Seq<String> rank() {
            @SuppressWarnings("unchecked")
            Map.Entry<String, Double>[] entries = genreScore.entrySet().toArray(Map.Entry[]::new);
            Arrays.sort(
                    entries,
                    Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()));
            List<String> top = new ArrayList<>(Math.min(topGenres, entries.length));
            for (int i = 0; i < entries.length && i < topGenres; i++) {
                top.add(entries[i].getKey());
            }
            return seq(top);
        }
    }

    /** Spark's row encoder wants Scala sequences for array columns. */
    private static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toList();
    }

    /** A running mean and population variance, updated as Spark's central-moment aggregates do. */
    private static final class Moments {
        private long n;
        private double sum;
        private double avg;
        private double m2;

        void add(double x) {
            long newN = n + 1;
            double delta = x - avg;
            double deltaN = delta / newN;
            avg += deltaN;
            m2 += delta * (delta - deltaN);
            sum += x;
            n = newN;
        }

        /** Like Spark's {@code avg}: the sum over the count; null when empty. */
        Double mean() {
            return n == 0 ? null : sum / n;
        }

        Double std() {
            return n == 0 ? null : Math.sqrt(m2 / n);
        }
    }
}
