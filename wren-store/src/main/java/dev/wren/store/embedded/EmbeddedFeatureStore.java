package dev.wren.store.embedded;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureSpec;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.FeatureType;
import dev.wren.core.store.Features;
import dev.wren.core.store.InvalidFeatureException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default store: the live version's rows decoded in memory, served by hash lookups, optionally persisted
 * to a local folder (see {@link StoreFolder} for the layout). In {@code memory:} mode nothing survives the process.
 *
 * <p>Reads take one volatile reference to the live version and never lock, so a batch sees one version and each row
 * entirely before or after a write. Updates, commits and retains are serialised by one lock. Only the live version is
 * held in memory; older committed versions stay on disk until {@link #retain}. Updates made to the live version while a
 * snapshot is being written are not carried into that snapshot. Thread-safe.
 */
public final class EmbeddedFeatureStore implements FeatureStore {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedFeatureStore.class);

    private final FeatureSchema schema;
    private final StoreFolder folder; // null in memory mode
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private volatile Live live; // null before the first commit
    private volatile List<String> versions;
    private volatile boolean closed;

    /** The live version, its rows, and its update log (null in memory mode). */
    private record Live(String version, VersionRows rows, UpdateLog log) {}

    private EmbeddedFeatureStore(FeatureSchema schema, StoreFolder folder, Live live, List<String> versions) {
        this.schema = schema;
        this.folder = folder;
        this.live = live;
        this.versions = List.copyOf(versions);
    }

    /** A transient store: everything is lost when the process ends. */
    public static EmbeddedFeatureStore inMemory(FeatureSchema schema) {
        return new EmbeddedFeatureStore(Objects.requireNonNull(schema, "schema"), null, null, List.of());
    }

    /**
     * Opens (or creates) a store persisted under {@code dir}: loads the live version, replays its updates, and deletes
     * snapshots that never committed.
     *
     * @throws dev.wren.core.store.FeatureStoreException naming the file when a file is corrupt, or when another store
     *     has the folder open
     */
    public static EmbeddedFeatureStore open(Path dir, FeatureSchema schema) {
        Objects.requireNonNull(schema, "schema");
        StoreFolder folder = StoreFolder.open(dir.toAbsolutePath().normalize());
        try {
            StoreFolder.Manifest manifest = folder.readManifest();
            folder.deleteUncommitted(manifest);
            Live live = null;
            if (manifest.live().isPresent()) {
                String version = manifest.live().get();
                long start = System.nanoTime();
                VersionRows rows = new VersionRows(schema);
                UpdateLog updates = folder.load(version, schema, rows);
                live = new Live(version, rows, updates);
                log.info(
                        "Opened feature store {}: live version {} with {} users and {} items in {} ms",
                        folder.dir(),
                        version,
                        rows.size(EntityKind.USER),
                        rows.size(EntityKind.ITEM),
                        (System.nanoTime() - start) / 1_000_000);
            }
            return new EmbeddedFeatureStore(schema, folder, live, manifest.versions());
        } catch (RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    @Override
    public FeatureSchema schema() {
        return schema;
    }

    @Override
    public Optional<String> liveVersion() {
        Live current = live;
        return current == null ? Optional.empty() : Optional.of(current.version());
    }

    @Override
    public List<String> versions() {
        return versions;
    }

    /** One row without the batch path's map: the recommendation endpoint reads the user's row several times a request. */
    @Override
    public Optional<Features> get(EntityKind kind, int id) {
        Live current = live;
        return current == null
                ? Optional.empty()
                : Optional.ofNullable(current.rows().row(kind, id));
    }

    @Override
    public Map<Integer, Features> get(EntityKind kind, int[] ids) {
        Live current = live;
        if (current == null) {
            return Map.of();
        }
        Map<Integer, Features> out = new HashMap<>(Math.max(4, ids.length * 2));
        for (int id : ids) {
            Features row = current.rows().row(kind, id);
            if (row != null) {
                out.put(id, row);
            }
        }
        return out;
    }

    @Override
    public Map<Integer, float[]> getVectors(EntityKind kind, String feature, int[] ids) {
        checkVector(schema, kind, feature);
        Live current = live;
        if (current == null) {
            return Map.of();
        }
        IntMap<float[]> vectors = current.rows().vectors(kind, feature);
        Map<Integer, float[]> out = new HashMap<>(Math.max(4, ids.length * 2));
        for (int id : ids) {
            float[] v = vectors.get(id);
            if (v != null) {
                out.put(id, v);
            }
        }
        return out;
    }

    /** Refuses a feature that is unknown or not a vector, naming it. */
    private static void checkVector(FeatureSchema schema, EntityKind kind, String feature) {
        FeatureSpec spec = schema.spec(kind, feature);
        if (spec.type() != FeatureType.VECTOR) {
            throw new InvalidFeatureException(
                    kind.name().toLowerCase() + " feature '" + feature + "' is " + spec.type() + ", not a vector");
        }
    }

    @Override
    public void update(EntityKind kind, Map<Integer, Features> rows) {
        rows.forEach((id, row) -> schema.validate(kind, id, row));
        writeLock.lock();
        try {
            checkOpen();
            Live current = live;
            if (current == null) {
                throw new IllegalStateException(
                        "no live version yet: commit a snapshot before sending real-time updates");
            }
            if (current.log() != null) {
                current.log().append(kind, rows);
            }
            rows.forEach((id, row) -> current.rows().merge(kind, id, row));
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void scan(EntityKind kind, BiConsumer<Integer, Features> visitor) {
        Live current = live;
        if (current != null) {
            current.rows().forEach(kind, visitor);
        }
    }

    @Override
    public SnapshotWriter beginSnapshot(String version) {
        FeatureSchema.checkVersion(version);
        checkOpen();
        if (versions.contains(version)) {
            throw new IllegalArgumentException("version '" + version + "' is already committed; pick a new name");
        }
        if (!pending.add(version)) {
            throw new IllegalArgumentException("version '" + version + "' is being written by another writer");
        }
        return new Writer(version);
    }

    @Override
    public void retain(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1 (the live version), got " + keep);
        }
        writeLock.lock();
        try {
            checkOpen();
            Optional<String> liveVersion = liveVersion();
            List<String> others = new ArrayList<>(versions);
            liveVersion.ifPresent(others::remove);
            int drop = Math.max(0, others.size() - (keep - 1));
            List<String> dropped = List.copyOf(others.subList(0, drop));
            if (dropped.isEmpty()) {
                return;
            }
            List<String> kept = new ArrayList<>(versions);
            kept.removeAll(dropped);
            if (folder != null) {
                folder.writeManifest(new StoreFolder.Manifest(liveVersion, kept));
                dropped.forEach(folder::deleteVersion);
            }
            versions = List.copyOf(kept);
            log.info("Dropped feature store versions {}; kept {}", dropped, kept);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            Live current = live;
            UpdateLog updates = current == null ? null : current.log();
            try {
                if (updates != null) {
                    updates.sync();
                }
            } finally {
                // A failed sync still lets the folder go: a lock held on would refuse every later open in this JVM.
                if (updates != null) {
                    updates.close();
                }
                if (folder != null) {
                    folder.close();
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("feature store " + this + " is closed");
        }
    }

    @Override
    public String toString() {
        return "EmbeddedFeatureStore[" + (folder == null ? "memory:" : "embedded:" + folder.dir()) + ", namespace="
                + schema.namespace() + "]";
    }

    /** Builds the new version in memory; commit writes it to its folder, then switches the manifest and the reference. */
    private final class Writer implements SnapshotWriter {
        private final String version;
        private final VersionRows rows = new VersionRows(schema);
        private boolean done;

        Writer(String version) {
            this.version = version;
        }

        @Override
        public String version() {
            return version;
        }

        @Override
        public void put(EntityKind kind, Map<Integer, Features> batch) {
            checkNotDone();
            batch.forEach((id, row) -> schema.validate(kind, id, row));
            batch.forEach((id, row) -> rows.put(kind, id, row));
        }

        @Override
        public void commit() {
            checkNotDone();
            if (folder != null) {
                // Written outside the lock: readers and updates go on while a large snapshot reaches the disk.
                folder.writeSnapshot(version, rows);
            }
            writeLock.lock();
            try {
                checkOpen();
                UpdateLog updates = folder == null ? null : folder.openLog(version, schema, rows);
                List<String> next = new ArrayList<>(versions);
                next.add(version);
                if (folder != null) {
                    try {
                        folder.writeManifest(new StoreFolder.Manifest(Optional.of(version), next));
                    } catch (RuntimeException e) {
                        updates.close();
                        throw e;
                    }
                }
                Live previous = live;
                live = new Live(version, rows, updates);
                versions = List.copyOf(next);
                if (previous != null && previous.log() != null) {
                    previous.log().close();
                }
                done = true;
            } finally {
                writeLock.unlock();
                if (done) {
                    pending.remove(version);
                }
            }
            log.info(
                    "Committed feature store version {}: {} users, {} items",
                    version,
                    rows.size(EntityKind.USER),
                    rows.size(EntityKind.ITEM));
        }

        @Override
        public void close() {
            if (!done) {
                done = true;
                pending.remove(version);
                log.info("Discarded uncommitted feature store version {}", version);
                if (folder != null && !closed) {
                    // Only a failed commit leaves a folder; the manifest does not name it, so this is safe.
                    folder.deleteVersion(version);
                }
            }
        }

        private void checkNotDone() {
            if (done) {
                throw new IllegalStateException("snapshot writer for version '" + version + "' is already closed");
            }
        }
    }
}
