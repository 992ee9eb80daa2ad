package dev.wren.eval.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.OptionalInt;

/**
 * A {@link RatingLog}'s rows grouped by user, each user's rows in time order (ties by item id, then by row), and each
 * user's distinct items sorted for membership tests. Immutable.
 */
public final class UserIndex {
    private final RatingLog log;
    private final int[] userIds;
    private final int[] starts;
    private final int[] rows;
    private final int[][] sortedItems;

    public UserIndex(RatingLog log) {
        this.log = log;
        int n = log.size();
        int[] ids = new int[n];
        for (int r = 0; r < n; r++) {
            ids[r] = log.user(r);
        }
        this.userIds = Arrays.stream(ids).sorted().distinct().toArray();
        int users = userIds.length;
        // Rows bucketed by user (a counting sort), then each user's few rows sorted by time.
        this.starts = new int[users + 1];
        int[] userOf = new int[n];
        for (int r = 0; r < n; r++) {
            userOf[r] = Arrays.binarySearch(userIds, log.user(r));
            starts[userOf[r] + 1]++;
        }
        for (int u = 0; u < users; u++) {
            starts[u + 1] += starts[u];
        }
        this.rows = new int[n];
        int[] next = Arrays.copyOf(starts, users);
        for (int r = 0; r < n; r++) {
            rows[next[userOf[r]]++] = r;
        }
        this.sortedItems = new int[users][];
        Comparator<Integer> byTime = Comparator.<Integer>comparingLong(log::timestamp)
                .thenComparingInt(log::item)
                .thenComparingInt(r -> r);
        for (int u = 0; u < users; u++) {
            Integer[] own = new Integer[starts[u + 1] - starts[u]];
            for (int k = 0; k < own.length; k++) {
                own[k] = rows[starts[u] + k];
            }
            Arrays.sort(own, byTime);
            int[] items = new int[own.length];
            for (int k = 0; k < own.length; k++) {
                rows[starts[u] + k] = own[k];
                items[k] = log.item(own[k]);
            }
            sortedItems[u] = Arrays.stream(items).sorted().distinct().toArray();
        }
    }

    public RatingLog log() {
        return log;
    }

    /** How many users have at least one row. */
    public int userCount() {
        return userIds.length;
    }

    /** The i-th user's id; users are in increasing id order. */
    public int userId(int i) {
        return userIds[i];
    }

    /** The position of a user, if it has rows. */
    public OptionalInt indexOf(int userId) {
        int i = Arrays.binarySearch(userIds, userId);
        return i >= 0 ? OptionalInt.of(i) : OptionalInt.empty();
    }

    /** The i-th user's rows in time order. */
    public int[] rows(int i) {
        return Arrays.copyOfRange(rows, starts[i], starts[i + 1]);
    }

    /** The i-th user's distinct items, sorted. The array is shared: do not change it. */
    public int[] items(int i) {
        return sortedItems[i];
    }

    /** A user's distinct items, sorted; empty for a user without rows. The array is shared: do not change it. */
    public int[] itemsOf(int userId) {
        OptionalInt i = indexOf(userId);
        return i.isPresent() ? sortedItems[i.getAsInt()] : new int[0];
    }

    /** Whether the user has a row for the item. */
    public boolean has(int userId, int itemId) {
        return Arrays.binarySearch(itemsOf(userId), itemId) >= 0;
    }
}
