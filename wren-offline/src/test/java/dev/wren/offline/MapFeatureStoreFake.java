package dev.wren.offline;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * TEST FAKE for fault injection only: a map-backed {@link FeatureStore} that fails on the n-th {@code put}, to prove
 * that a failed run publishes nothing. Every other test publishes through the real {@code EmbeddedFeatureStore}.
 * Not thread-safe.
 */
public final class MapFeatureStoreFake implements FeatureStore {
    private final FeatureSchema schema;
    private final Map<String, Map<EntityKind, Map<Integer, Features>>> versions = new HashMap<>();
    private final List<String> committed = new ArrayList<>();
    private final int failOnPut;
    private final AtomicInteger puts = new AtomicInteger();
    private String live;
    /** Snapshots closed without a commit. */
    public final List<String> discarded = new ArrayList<>();

    public MapFeatureStoreFake(FeatureSchema schema) {
        this(schema, -1);
    }

    /** @param failOnPut the 1-based put call that throws, or -1 for never */
    public MapFeatureStoreFake(FeatureSchema schema, int failOnPut) {
        this.schema = schema;
        this.failOnPut = failOnPut;
    }

    @Override
    public FeatureSchema schema() {
        return schema;
    }

    @Override
    public Optional<String> liveVersion() {
        return Optional.ofNullable(live);
    }

    @Override
    public List<String> versions() {
        return List.copyOf(committed);
    }

    @Override
    public Map<Integer, Features> get(EntityKind kind, int[] ids) {
        Map<Integer, Features> out = new HashMap<>();
        if (live == null) {
            return out;
        }
        Map<Integer, Features> rows = versions.get(live).getOrDefault(kind, Map.of());
        for (int id : ids) {
            if (rows.containsKey(id)) {
                out.put(id, rows.get(id));
            }
        }
        return out;
    }

    @Override
    public Map<Integer, float[]> getVectors(EntityKind kind, String feature, int[] ids) {
        Map<Integer, float[]> out = new HashMap<>();
        get(kind, ids).forEach((id, f) -> f.vector(feature).ifPresent(v -> out.put(id, v)));
        return out;
    }

    @Override
    public void update(EntityKind kind, Map<Integer, Features> rows) {
        throw new UnsupportedOperationException("not needed by the offline tests");
    }

    @Override
    public void scan(EntityKind kind, BiConsumer<Integer, Features> visitor) {
        if (live != null) {
            versions.get(live).getOrDefault(kind, Map.of()).forEach(visitor);
        }
    }

    @Override
    public SnapshotWriter beginSnapshot(String version) {
        FeatureSchema.checkVersion(version);
        Map<EntityKind, Map<Integer, Features>> rows = new HashMap<>();
        return new SnapshotWriter() {
            private boolean done;

            @Override
            public String version() {
                return version;
            }

            @Override
            public void put(EntityKind kind, Map<Integer, Features> batch) {
                if (puts.incrementAndGet() == failOnPut) {
                    throw new IllegalStateException("fake store failure on put " + failOnPut);
                }
                batch.forEach((id, f) -> schema.validate(kind, id, f));
                rows.computeIfAbsent(kind, k -> new HashMap<>()).putAll(batch);
            }

            @Override
            public void commit() {
                versions.put(version, rows);
                committed.add(version);
                live = version;
                done = true;
            }

            @Override
            public void close() {
                if (!done) {
                    discarded.add(version);
                }
            }
        };
    }

    @Override
    public void retain(int keep) {}

    @Override
    public void close() {}
}
