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

    private volatile Table table = Table.ofCapacity(16);
    private volatile int size;
    private int used; // live entries plus tombstones: what fills the probe chains

    @SuppressWarnings("unchecked")
    V get(int key) {
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
        size++;
    }

    void remove(int key) {
        Table t = table;
        int i = slot(key, t.mask());
        Object v;
        while ((v = t.values().get(i)) != null) {
            if (v != TOMBSTONE && t.keys()[i] == key) {
                t.values().set(i, TOMBSTONE);
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
        Table t = table;
        for (int i = 0; i < t.keys().length; i++) {
            Object v = t.values().get(i);
            if (v != null && v != TOMBSTONE) {
                visitor.accept(t.keys()[i], (V) v);
            }
        }
    }

    private void grow() {
        Table old = table;
        int capacity = old.keys().length;
        while (size * 4 >= capacity) { // at most a quarter full after the rebuild
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
        used = size;
        table = next; // the volatile write publishes the whole table
    }

    private static int slot(int key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }
}
