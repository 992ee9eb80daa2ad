package dev.wren.offline.publish;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureSpec;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams serving rows from Spark into one new feature-store snapshot. Columns are matched to the store schema's
 * feature names; nulls are left out of the row. A failure before {@link FeatureStore.SnapshotWriter#commit()} closes
 * the writer uncommitted, so nothing half-written becomes live. Stateless.
 */
public final class SnapshotPublisher {
    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);
    private static final int BATCH = 1_000;

    private SnapshotPublisher() {}

    /** The number of rows published per kind. */
    public record Published(String version, long users, long items) {}

    /**
     * @param users {@code userId} and user feature columns named as in the schema ({@code embedding} a Spark vector)
     * @param items {@code itemId} and item feature columns
     */
    public static Published publish(FeatureStore store, String version, Dataset<Row> users, Dataset<Row> items) {
        FeatureSchema schema = store.schema();
        try (FeatureStore.SnapshotWriter writer = store.beginSnapshot(version)) {
            long u = put(writer, schema, EntityKind.USER, users, "userId");
            long i = put(writer, schema, EntityKind.ITEM, items, "itemId");
            writer.commit();
            log.info("published snapshot {}: {} users, {} items", version, u, i);
            return new Published(version, u, i);
        }
    }

    private static long put(
            FeatureStore.SnapshotWriter writer, FeatureSchema schema, EntityKind kind, Dataset<Row> rows, String id) {
        Set<String> columns = Set.of(rows.columns());
        List<FeatureSpec> specs = schema.features(kind).stream()
                .filter(s -> columns.contains(s.name()))
                .toList();
        Map<Integer, Features> batch = new HashMap<>();
        long count = 0;
        Iterator<Row> it = rows.toLocalIterator();
        while (it.hasNext()) {
            Row row = it.next();
            batch.put(row.getInt(row.fieldIndex(id)), features(row, specs));
            count++;
            if (batch.size() == BATCH) {
                writer.put(kind, batch);
                batch = new HashMap<>();
            }
        }
        if (!batch.isEmpty()) {
            writer.put(kind, batch);
        }
        return count;
    }

    /** A Spark ML vector or an array of numbers (ALS's factors, EASE's weights) as floats. */
    private static float[] floats(Row row, int at) {
        Object v = row.get(at);
        if (v instanceof Vector vector) {
            double[] d = vector.toArray();
            float[] f = new float[d.length];
            for (int k = 0; k < d.length; k++) {
                f[k] = (float) d[k];
            }
            return f;
        }
        List<Number> list = row.getList(at);
        float[] f = new float[list.size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = list.get(k).floatValue();
        }
        return f;
    }

    static Features features(Row row, List<FeatureSpec> specs) {
        Features.Builder b = Features.builder();
        for (FeatureSpec spec : specs) {
            int at = row.fieldIndex(spec.name());
            if (row.isNullAt(at)) {
                continue;
            }
            Object v = row.get(at);
            switch (spec.type()) {
                case NUMBER -> b.number(spec.name(), ((Number) v).doubleValue());
                case TEXT -> b.text(spec.name(), v.toString());
                case INT_LIST -> b.intList(spec.name(), row.<Integer>getList(at));
                case TEXT_LIST -> b.textList(spec.name(), row.<String>getList(at));
                case VECTOR -> b.vector(spec.name(), floats(row, at));
                case FLOAT_LIST -> b.floatList(spec.name(), floats(row, at));
                default -> throw new IllegalStateException(spec.type().name());
            }
        }
        return b.build();
    }
}
