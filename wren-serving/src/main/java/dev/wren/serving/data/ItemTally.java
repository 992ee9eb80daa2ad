package dev.wren.serving.data;

import java.util.Arrays;

/**
 * Sums evidence per item and remembers, per item, an int tag of its largest single contribution (the liked item that
 * explains a vote, say). Recall channels and the candidate merger add thousands of contributions per request; a map
 * of boxed entry objects cost a tenth of the endpoint's CPU in hash probes and pointer chasing, and a fifth of its
 * allocated bytes. Here the entries are parallel primitive arrays and the hash table holds entry numbers only. Not
 * thread-safe: one per request.
 */
public final class ItemTally {
    private int[] table; // entry number + 1 at the item's probe position; 0 is empty
    private int[] items;
    private double[] sums;
    private double[] best;
    private int[] tags;
    private boolean[] forgotten;
    private int entries;

    /** @param expected about how many items will be added: the arrays grow past it */
    public ItemTally(int expected) {
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) << 1);
        table = new int[capacity];
        int n = Math.max(8, expected);
        items = new int[n];
        sums = new double[n];
        best = new double[n];
        tags = new int[n];
        forgotten = new boolean[n];
    }

    /**
     * Adds the weight to the item's sum. The tag is kept when the weight is the item's largest so far (the earlier
     * tag on a tie); the first weight always sets it.
     *
     * @return whether the item had no entry, or had been {@link #forget forgotten}: its sum starts afresh
     */
    public boolean add(int item, double weight, int tag) {
        int e = entry(item);
        if (e < 0) {
            e = insert(item);
        } else if (!forgotten[e]) {
            sums[e] += weight;
            if (weight > best[e]) {
                best[e] = weight;
                tags[e] = tag;
            }
            return false;
        }
        forgotten[e] = false;
        sums[e] = weight;
        best[e] = weight;
        tags[e] = tag;
        return true;
    }

    /** Drops the item's evidence: a later {@link #add} starts it afresh. */
    public void forget(int item) {
        int e = entry(item);
        if (e >= 0) {
            forgotten[e] = true;
        }
    }

    /** The item's entry number, or -1 when it has none (forgotten entries keep theirs). */
    public int entry(int item) {
        int mask = table.length - 1;
        for (int at = mix(item) & mask; ; at = (at + 1) & mask) {
            int e = table[at] - 1;
            if (e < 0 || items[e] == item) {
                return e;
            }
        }
    }

    /** How many entries there are, forgotten ones included: entry numbers are 0 to entries() - 1. */
    public int entries() {
        return entries;
    }

    public boolean isForgotten(int entry) {
        return forgotten[entry];
    }

    public int item(int entry) {
        return items[entry];
    }

    public double sum(int entry) {
        return sums[entry];
    }

    public int tag(int entry) {
        return tags[entry];
    }

    private int insert(int item) {
        if (entries == items.length) {
            int n = entries * 2;
            items = Arrays.copyOf(items, n);
            sums = Arrays.copyOf(sums, n);
            best = Arrays.copyOf(best, n);
            tags = Arrays.copyOf(tags, n);
            forgotten = Arrays.copyOf(forgotten, n);
        }
        if ((entries + 1) * 2 > table.length) {
            rehash(table.length * 2);
        }
        int e = entries++;
        items[e] = item;
        place(e);
        return e;
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        for (int e = 0; e < entries; e++) {
            place(e);
        }
    }

    private void place(int e) {
        int mask = table.length - 1;
        int at = mix(items[e]) & mask;
        while (table[at] != 0) {
            at = (at + 1) & mask;
        }
        table[at] = e + 1;
    }

    /** Spreads nearby ids (MovieLens ids cluster) over the table. */
    private static int mix(int id) {
        int h = id * 0x9E3779B9;
        return h ^ (h >>> 15);
    }
}
