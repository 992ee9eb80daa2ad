package dev.wren.serving.data;

import java.util.Arrays;
import org.agrona.collections.Int2IntHashMap;

/**
 * Maps ids (item ids, say) to dense slots 0..n-1, for lookups on the request path. Ids no larger than a few times the
 * number of entries (MovieLens: 9,742 items up to id 193,609; 62,423 up to 209,171) are looked up in a plain array,
 * one load and no hashing; sparser ids fall back to a primitive hash map. A profile of the recommendation endpoint
 * spent 9 % of its CPU in the hash map's probes, called thousands of times per request. Immutable and thread-safe.
 */
public final class IdSlots {
    /** What {@link #slot} says for an id that has no slot. */
    public static final int NONE = -1;
    /** The dense table may hold this many entries per id, so that memory stays within a small factor of a map. */
    private static final int MAX_SPREAD = 64;

    private final int[] dense; // null when the ids are too sparse
    private final Int2IntHashMap sparse; // null when dense
    private final int size;

    /** Slot i for {@code ids[i]}; ids must be distinct and non-negative for the dense table, any int otherwise. */
    public IdSlots(int[] ids) {
        this.size = ids.length;
        int max = -1;
        boolean negative = false;
        for (int id : ids) {
            max = Math.max(max, id);
            negative |= id < 0;
        }
        if (!negative && (long) max + 1 <= Math.max(1024L, (long) MAX_SPREAD * ids.length)) {
            dense = new int[max + 1];
            Arrays.fill(dense, NONE);
            for (int i = 0; i < ids.length; i++) {
                dense[ids[i]] = i;
            }
            sparse = null;
        } else {
            dense = null;
            sparse = new Int2IntHashMap(ids.length * 2, 0.65f, NONE);
            for (int i = 0; i < ids.length; i++) {
                sparse.put(ids[i], i);
            }
        }
    }

    /** How many slots there are: they are 0..size-1. */
    public int size() {
        return size;
    }

    /** The id's slot, or {@link #NONE}. */
    public int slot(int id) {
        if (dense != null) {
            return id >= 0 && id < dense.length ? dense[id] : NONE;
        }
        return sparse.get(id);
    }
}
