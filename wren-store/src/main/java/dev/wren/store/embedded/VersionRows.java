package dev.wren.store.embedded;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureSpec;
import dev.wren.core.store.FeatureType;
import dev.wren.core.store.FeatureValue;
import dev.wren.core.store.Features;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The decoded rows of one version, plus one map per vector feature so that a batch of vectors is a run of hash
 * lookups in flat int-keyed tables. Rows are immutable {@link Features} swapped whole, so a reader sees a row entirely before or after a write.
 * Reads are thread-safe; writes must be serialised by the caller.
 */
final class VersionRows {
    private final Map<EntityKind, IntMap<Features>> rows = new EnumMap<>(EntityKind.class);
    private final Map<EntityKind, Map<String, IntMap<float[]>>> vectors = new EnumMap<>(EntityKind.class);

    VersionRows(FeatureSchema schema) {
        for (EntityKind kind : EntityKind.values()) {
            rows.put(kind, new IntMap<>());
            Map<String, IntMap<float[]>> byFeature = new HashMap<>();
            for (FeatureSpec spec : schema.features(kind)) {
                if (spec.type() == FeatureType.VECTOR) {
                    byFeature.put(spec.name(), new IntMap<>());
                }
            }
            vectors.put(kind, Map.copyOf(byFeature));
        }
    }

    Features row(EntityKind kind, int id) {
        return rows.get(kind).get(id);
    }

    /** The vector map of one feature, or null when the schema has no such vector. */
    IntMap<float[]> vectors(EntityKind kind, String feature) {
        return vectors.get(kind).get(feature);
    }

    /** Stores or replaces one row; an empty row removes it, as a store keeps no empty rows. */
    void put(EntityKind kind, int id, Features row) {
        if (row.isEmpty()) {
            rows.get(kind).remove(id);
        } else {
            rows.get(kind).put(id, row);
        }
        for (Map.Entry<String, IntMap<float[]>> e : vectors.get(kind).entrySet()) {
            if (row.values().get(e.getKey()) instanceof FeatureValue.Vector v) {
                e.getValue().put(id, v.values());
            } else {
                e.getValue().remove(id);
            }
        }
    }

    /** Lays {@code update} over the current row, name by name, and returns the merged row. */
    Features merge(EntityKind kind, int id, Features update) {
        Features old = row(kind, id);
        Features merged = old == null ? update : old.mergedWith(update);
        put(kind, id, merged);
        return merged;
    }

    void forEach(EntityKind kind, BiConsumer<Integer, Features> visitor) {
        rows.get(kind).forEach(visitor);
    }

    int size(EntityKind kind) {
        return rows.get(kind).size();
    }
}
