package dev.wren.eval.data;

import java.util.Arrays;
import java.util.Collection;

/** The catalogue's item ids, each with a dense slot (0 to size - 1) in increasing id order. Immutable. */
public final class ItemSpace {
    public static final int NONE = -1;

    private final int[] ids;

    public ItemSpace(Collection<Integer> itemIds) {
        this.ids =
                itemIds.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }

    public int size() {
        return ids.length;
    }

    /** The item in a slot. */
    public int id(int slot) {
        return ids[slot];
    }

    /** The item's slot, or {@link #NONE} for an item outside the catalogue. */
    public int slot(int itemId) {
        int s = Arrays.binarySearch(ids, itemId);
        return s >= 0 ? s : NONE;
    }
}
