package dev.wren.store;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Copies the live snapshot of one feature store into another as a new version there, committed in one switch: how an
 * embedded store's features move to Redis without running the offline pipeline again. Real-time updates made to the
 * source while it copies may or may not be included, row by row.
 */
public final class SnapshotCopy {
    /** Rows per write: large enough that a remote store's round trips do not dominate. */
    static final int BATCH = 2_000;

    /** What was copied. */
    public record Copied(String version, Map<EntityKind, Long> rows) {}

    private SnapshotCopy() {}

    /**
     * Copies {@code from}'s live rows into a new version of {@code to} and makes it live there.
     *
     * @param version the new version's name in {@code to}
     * @param progress told the rows copied so far, after every batch
     * @throws IllegalStateException when {@code from} has no live version, or {@code to} already holds {@code version}
     */
    public static Copied copy(FeatureStore from, FeatureStore to, String version, LongConsumer progress) {
        Objects.requireNonNull(version, "version");
        if (from.liveVersion().isEmpty()) {
            throw new IllegalStateException("the source store has no live version: nothing to copy");
        }
        if (to.versions().contains(version)) {
            throw new IllegalStateException(
                    "the target store already holds version " + version + "; name the copy's version differently");
        }
        Map<EntityKind, Long> counts = new EnumMap<>(EntityKind.class);
        long[] total = {0};
        try (FeatureStore.SnapshotWriter writer = to.beginSnapshot(version)) {
            for (EntityKind kind : EntityKind.values()) {
                Map<Integer, Features> batch = new HashMap<>();
                long[] rows = {0};
                from.scan(kind, (id, features) -> {
                    batch.put(id, features);
                    if (batch.size() == BATCH) {
                        rows[0] += flush(writer, kind, batch);
                        progress.accept(total[0] + rows[0]);
                    }
                });
                rows[0] += flush(writer, kind, batch);
                total[0] += rows[0];
                progress.accept(total[0]);
                counts.put(kind, rows[0]);
            }
            writer.commit();
        }
        return new Copied(version, counts);
    }

    private static int flush(FeatureStore.SnapshotWriter writer, EntityKind kind, Map<Integer, Features> batch) {
        int n = batch.size();
        if (n > 0) {
            writer.put(kind, batch);
            batch.clear();
        }
        return n;
    }
}
