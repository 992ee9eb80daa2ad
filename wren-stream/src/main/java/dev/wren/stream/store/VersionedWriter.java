package dev.wren.stream.store;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Upserts rows into the store's live version unless the stored row already holds the same or a later version ({@link
 * FeatureSchema#STREAM_TIME}: an item window's end, a user's newest event time with the count of its events, see
 * {@link RowWrite#user}): a write never takes a row back, so replaying events after a failure leaves the store as it
 * was. Rows are laid over the stored ones name by name, as {@code FeatureStore.update} does.
 */
public interface VersionedWriter extends AutoCloseable {

    /**
     * @param rows rows that each hold {@link FeatureSchema#STREAM_TIME}
     * @return how many rows were written; the others were stale
     */
    int write(EntityKind kind, Map<Integer, Features> rows);

    @Override
    void close();

    /** A row's stream time, which every row given to a writer must have. */
    static double streamTime(int id, Features row) {
        OptionalDouble t = row.number(FeatureSchema.STREAM_TIME);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("row " + id + " has no " + FeatureSchema.STREAM_TIME);
        }
        return t.getAsDouble();
    }
}
