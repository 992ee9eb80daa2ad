package dev.wren.eval.data;

import java.util.Arrays;

/**
 * What a baseline learns from: the training ratings by user, over the catalogue's item slots, with each item's
 * interaction count and popularity rank. Immutable.
 */
public final class TrainingData {
    private final UserIndex users;
    private final ItemSpace items;
    private final int[] counts;
    private final int[] popularityRanks;
    private final int[][] userSlots;

    public TrainingData(RatingLog train, ItemSpace items) {
        this.users = new UserIndex(train);
        this.items = items;
        this.counts = new int[items.size()];
        this.userSlots = new int[users.userCount()][];
        for (int u = 0; u < users.userCount(); u++) {
            int[] own = users.items(u);
            int[] slots = new int[own.length];
            int m = 0;
            for (int id : own) {
                int s = items.slot(id);
                if (s != ItemSpace.NONE) {
                    slots[m++] = s;
                    counts[s]++;
                }
            }
            userSlots[u] = Arrays.copyOf(slots, m);
        }
        Integer[] order = new Integer[items.size()];
        for (int s = 0; s < order.length; s++) {
            order[s] = s;
        }
        Arrays.sort(order, (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : a - b);
        this.popularityRanks = new int[items.size()];
        for (int r = 0; r < order.length; r++) {
            popularityRanks[order[r]] = r + 1;
        }
    }

    public UserIndex users() {
        return users;
    }

    public ItemSpace items() {
        return items;
    }

    /** How many training users interacted with the item in a slot. */
    public int count(int slot) {
        return counts[slot];
    }

    /** The slot's popularity rank, 1 for the most interacted-with item. */
    public int popularityRank(int slot) {
        return popularityRanks[slot];
    }

    /** The item slots of the i-th user of {@link #users()}, sorted. The array is shared: do not change it. */
    public int[] slotsOf(int userIndex) {
        return userSlots[userIndex];
    }

    /** A user's item slots, sorted; empty for a user without training ratings. */
    public int[] slotsOfUser(int userId) {
        return users.indexOf(userId).stream()
                .mapToObj(i -> userSlots[i])
                .findFirst()
                .orElse(new int[0]);
    }
}
