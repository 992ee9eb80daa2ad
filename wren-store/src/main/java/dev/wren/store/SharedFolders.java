package dev.wren.store;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.FeatureStoreException;
import dev.wren.core.store.Features;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * The embedded store folders that {@link FeatureStores} has open in this process. A folder's lock admits one store
 * per process, and {@code wren demo} runs the server and the stream job (whose sink opens the store by its URI in a
 * Flink task) side by side in one process: so a second open of the same folder gets a handle on the store already
 * open, and the store closes when its last handle does. Another process is still refused by the lock. Thread-safe.
 */
final class SharedFolders {
    private final Map<Path, Entry> open = new HashMap<>();

    private static final class Entry {
        final EmbeddedFeatureStore store;
        int handles;

        Entry(EmbeddedFeatureStore store) {
            this.store = store;
        }
    }

    /** A handle on the store of {@code dir}, opening it if no handle in this process has it open. */
    synchronized FeatureStore open(Path dir, FeatureSchema schema) {
        Path key = dir.toAbsolutePath().normalize();
        Entry entry = open.get(key);
        if (entry == null) {
            entry = new Entry(EmbeddedFeatureStore.open(key, schema));
            open.put(key, entry);
        } else if (!entry.store.schema().equals(schema)) {
            throw new FeatureStoreException(
                    "feature store folder " + key + " is already open in this process with another schema");
        }
        entry.handles++;
        return new Handle(key, entry.store);
    }

    private synchronized void release(Path key) {
        Entry entry = open.get(key);
        if (entry != null && --entry.handles == 0) {
            open.remove(key);
            entry.store.close();
        }
    }

    /** One opener's view of a shared store: closing it closes the store only when no other handle is left. */
    private final class Handle implements FeatureStore {
        private final Path key;
        private final FeatureStore store;
        private final AtomicBoolean closed = new AtomicBoolean();

        Handle(Path key, FeatureStore store) {
            this.key = key;
            this.store = store;
        }

        private FeatureStore store() {
            if (closed.get()) {
                throw new IllegalStateException("feature store handle on " + key + " is closed");
            }
            return store;
        }

        @Override
        public FeatureSchema schema() {
            return store.schema();
        }

        @Override
        public Optional<String> liveVersion() {
            return store().liveVersion();
        }

        @Override
        public List<String> versions() {
            return store().versions();
        }

        @Override
        public Map<Integer, Features> get(EntityKind kind, int[] ids) {
            return store().get(kind, ids);
        }

        @Override
        public Map<Integer, Features> get(EntityKind kind, int[] ids, Collection<String> features) {
            return store().get(kind, ids, features);
        }

        @Override
        public Map<Integer, float[]> getVectors(EntityKind kind, String feature, int[] ids) {
            return store().getVectors(kind, feature, ids);
        }

        @Override
        public void update(EntityKind kind, Map<Integer, Features> rows) {
            store().update(kind, rows);
        }

        @Override
        public void scan(EntityKind kind, BiConsumer<Integer, Features> visitor) {
            store().scan(kind, visitor);
        }

        @Override
        public SnapshotWriter beginSnapshot(String version) {
            return store().beginSnapshot(version);
        }

        @Override
        public void retain(int keep) {
            store().retain(keep);
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(key);
            }
        }

        @Override
        public String toString() {
            return store.toString();
        }
    }
}
