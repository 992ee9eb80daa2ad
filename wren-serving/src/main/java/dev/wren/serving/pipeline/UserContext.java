package dev.wren.serving.pipeline;

import dev.wren.core.recommend.UserView;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import dev.wren.serving.data.CfModel;
import dev.wren.serving.data.IdSlots;
import dev.wren.serving.data.UserRatings;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the stages know about one user at request time: the ratings file plus the events since start-up, and the user's
 * store row, read once for the request. Serving's {@link UserView}: the stages also read from it the user's
 * collaborative-filter factors and EASE scores. Immutable; one per request.
 *
 * <p>A class rather than a record for two private fields computed on first use. The seen items as a bit set over the
 * catalogue's slots, since the recall channels ask {@link #hasSeen} for thousands of items per request (a binary search
 * over the ratings each, 4 % of the endpoint's CPU in a profile). A bit set over item ids instead would follow the
 * largest id (24 KB for MovieLens's 193,609) and was 2.5 % of the CPU to build and clear on each request; over slots it
 * is 1.2 KB for ml-latest-small's 9,742 items. And the EASE scores, which the EASE channel and the {@code cf} and
 * {@code learned} rankers share, and which a request served by neither never computes.
 */
public final class UserContext implements UserView {
    private final int userId;
    private final UserRatings rated;
    private final Set<Integer> liveSeen;
    private final List<Integer> recentPositives;
    private final List<String> topGenres;
    private final Optional<Features> storeRow;
    private final boolean storeHealthy;
    private final Optional<float[]> embedding;
    private final Optional<float[]> cfFactors;
    private final IdSlots slots;
    private final CfModel cf;
    /** Bit i set: the user has seen the item in slot i. */
    private volatile long[] seen; // built on first use; racing threads build the same bits
    /** Computed on first use and shared by the stages that read it; racing threads compute the same scores. */
    private volatile CfModel.EaseScores easeScores;

    /**
     * @param userId the user
     * @param rated the ratings loaded from the ratings file
     * @param liveSeen the items rated or clicked since start-up
     * @param recentPositives the most recent liked items, most recent first
     * @param topGenres the genres the user likes most, most liked first
     * @param storeRow the user's store row as read for this request, when there is one and the store answered; the
     *     embedding and the ALS factors come from it
     * @param storeHealthy whether the store answered the read
     * @param slots the catalogue's slots: seen items outside them are found by search, not in the bit set
     * @param cf the state's collaborative filters
     */
    public UserContext(
            int userId,
            UserRatings rated,
            Set<Integer> liveSeen,
            List<Integer> recentPositives,
            List<String> topGenres,
            Optional<Features> storeRow,
            boolean storeHealthy,
            IdSlots slots,
            CfModel cf) {
        if (!storeHealthy && storeRow.isPresent()) {
            throw new IllegalArgumentException("a row cannot have been read from a store that did not answer");
        }
        this.userId = userId;
        this.rated = rated;
        this.liveSeen = Set.copyOf(liveSeen);
        this.recentPositives = List.copyOf(recentPositives);
        this.topGenres = List.copyOf(topGenres);
        this.storeRow = storeRow;
        this.storeHealthy = storeHealthy;
        this.embedding = storeRow.flatMap(r -> r.vector(FeatureSchema.EMBEDDING));
        this.cfFactors = storeRow.flatMap(r -> r.vector(FeatureSchema.CF_FACTORS));
        this.slots = slots;
        this.cf = cf;
    }

    private long[] bits() {
        long[] bits = new long[(slots.size() >> 6) + 1];
        for (int id : rated.sortedItems()) {
            set(bits, slots.slot(id));
        }
        for (int id : liveSeen) {
            set(bits, slots.slot(id));
        }
        return bits;
    }

    private static void set(long[] bits, int slot) {
        if (slot != IdSlots.NONE) {
            bits[slot >> 6] |= 1L << slot;
        }
    }

    @Override
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
    @Override
    public List<Integer> recentPositives() {
        return recentPositives;
    }

    /** The user's embedding from the store, when it has one. */
    @Override
    public Optional<float[]> embedding() {
        return embedding;
    }

    /** The genres the user likes most, most liked first. */
    @Override
    public List<String> topGenres() {
        return topGenres;
    }

    /** Whether the user has rated or clicked the item. */
    @Override
    public boolean hasSeen(int itemId) {
        int slot = slots.slot(itemId);
        if (slot == IdSlots.NONE) {
            return liveSeen.contains(itemId) || rated.rated(itemId);
        }
        return hasSeenAt(slot);
    }

    /** Whether the user has rated or clicked the item in this catalogue slot. */
    public boolean hasSeenAt(int slot) {
        long[] bits = seen;
        if (bits == null) {
            bits = bits();
            seen = bits;
        }
        return (bits[slot >> 6] & (1L << slot)) != 0;
    }

    /** How many items the user has rated or clicked (an upper bound: an item may be counted twice). */
    @Override
    public int seenCount() {
        return rated.size() + liveSeen.size();
    }

    /** The user's ALS factors from the store, when it has them. */
    public Optional<float[]> cfFactors() {
        return cfFactors;
    }

    /** The state's collaborative filters. */
    public CfModel cf() {
        return cf;
    }

    /** The catalogue slots of the items the user rated or clicked, each once. */
    public int[] seenSlots() {
        long[] bits = seen;
        if (bits == null) {
            bits = bits();
            seen = bits;
        }
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        int[] out = new int[count];
        int k = 0;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                out[k++] = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return out;
    }

    /** The user's EASE scores from everything they rated or clicked, computed once per request. */
    public CfModel.EaseScores easeScores() {
        CfModel.EaseScores scores = easeScores;
        if (scores == null) {
            int[] history = new int[rated.size() + liveSeen.size()];
            System.arraycopy(rated.items(), 0, history, 0, rated.size());
            int k = rated.size();
            for (int id : liveSeen) {
                if (!rated.rated(id)) {
                    history[k++] = id;
                }
            }
            scores = cf.easeScores(Arrays.copyOf(history, k));
            easeScores = scores;
        }
        return scores;
    }

    /** Whether the system knows the user at all: from the ratings file, an event since start-up or a store row. */
    public boolean known() {
        return rated.size() > 0 || !liveSeen.isEmpty() || storeRow.isPresent();
    }

    @Override
    public Optional<Features> storeRow() {
        return storeRow;
    }

    @Override
    public boolean storeHealthy() {
        return storeHealthy;
    }
}
