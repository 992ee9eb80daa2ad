package dev.wren.serving.models;

import dev.wren.core.store.Features;
import java.util.function.Function;

/**
 * Keeps, per user, a value computed from the user's store row (the row encoded for a model, or the user tower's
 * vector) until the row changes. Encoding a row builds and decodes a sample row, 4 % of the recommendation endpoint's
 * CPU when done on every request, while a user's row changes only when one of their events arrives. A hit needs the
 * same row: the same object (the embedded store hands out its rows) or an equal one (Redis decodes a new one per read).
 *
 * <p>Direct-mapped: a user's entry sits at a slot chosen by the user's id and is replaced by any other user mapped
 * there, so memory stays bounded without eviction bookkeeping. Thread-safe without locks: entries are immutable and
 * their fields final, so a racing reader sees either a whole old entry or a whole new one.
 */
final class UserRowCache<T> {
    private record Entry<T>(int userId, Features row, T value) {}

    private final Entry<T>[] entries;

    /** @param capacity the number of slots, rounded up to a power of two */
    @SuppressWarnings("unchecked")
    UserRowCache(int capacity) {
        this.entries = new Entry[capacity <= 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1];
    }

    /** The value for this user and row: the kept one when the row is unchanged, else computed and kept. */
    T get(int userId, Features row, Function<Features, T> compute) {
        int slot = mix(userId) & (entries.length - 1);
        Entry<T> e = entries[slot];
        if (e != null && e.userId() == userId && (e.row() == row || e.row().equals(row))) {
            return e.value();
        }
        T value = compute.apply(row);
        entries[slot] = new Entry<>(userId, row, value);
        return value;
    }

    /** Spreads consecutive ids over the slots' high and low bits alike. */
    private static int mix(int id) {
        int h = id * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
