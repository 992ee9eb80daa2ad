package dev.wren.serving.trend;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.serving.data.Catalog;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link Trending} snapshot fresh: every {@link TrendSettings#refreshEvery} it reads the trend and its time of
 * every catalogue item from the store (two fields a row, never the vectors), so a request reads a reference and never
 * the store. When the store cannot be read, the last snapshot stays and the failure is logged once, until a read
 * succeeds again. Thread-safe; {@link #close} stops the background thread.
 */
public final class TrendTracker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrendTracker.class);
    private static final List<String> FEATURES = List.of(FeatureSchema.TRENDING_COUNT, FeatureSchema.STREAM_TIME);

    private final FeatureStore store;
    private final TrendSettings settings;
    private final AtomicReference<Trending> current = new AtomicReference<>(Trending.NONE);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wren-trends");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean failing;

    public TrendTracker(FeatureStore store, TrendSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The latest snapshot; {@link Trending#NONE} before the first refresh. */
    public Trending current() {
        return current.get();
    }

    public TrendSettings settings() {
        return settings;
    }

    /** Refreshes once now, then in the background, over the items of whatever catalogue {@code catalog} gives then. */
    public void start(Supplier<Catalog> catalog) {
        refreshQuietly(catalog);
        long every = settings.refreshEvery().toMillis();
        timer.scheduleWithFixedDelay(() -> refreshQuietly(catalog), every, every, TimeUnit.MILLISECONDS);
    }

    /** Reads the trends of the catalogue's items and makes them the current snapshot. */
    public Trending refresh(Catalog catalog) {
        int[] ids = new int[catalog.size()];
        for (int slot = 0; slot < ids.length; slot++) {
            ids[slot] = catalog.idAt(slot);
        }
        Trending next = Trending.of(store.get(EntityKind.ITEM, ids, FEATURES), settings.window(), settings.keep());
        current.set(next);
        return next;
    }

    // Package-private for the test of a failing store.
    void refreshQuietly(Supplier<Catalog> catalog) {
        try {
            refresh(catalog.get());
            if (failing) {
                failing = false;
                log.info("Reading item trends from the feature store again");
            }
        } catch (RuntimeException e) {
            // A background poll has no caller to tell: keep the last trends, say so once.
            if (!failing) {
                failing = true;
                log.warn("Cannot read item trends from the feature store, keeping the last ones: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
