package dev.wren.data.stats;

import dev.wren.core.model.Item;
import dev.wren.core.model.User;
import dev.wren.data.movielens.MovieLensReader;
import dev.wren.data.movielens.RatingVisitor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Accumulates {@link DatasetStats} from a stream of ratings with primitive arrays, so visiting 25 million ratings
 * allocates nothing per rating. Not thread-safe.
 */
public final class DatasetStatsBuilder implements RatingVisitor {
    private static final int TOP = 10;
    private static final int FIRST_YEAR = 1900;
    private static final int YEARS = 300;
    private static final int HALF_STEPS = 21;
    private static final long SECONDS_PER_MEAN_YEAR = 31_556_952L;
    private static final long[] YEAR_STARTS = yearStarts();

    private final BitSet users = new BitSet();
    private long[] itemCounts = new long[1024];
    private final long[] halfStars = new long[HALF_STEPS];
    private final SortedMap<Float, Long> otherRatings = new TreeMap<>();
    private final long[] years = new long[YEARS];
    private final SortedMap<Integer, Long> otherYears = new TreeMap<>();
    private long ratings;

    static DatasetStats compute(MovieLensReader reader) {
        DatasetStatsBuilder builder = new DatasetStatsBuilder();
        reader.forEachRating(builder);
        long[] tags = {0};
        reader.forEachTag(t -> tags[0]++);
        List<User> fileUsers = reader.layout().usersFile().isPresent() ? reader.users() : List.of();
        return builder.build(
                reader.layout().name(),
                reader.items(),
                fileUsers,
                tags[0],
                reader.report().totalBadRows());
    }

    @Override
    public void visit(int userId, int itemId, float rating, long timestamp) {
        ratings++;
        if (userId >= 0) {
            users.set(userId);
        }
        if (itemId >= 0) {
            if (itemId >= itemCounts.length) {
                itemCounts = Arrays.copyOf(itemCounts, Math.max(itemId + 1, itemCounts.length * 2));
            }
            itemCounts[itemId]++;
        }
        float twice = rating * 2;
        if (twice >= 0 && twice < HALF_STEPS && twice == (int) twice) {
            halfStars[(int) twice]++;
        } else {
            otherRatings.merge(rating, 1L, Long::sum);
        }
        int slot = yearSlot(timestamp);
        if (slot >= 0) {
            years[slot]++;
        } else {
            otherYears.merge(
                    LocalDate.ofEpochDay(Math.floorDiv(timestamp, 86_400L)).getYear(), 1L, Long::sum);
        }
    }

    /** The year's slot in {@link #years} from a table of year starts, or -1 outside it; no date object per rating. */
    private int yearSlot(long timestamp) {
        if (timestamp < YEAR_STARTS[0] || timestamp >= YEAR_STARTS[YEARS]) {
            return -1;
        }
        int slot = (int) Math.min(YEARS - 1, Math.max(0, (timestamp - YEAR_STARTS[0]) / SECONDS_PER_MEAN_YEAR));
        while (timestamp < YEAR_STARTS[slot]) {
            slot--;
        }
        while (timestamp >= YEAR_STARTS[slot + 1]) {
            slot++;
        }
        return slot;
    }

    private static long[] yearStarts() {
        long[] starts = new long[YEARS + 1];
        for (int i = 0; i <= YEARS; i++) {
            starts[i] = LocalDate.of(FIRST_YEAR + i, 1, 1).toEpochDay() * 86_400L;
        }
        return starts;
    }

    /**
     * The statistics of the ratings visited so far.
     *
     * @param layout the layout name to record
     * @param items the catalogue, for the item count and the titles of the most rated movies
     * @param fileUsers users of a demographics file, counted even when they rated nothing
     * @param tags the number of tags
     * @param badRows bad rows skipped while reading
     */
    public DatasetStats build(
            String layout, Map<Integer, Item> items, Collection<User> fileUsers, long tags, long badRows) {
        BitSet allUsers = (BitSet) users.clone();
        fileUsers.forEach(u -> allUsers.set(u.id()));
        long userCount = allUsers.cardinality();
        long itemCount = items.size();
        double cells = (double) userCount * itemCount;
        double sparsity = cells == 0 ? 1.0 : 1.0 - ratings / cells;

        SortedMap<Float, Long> histogram = new TreeMap<>(otherRatings);
        for (int i = 0; i < HALF_STEPS; i++) {
            if (halfStars[i] > 0) {
                histogram.put(i / 2f, halfStars[i]);
            }
        }
        SortedMap<Integer, Long> perYear = new TreeMap<>(otherYears);
        for (int i = 0; i < YEARS; i++) {
            if (years[i] > 0) {
                perYear.put(FIRST_YEAR + i, years[i]);
            }
        }
        long rated = 0;
        List<TopItem> top = new ArrayList<>();
        for (int id = 0; id < itemCounts.length; id++) {
            if (itemCounts[id] > 0) {
                rated++;
                Item item = items.get(id);
                top.add(new TopItem(id, item == null ? "" : item.title(), itemCounts[id]));
            }
        }
        top.sort((a, b) ->
                a.ratings() != b.ratings() ? Long.compare(b.ratings(), a.ratings()) : Integer.compare(a.id(), b.id()));
        List<TopItem> mostRated = top.subList(0, Math.min(TOP, top.size()));
        return new DatasetStats(
                layout, userCount, itemCount, rated, ratings, sparsity, histogram, perYear, mostRated, tags, badRows);
    }
}
