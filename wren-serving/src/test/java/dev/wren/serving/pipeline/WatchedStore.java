package dev.wren.serving.pipeline;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.FeatureStoreException;
import dev.wren.core.store.Features;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * A real store that counts the reads of each user's row and fails those of some users, as a store whose shard holding
 * them went away would; {@link #beforeUserRead} lets a test order concurrent requests. Thread-safe.
 */
final class WatchedStore implements FeatureStore {
    private final FeatureStore real;
    private final Map<Integer, AtomicInteger> userReads = new ConcurrentHashMap<>();
    private volatile Set<Integer> unreachable = Set.of();
    private volatile IntConsumer beforeUserRead = id -> {};

    WatchedStore(FeatureStore real) {
        this.real = real;
    }

    /** From now on, reads of these users' rows fail. */
    void unreachableFor(Set<Integer> userIds) {
        unreachable = Set.copyOf(userIds);
    }

    /** Runs before every read of a user row, with the user's id, on the reading thread. */
    void beforeUserRead(IntConsumer hook) {
        beforeUserRead = hook;
    }

    /** How many times the user's row was read since the last {@link #resetCounts}. */
    int userReads(int userId) {
        AtomicInteger n = userReads.get(userId);
        return n == null ? 0 : n.get();
    }

    void resetCounts() {
        userReads.clear();
    }

    private void reading(EntityKind kind, int[] ids) {
        if (kind != EntityKind.USER) {
            return;
        }
        for (int id : ids) {
            beforeUserRead.accept(id);
            userReads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            if (unreachable.contains(id)) {
                throw new FeatureStoreException("unreachable", new RuntimeException("connection refused"));
            }
        }
    }

    @Override
    public Optional<Features> get(EntityKind kind, int id) {
        reading(kind, new int[] {id});
        return real.get(kind, id);
    }

    @Override
    public Map<Integer, Features> get(EntityKind kind, int[] ids) {
        reading(kind, ids);
        return real.get(kind, ids);
    }

    @Override
    public Map<Integer, Features> get(EntityKind kind, int[] ids, Collection<String> features) {
        reading(kind, ids);
        return real.get(kind, ids, features);
    }

    @Override
    public Map<Integer, float[]> getVectors(EntityKind kind, String feature, int[] ids) {
        reading(kind, ids);
        return real.getVectors(kind, feature, ids);
    }

    @Override
    public FeatureSchema schema() {
        return real.schema();
    }

    @Override
    public Optional<String> liveVersion() {
        return real.liveVersion();
    }

    @Override
    public List<String> versions() {
        return real.versions();
    }

    @Override
    public void update(EntityKind kind, Map<Integer, Features> rows) {
        real.update(kind, rows);
    }

    @Override
    public void scan(EntityKind kind, BiConsumer<Integer, Features> visitor) {
        real.scan(kind, visitor);
    }

    @Override
    public SnapshotWriter beginSnapshot(String version) {
        return real.beginSnapshot(version);
    }

    @Override
    public void retain(int keep) {
        real.retain(keep);
    }

    @Override
    public void close() {
        real.close();
    }
}
