package dev.wren.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.serving.ab.BanditFeedback;
import dev.wren.serving.ab.FeedbackEventLog;
import dev.wren.serving.events.EventLog;
import dev.wren.serving.events.JsonLinesEventLog;
import dev.wren.serving.events.KafkaEventLog;
import dev.wren.serving.events.RealtimeUpdater;
import dev.wren.serving.events.RecentEvents;
import dev.wren.serving.http.HttpApi;
import dev.wren.serving.http.Services;
import dev.wren.serving.models.ModelsWatcher;
import dev.wren.serving.pipeline.Recommender;
import dev.wren.serving.pipeline.ServingState;
import dev.wren.serving.pipeline.StageFactories;
import dev.wren.serving.pipeline.StateHolder;
import dev.wren.serving.pipeline.StateLoader;
import dev.wren.serving.trend.TrendTracker;
import dev.wren.store.FeatureStores;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running serving tier: feature store, serving state, pipeline, event log and HTTP server. {@link #start} returns
 * once the first state is loaded and the port is listening; with a models folder, a new bundle there loads a new state in
 * the background (as {@link #reload} does); {@link #close} stops everything it opened. Thread-safe.
 */
public final class WrenServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WrenServer.class);
    /** Ranking requests scored at the same time; more wait for a predictor (one PyTorch thread each). */
    static final int SCORER_POOL = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** How often the models folder is checked for a new bundle. */
    static final Duration WATCH_EVERY = Duration.ofSeconds(5);

    private final Javalin app;
    private final FeatureStore store;
    private final StateHolder state;
    private final EventLog eventLog;
    private final ModelsWatcher watcher; // null without a models folder
    private final TrendTracker trends;

    private WrenServer(
            Javalin app,
            FeatureStore store,
            StateHolder state,
            EventLog eventLog,
            ModelsWatcher watcher,
            TrendTracker trends) {
        this.watcher = watcher;
        this.trends = trends;
        this.app = app;
        this.store = store;
        this.state = state;
        this.eventLog = eventLog;
    }

    /** Starts with the built-in stages. */
    public static WrenServer start(ServingConfig config) {
        return start(config, StageFactories.builtIn());
    }

    /**
     * Starts with these stages (the built-ins plus, say, a DeepFM ranker registered with {@link
     * StageFactories#withRanker}).
     *
     * @throws IllegalArgumentException when the configuration names a stage that is not registered
     * @throws dev.wren.serving.pipeline.BrokenStateException when the data cannot be loaded
     */
    public static WrenServer start(ServingConfig config, StageFactories factories) {
        requireTokenBeyondLoopback(config);
        FeatureStore store = FeatureStores.open(config.storeUri(), FeatureSchema.standard(config.embeddingDimension()));
        EventLog eventLog = null;
        StateHolder state = null;
        TrendTracker trends = new TrendTracker(store, config.trends());
        try {
            ObjectMapper json = new ObjectMapper()
                    .registerModule(new Jdk8Module())
                    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
            RecentEvents recent = new RecentEvents();
            StateLoader loader = new StateLoader(
                    store,
                    recent,
                    config.pipeline(),
                    config.experiments(),
                    factories,
                    config.embeddingDimension(),
                    config.models(),
                    config.offline(),
                    SCORER_POOL,
                    trends::current);
            StateHolder holder = new StateHolder(loader, config.dataDir());
            state = holder;
            trends.start(() -> holder.current().data().catalog());
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            if (config.kafka().isEmpty()) {
                // Replay before opening for append: the file is the durable record, the store may be in memory. A
                // replaying updater never writes to the log, hence no log. With Kafka, the topic is the record, and
                // the near-line tier applies it.
                int replayed = new RealtimeUpdater(
                                holder::current, recent, null, store, config.pipeline(), config.embeddingDimension())
                        .replay(config.eventLog(), json);
                if (replayed > 0) {
                    log.info("Replayed {} events from {}", replayed, config.eventLog());
                }
            }
            eventLog = config.kafka()
                    .<EventLog>map(kafka -> KafkaEventLog.open(kafka, json, metrics))
                    .orElseGet(() -> JsonLinesEventLog.open(config.eventLog(), json, metrics, config.eventLogSync()));
            // Exploring variants learn from the clicks the log makes durable, and from the lists they show.
            BanditFeedback feedback = new BanditFeedback(10_000);
            Recommender recommender = new Recommender(
                    holder::current, config.pipeline(), config.experiments(), eventLog, metrics, feedback);
            RealtimeUpdater updater = new RealtimeUpdater(
                    holder::current,
                    recent,
                    new FeedbackEventLog(eventLog, feedback),
                    store,
                    config.pipeline(),
                    config.embeddingDimension());
            Services services = new Services(config, state, recommender, updater, recent, metrics, json);
            Javalin app = HttpApi.create(services).start(config.host(), config.port());
            ModelsWatcher watcher = config.models()
                    .map(dir -> new ModelsWatcher(dir, WATCH_EVERY, () -> holder.reload(config.dataDir())))
                    .orElse(null);
            log.info(
                    "Wren serving on {}:{} (state {}, models {}, event log {}, admin routes {})",
                    config.host(),
                    app.port(),
                    state.current().version(),
                    state.current().data().models().labels(),
                    eventLog.describe(),
                    config.adminToken().isPresent() ? "need the admin token" : "open to loopback clients");
            return new WrenServer(app, store, state, eventLog, watcher, trends);
        } catch (RuntimeException e) {
            trends.close();
            if (state != null) {
                state.close();
            }
            if (eventLog != null) {
                eventLog.close();
            }
            store.close();
            throw e;
        }
    }

    /**
     * Refuses to listen beyond loopback without an admin token: anyone who can reach the port could otherwise reload
     * the server's state.
     *
     * @throws IllegalArgumentException when the host is not a loopback address and there is no token, or is unknown
     */
    static void requireTokenBeyondLoopback(ServingConfig config) {
        InetAddress address;
        try {
            address = InetAddress.getByName(config.host());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot listen on host '" + config.host() + "': unknown host", e);
        }
        if (!address.isLoopbackAddress() && config.adminToken().isEmpty()) {
            throw new IllegalArgumentException("refusing to listen on " + config.host()
                    + " (beyond loopback) without an admin token: set --admin-token or WREN_ADMIN_TOKEN, or listen on"
                    + " 127.0.0.1");
        }
    }

    /** The port the server listens on (the chosen one when the configuration said 0). */
    public int port() {
        return app.port();
    }

    /** Every route the HTTP API answers, from its router. */
    public List<HttpApi.Route> routes() {
        return HttpApi.routes(app);
    }

    /** The live serving state. */
    public ServingState state() {
        return state.current();
    }

    /**
     * Loads a new state from a folder in the background and swaps it in when it is good; a broken one completes the
     * future exceptionally and the live state keeps serving.
     */
    public CompletableFuture<ServingState> reload(Path dataDir) {
        return state.reload(dataDir);
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        app.stop();
        trends.close();
        state.close();
        eventLog.close();
        store.close();
    }
}
