package dev.wren.store.redis;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one version's rows under its own keys; {@link #commit()} records the version and switches the live key in one
 * Lua script. Closing without a commit deletes the keys written. Not thread-safe.
 */
final class RedisSnapshotWriter implements FeatureStore.SnapshotWriter {
    private static final Logger log = LoggerFactory.getLogger(RedisSnapshotWriter.class);

    private final RedisFeatureStore store;
    private final String version;
    private boolean committed;
    private boolean closed;

    RedisSnapshotWriter(RedisFeatureStore store, String version) {
        this.store = store;
        this.version = version;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public void put(EntityKind kind, Map<Integer, Features> rows) {
        checkOpen();
        store.putRows(version, kind, rows);
    }

    @Override
    public void commit() {
        checkOpen();
        store.commitVersion(version);
        committed = true;
        closed = true;
        log.info("Committed feature store version {} in {}", version, store);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!committed) {
            long deleted = store.deleteVersionKeys(version);
            log.info("Discarded uncommitted feature store version {} ({} keys)", version, deleted);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("snapshot writer for version '" + version + "' is already closed");
        }
    }
}
