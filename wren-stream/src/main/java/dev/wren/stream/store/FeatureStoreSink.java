package dev.wren.stream.store;

import dev.wren.core.features.Interaction;
import dev.wren.core.features.UserEmbedding;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.store.FeatureStores;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes rows to the feature store's live version: the newest row per entity is kept until a batch fills, a checkpoint
 * comes or the input ends, then user rows get their embedding (wren-core's {@link UserEmbedding} over the item vectors
 * in the store) and every row goes through a {@link VersionedWriter}. At least once, made idempotent by the versions:
 * after a restore, rows written again reflect no later time than the stored ones and are skipped. The embedded store
 * can be opened by one task only, so the job runs this sink as a single task.
 */
public final class FeatureStoreSink implements Sink<RowWrite> {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(FeatureStoreSink.class);

    private final String storeUri;
    private final int embeddingDimension;
    private final double embeddingHalfLifeDays;
    private final int batchSize;
    private final long flushMillis;

    /**
     * @param storeUri where to write: {@code embedded:/dir} or {@code redis://host:port/db}
     * @param embeddingDimension the store schema's embedding dimension
     * @param embeddingHalfLifeDays the user features' embedding half-life
     * @param batchSize rows held before a write
     * @param flushMillis the longest a row is held before it is written (wall-clock time)
     */
    public FeatureStoreSink(
            String storeUri, int embeddingDimension, double embeddingHalfLifeDays, int batchSize, long flushMillis) {
        this.storeUri = storeUri;
        this.embeddingDimension = embeddingDimension;
        this.embeddingHalfLifeDays = embeddingHalfLifeDays;
        this.batchSize = batchSize;
        this.flushMillis = flushMillis;
    }

    @Override
    public SinkWriter<RowWrite> createWriter(WriterInitContext context) {
        FeatureStore store = FeatureStores.open(storeUri, FeatureSchema.standard(embeddingDimension));
        try {
            if (store.liveVersion().isEmpty()) {
                throw new IllegalStateException("the feature store " + store
                        + " has no live version to update: publish one first (wren offline, or wren serve bootstraps"
                        + " one)");
            }
            VersionedWriter writer = isRedis(storeUri)
                    ? RedisVersionedWriter.open(URI.create(storeUri), store.schema())
                    : new StoreVersionedWriter(store);
            var metrics = context.metricGroup();
            Writer w = new Writer(
                    store,
                    writer,
                    metrics.counter("rowsWritten"),
                    metrics.counter("staleRowsSkipped"),
                    new Freshness(store.toString(), 10_000));
            w.flushEvery(context.getProcessingTimeService());
            return w;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    static boolean isRedis(String uri) {
        return uri.regionMatches(true, 0, "redis://", 0, 8) || uri.regionMatches(true, 0, "rediss://", 0, 9);
    }

    private final class Writer implements SinkWriter<RowWrite> {
        private final FeatureStore store;
        private final VersionedWriter writer;
        private final Counter written;
        private final Counter stale;
        private final Freshness freshness;
        private final Map<EntityKind, Map<Integer, RowWrite>> held = new EnumMap<>(EntityKind.class);
        private int size;

        Writer(FeatureStore store, VersionedWriter writer, Counter written, Counter stale, Freshness freshness) {
            this.store = store;
            this.writer = writer;
            this.written = written;
            this.stale = stale;
            this.freshness = freshness;
        }

        /** Writes what is held every {@code flushMillis}, so a quiet stream's rows do not wait for a checkpoint. */
        void flushEvery(ProcessingTimeService time) {
            time.registerTimer(time.getCurrentProcessingTime() + flushMillis, now -> {
                if (size > 0) {
                    flush(false);
                }
                freshness.tick();
                flushEvery(time);
            });
        }

        @Override
        public void write(RowWrite row, Context context) {
            Map<Integer, RowWrite> rows = held.computeIfAbsent(row.kind(), k -> new HashMap<>());
            RowWrite before = rows.get(row.id());
            if (before == null) {
                size++;
            }
            if (before == null) {
                rows.put(row.id(), row);
            } else if (before.streamTime() <= row.streamTime()) {
                // Laid over the held row name by name, as the store does: a later item row without a CTR (its window
                // had no exposures) must not drop the CTR of an earlier one in the same batch.
                rows.put(row.id(), row.over(before));
            }
            if (size >= batchSize) {
                flush(false);
            }
        }

        @Override
        public void flush(boolean endOfInput) {
            for (Map.Entry<EntityKind, Map<Integer, RowWrite>> e : held.entrySet()) {
                if (e.getValue().isEmpty()) {
                    continue;
                }
                Map<Integer, Features> rows =
                        e.getKey() == EntityKind.USER ? withEmbeddings(e.getValue()) : features(e.getValue());
                int n = writer.write(e.getKey(), rows);
                long now = System.currentTimeMillis();
                e.getValue().values().forEach(r -> freshness.written(r.loggedAt(), now));
                written.inc(n);
                stale.inc(rows.size() - n);
                log.debug("Wrote {} {} rows; {} were stale", n, e.getKey(), rows.size() - n);
                e.getValue().clear();
            }
            size = 0;
        }

        private Map<Integer, Features> features(Map<Integer, RowWrite> rows) {
            Map<Integer, Features> out = new HashMap<>(rows.size() * 2);
            rows.forEach((id, row) -> out.put(id, row.features()));
            return out;
        }

        /** Adds each user's embedding, from the vectors of all the batch's positives read in one go. */
        private Map<Integer, Features> withEmbeddings(Map<Integer, RowWrite> rows) {
            Set<Integer> items = new HashSet<>();
            rows.values().forEach(r -> {
                for (int item : r.positiveItems()) {
                    items.add(item);
                }
            });
            Map<Integer, float[]> vectors =
                    store.getVectors(EntityKind.ITEM, FeatureSchema.EMBEDDING, FeatureStore.ids(items));
            Map<Integer, Features> out = new HashMap<>(rows.size() * 2);
            rows.forEach((id, row) -> {
                Features features = row.features();
                var embedding =
                        UserEmbedding.of(positives(row), vectors::get, embeddingDimension, embeddingHalfLifeDays);
                out.put(
                        id,
                        embedding.isEmpty()
                                ? features
                                : features.mergedWith(Features.builder()
                                        .vector(FeatureSchema.EMBEDDING, embedding.get())
                                        .build()));
            });
            return out;
        }

        /** The positives as the embedding needs them: item and time (its rating, year and genres do not matter). */
        private List<Interaction> positives(RowWrite row) {
            List<Interaction> out = new ArrayList<>(row.positiveItems().length);
            for (int i = 0; i < row.positiveItems().length; i++) {
                out.add(new Interaction(
                        row.positiveItems()[i], Double.NaN, row.positiveTimes()[i], OptionalInt.empty(), List.of()));
            }
            return out;
        }

        @Override
        public void close() {
            freshness.close();
            try {
                writer.close();
            } finally {
                store.close();
            }
        }
    }
}
