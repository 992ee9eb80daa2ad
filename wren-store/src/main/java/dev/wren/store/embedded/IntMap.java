package dev.wren.store.embedded;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;

/**
 * An int-keyed hash table with open addressing, for the read path: one probe into two flat arrays instead of a boxed key
 * and a node per entry, several times faster than a {@code ConcurrentHashMap<Integer, V>} on a batch of random ids.
 *
 * <p>Any number of readers may run alongside one writer; writers must be serialised by the caller. A value is
 * published with a volatile write after its key, so a reader that sees the value also sees the right key. Removal leaves
 * a tombstone; a growing table is rebuilt and swapped in whole.
 */
final class IntMap<V> {
    private static final Object TOMBSTONE = new Object();

    private record Table(int[] keys, AtomicReferenceArray<Object> values, int mask) {
        static Table ofCapacity(int capacity) {
            return new Table(new int[capacity], new AtomicReferenceArray<>(capacity), capacity - 1);
        }
    }

    // Dense non-negative ids (the usual case: 0..n) live in a plain array indexed by id, one memory access per read.
    private static final int MIN_DIRECT = 1_024;
    private volatile AtomicReferenceArray<Object> direct = new AtomicReferenceArray<>(0);
    private volatile Table table = Table.ofCapacity(16);
    private volatile int size;
    private int hashed; // live entries in the hash table
    private int used; // hash table entries plus tombstones: what fills the probe chains

    @SuppressWarnings("unchecked")
    V get(int key) {
        AtomicReferenceArray<Object> d = direct;
        if (key >= 0 && key < d.length()) {
            Object v = d.get(key);
            return v == TOMBSTONE ? null : (V) v;
        }
        Table t = table;
        int i = slot(key, t.mask());
        Object v;
        while ((v = t.values().get(i)) != null) {
            if (v != TOMBSTONE && t.keys()[i] == key) {
                return (V) v;
            }
            i = (i + 1) & t.mask();
        }
        return null;
    }

    void put(int key, V value) {
        if (key >= 0 && key >= direct.length() && key < 2 * Math.max(size, MIN_DIRECT)) {
            growDirect(key);
        }
        AtomicReferenceArray<Object> d = direct;
        if (key >= 0 && key < d.length()) {
            Object old = d.get(key);
            d.set(key, value);
            if (old == null || old == TOMBSTONE) {
                size++;
            }
            return;
        }
        Table t = table;
        int i = slot(key, t.mask());
        int free = -1;
        Object v;
        while ((v = t.values().get(i)) != null) {
            if (v == TOMBSTONE) {
                if (free < 0) {
                    free = i;
                }
            } else if (t.keys()[i] == key) {
                t.values().set(i, value);
                return;
            }
            i = (i + 1) & t.mask();
        }
        if (free >= 0) {
            i = free; // reuse a tombstone: `used` is unchanged
        } else {
            if ((used + 1) * 2 > t.keys().length) {
                grow();
                put(key, value);
                return;
            }
            used++;
        }
        t.keys()[i] = key;
        t.values().set(i, value);
        hashed++;
        size++;
    }

    void remove(int key) {
        AtomicReferenceArray<Object> d = direct;
        if (key >= 0 && key < d.length()) {
            Object old = d.get(key);
            if (old != null && old != TOMBSTONE) {
                d.set(key, null);
                size--;
            }
            return;
        }
        Table t = table;
        int i = slot(key, t.mask());
        Object v;
        while ((v = t.values().get(i)) != null) {
            if (v != TOMBSTONE && t.keys()[i] == key) {
                t.values().set(i, TOMBSTONE);
                hashed--;
                size--;
                return;
            }
            i = (i + 1) & t.mask();
        }
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<Integer, V> visitor) {
        AtomicReferenceArray<Object> d = direct;
        for (int i = 0; i < d.length(); i++) {
            Object v = d.get(i);
            if (v != null && v != TOMBSTONE) {
                visitor.accept(i, (V) v);
            }
        }
        Table t = table;
        for (int i = 0; i < t.keys().length; i++) {
            Object v = t.values().get(i);
            if (v != null && v != TOMBSTONE) {
                visitor.accept(t.keys()[i], (V) v);
            }
        }
    }

    /**
     * Widens the direct array to cover {@code key}, moving hashed entries that now fall inside it. The new array is
     * complete before it is published, and the moved entries leave the hash table only after, so a reader finds each
     * entry in whichever array it looks.
     */
    private void growDirect(int key) {
        AtomicReferenceArray<Object> old = direct;
        int length = Integer.highestOneBit(Math.max(MIN_DIRECT, key + 1) * 2 - 1);
        if (length <= key) {
            length *= 2;
        }
        AtomicReferenceArray<Object> next = new AtomicReferenceArray<>(length);
        for (int i = 0; i < old.length(); i++) {
            next.lazySet(i, old.get(i));
        }
        Table t = table;
        java.util.List<Integer> moved = new java.util.ArrayList<>();
        for (int i = 0; i < t.keys().length; i++) {
            Object v = t.values().get(i);
            int k = t.keys()[i];
            if (v != null && v != TOMBSTONE && k >= old.length() && k < length) {
                next.lazySet(k, v);
                moved.add(k);
            }
        }
        direct = next;
        for (int k : moved) {
            removeHashed(k); // counted again below, as the direct array now holds it
            size++;
        }
    }

    private void removeHashed(int key) {
        Table t = table;
        int i = slot(key, t.mask());
        Object v;
        while ((v = t.values().get(i)) != null) {
            if (v != TOMBSTONE && t.keys()[i] == key) {
                t.values().set(i, TOMBSTONE);
                hashed--;
                size--;
                return;
            }
            i = (i + 1) & t.mask();
        }
    }

    private void grow() {
        Table old = table;
        int capacity = old.keys().length;
        while (hashed * 4 >= capacity) { // at most a quarter full after the rebuild
            capacity *= 2;
        }
        Table next = Table.ofCapacity(capacity);
        for (int i = 0; i < old.keys().length; i++) {
            Object v = old.values().get(i);
            if (v != null && v != TOMBSTONE) {
                int j = slot(old.keys()[i], next.mask());
                while (next.values().get(j) != null) {
                    j = (j + 1) & next.mask();
                }
                next.keys()[j] = old.keys()[i];
                next.values().lazySet(j, v);
            }
        }
        used = hashed;
        table = next; // the volatile write publishes the whole table
    }

    private static int slot(int key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }
}
