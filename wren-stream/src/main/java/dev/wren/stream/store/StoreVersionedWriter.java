package dev.wren.stream.store;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import java.util.HashMap;
import java.util.Map;

/**
 * Versioned writes through the {@link FeatureStore} interface: read the stored stream times, then update the rows that
 * are newer. The read and the write are two steps, so this is exact only while no one else writes these rows between
 * them: the embedded store, which one process owns (its folder is locked) and which the job writes from one sink task.
 * Not thread-safe.
 */
public final class StoreVersionedWriter implements VersionedWriter {
    private final FeatureStore store;

    /** @param store the store; not closed by this writer */
    public StoreVersionedWriter(FeatureStore store) {
        this.store = store;
    }

    @Override
    public int write(EntityKind kind, Map<Integer, Features> rows) {
        Map<Integer, Features> stored = store.get(kind, FeatureStore.ids(rows.keySet()));
        Map<Integer, Features> newer = new HashMap<>();
        rows.forEach((id, row) -> {
            Features old = stored.get(id);
            double time = VersionedWriter.streamTime(id, row);
            if (old == null
                    || old.number(FeatureSchema.STREAM_TIME).isEmpty()
                    || old.number(FeatureSchema.STREAM_TIME).getAsDouble() < time) {
                newer.put(id, row);
            }
        });
        if (!newer.isEmpty()) {
            store.update(kind, newer);
        }
        return newer.size();
    }

    @Override
    public void close() {}
}
