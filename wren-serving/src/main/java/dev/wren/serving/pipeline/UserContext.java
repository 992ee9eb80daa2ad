package dev.wren.serving.pipeline;

import dev.wren.serving.data.UserRatings;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the stages know about one user at request time: the ratings file plus the events since start-up, and the
 * serving features from the store. Immutable; one per request.
 *
 * <p>A class rather than a record for one private field: the seen items as a bit set over item ids, built once per
 * request, since the recall channels ask {@link #hasSeen} for thousands of items per request (a binary search over the
 * ratings each, 4 % of the endpoint's CPU in a profile).
 */
public final class UserContext {
    /** Seen ids above this are checked by search, not in the bit set (whose size follows the largest seen id). */
    private static final int MAX_BITSET_ID = 1 << 24;

    private final int userId;
    private final UserRatings rated;
    private final Set<Integer> liveSeen;
    private final List<Integer> recentPositives;
    private final Optional<float[]> embedding;
    private final List<String> topGenres;
    /** Bit i set: the user has seen item i; {@link #SPARSE} when a seen id is beyond {@link #MAX_BITSET_ID}. */
    private volatile long[] seen; // built on first use; racing threads build the same bits

    private static final long[] SPARSE = new long[0];

    /**
     * @param userId the user
     * @param rated the ratings loaded from the ratings file
     * @param liveSeen the items rated or clicked since start-up
     * @param recentPositives the most recent liked items, most recent first
     * @param embedding the user's embedding from the store, when it has one
     * @param topGenres the genres the user likes most, most liked first
     */
    public UserContext(
            int userId,
            UserRatings rated,
            Set<Integer> liveSeen,
            List<Integer> recentPositives,
            Optional<float[]> embedding,
            List<String> topGenres) {
        this.userId = userId;
        this.rated = rated;
        this.liveSeen = Set.copyOf(liveSeen);
        this.recentPositives = List.copyOf(recentPositives);
        this.embedding = embedding;
        this.topGenres = List.copyOf(topGenres);
    }

    private static long[] bits(UserRatings rated, Set<Integer> live) {
        int max = -1;
        int[] sorted = rated.sortedItems();
        if (sorted.length > 0) {
            // The ratings' ids are kept sorted: their range is at the two ends.
            if (sorted[0] < 0 || sorted[sorted.length - 1] > MAX_BITSET_ID) {
                return SPARSE;
            }
            max = sorted[sorted.length - 1];
        }
        for (int id : live) {
            if (id < 0 || id > MAX_BITSET_ID) {
                return SPARSE;
            }
            max = Math.max(max, id);
        }
        long[] bits = new long[(max >> 6) + 1];
        for (int id : sorted) {
            bits[id >> 6] |= 1L << id;
        }
        for (int id : live) {
            bits[id >> 6] |= 1L << id;
        }
        return bits;
    }

    public int userId() {
        return userId;
    }

    /** The ratings loaded from the ratings file. */
    public UserRatings rated() {
        return rated;
    }

    /** The items rated or clicked since start-up. */
    public Set<Integer> liveSeen() {
        return liveSeen;
    }

    /** The most recent liked items, most recent first. */
    public List<Integer> recentPositives() {
        return recentPositives;
    }

    /** The user's embedding from the store, when it has one. */
    public Optional<float[]> embedding() {
        return embedding;
    }

    /** The genres the user likes most, most liked first. */
    public List<String> topGenres() {
        return topGenres;
    }

    /** Whether the user has rated or clicked the item. */
    public boolean hasSeen(int itemId) {
        long[] bits = seen;
        if (bits == null) {
            bits = bits(rated, liveSeen);
            seen = bits;
        }
        if (bits != SPARSE) {
            int word = itemId >> 6;
            return itemId >= 0 && word < bits.length && (bits[word] & (1L << itemId)) != 0;
        }
        return liveSeen.contains(itemId) || rated.rated(itemId);
    }

    /** How many items the user has rated or clicked (an upper bound: an item may be counted twice). */
    public int seenCount() {
        return rated.size() + liveSeen.size();
    }

    /** A user the system has never seen. */
    public boolean isCold() {
        return seenCount() == 0 && recentPositives.isEmpty() && embedding.isEmpty();
    }
}
