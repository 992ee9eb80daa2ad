package dev.wren.core.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Serving features: user and item feature rows (embeddings included) under versioned snapshots.
 *
 * <p>Reads and {@link #update real-time updates} go to the live version. An offline run writes a whole new version
 * through {@link #beginSnapshot}, beside the live one, and {@link SnapshotWriter#commit()} makes it live in one atomic
 * switch. Every row is validated against {@link #schema()}. Implementations are thread-safe.
 */
public interface FeatureStore extends AutoCloseable {

    FeatureSchema schema();

    /** The version that reads see, or empty before the first commit. */
    Optional<String> liveVersion();

    /** Every committed version still kept, oldest first. */
    List<String> versions();

    /** The live rows of these ids; ids without a row are absent from the map. */
    Map<Integer, Features> get(EntityKind kind, int[] ids);

    /** One live row. */
    default Optional<Features> get(EntityKind kind, int id) {
        return Optional.ofNullable(get(kind, new int[] {id}).get(id));
    }

    /**
     * Only the named features of many rows: what a reader that polls a few small features of every item (the trending
     * items, say) needs, without moving each row's vectors. Ids with none of these features are absent. The default
     * reads whole rows; a remote store should read only the fields.
     *
     * @throws InvalidFeatureException when a name is not a feature of that kind
     */
    default Map<Integer, Features> get(EntityKind kind, int[] ids, Collection<String> features) {
        features.forEach(name -> schema().spec(kind, name));
        Map<Integer, Features> out = new HashMap<>();
        get(kind, ids).forEach((id, row) -> {
            Features.Builder b = Features.builder();
            for (String name : features) {
                row.get(name).ifPresent(v -> b.value(name, v));
            }
            Features projected = b.build();
            if (!projected.isEmpty()) {
                out.put(id, projected);
            }
        });
        return out;
    }

    /**
     * One vector feature of many ids, the hot path of retrieval and ranking. Ids without that vector are absent. The
     * arrays may be shared with the store's cache: do not modify them.
     */
    Map<Integer, float[]> getVectors(EntityKind kind, String feature, int[] ids);

    /**
     * Lays these features over the live rows, name by name (the real-time tier's single-user updates). Creates rows
     * that do not exist yet.
     *
     * @throws IllegalStateException when no version is live yet
     */
    void update(EntityKind kind, Map<Integer, Features> rows);

    /** Visits every live row of one kind, for bulk loads such as building an ANN index. */
    void scan(EntityKind kind, BiConsumer<Integer, Features> visitor);

    /** Starts writing a new version beside the live one. Nothing is visible until {@link SnapshotWriter#commit()}. */
    SnapshotWriter beginSnapshot(String version);

    /** Drops committed versions other than the live one and the newest {@code keep - 1} others. */
    void retain(int keep);

    @Override
    void close();

    /** Writes one new version. Closing it without a commit discards what it wrote. Not thread-safe. */
    interface SnapshotWriter extends AutoCloseable {
        String version();

        /** Writes or replaces rows in the new version; batch as large as you like. */
        void put(EntityKind kind, Map<Integer, Features> rows);

        /** Makes the new version live, atomically for readers. */
        void commit();

        /** Discards the version unless it was committed. */
        @Override
        void close();
    }

    /** Convenience for collections of ids. */
    static int[] ids(Collection<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
