package dev.wren.serving;

import dev.wren.serving.ab.Experiment;
import dev.wren.serving.events.EventLogSync;
import dev.wren.serving.events.KafkaSettings;
import dev.wren.serving.trend.TrendSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link WrenServer#start} needs.
 *
 * @param dataDir a MovieLens folder (any layout {@code wren-data} reads)
 * @param storeUri the feature store, e.g. {@code memory:} or {@code redis://localhost:6379/0}
 * @param port the HTTP port; 0 picks a free one
 * @param postersDir a folder of {@code <movieId>.jpg} posters, when there is one
 * @param eventLog the JSON-lines event log (see EVENT_LOG.md in this module), created when absent; unused with Kafka
 * @param embeddingDimension the dimension of item and user embeddings in the store's schema
 * @param pipeline the default pipeline
 * @param experiments the A/B experiments, each splitting all users independently
 * @param models the models folder ({@code <root>/<model>/v<N>/}, as {@code wren train} writes it), when there is one:
 *     the {@code model} ranker uses its ranking bundle with the best validation AUC, the {@code two-tower} channel its
 *     two-tower bundle; a new bundle there is loaded in the background and swapped in
 * @param offline the offline output folder the bundles were trained on ({@code manifest.json}); when empty, each
 *     bundle's {@code metrics.json} names it
 * @param kafka where events and exposures go in production; when empty, to the {@code eventLog} file
 * @param trends how the stream job's item trends are followed (the {@code trending} channel and endpoint)
 * @param host the interface to listen on: {@value #DEFAULT_HOST} (loopback) by default, {@code 0.0.0.0} for all
 * @param adminToken the bearer token {@code /api/v1/admin/*} requires; required to listen beyond loopback
 * @param eventLogSync when the local event log forces its lines to the disk (see EVENT_LOG.md)
 */
public record ServingConfig(
        Path dataDir,
        String storeUri,
        int port,
        Optional<Path> postersDir,
        Path eventLog,
        int embeddingDimension,
        PipelineSettings pipeline,
        List<Experiment> experiments,
        Optional<Path> models,
        Optional<Path> offline,
        Optional<KafkaSettings> kafka,
        TrendSettings trends,
        String host,
        Optional<String> adminToken,
        EventLogSync eventLogSync) {
    public static final int DEFAULT_PORT = 8080;
    /** Loopback only: a server is reachable from other machines only when asked to be (and then needs a token). */
    public static final String DEFAULT_HOST = "127.0.0.1";

    public static final int DEFAULT_DIMENSION = 32;

    public ServingConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(storeUri, "storeUri");
        Objects.requireNonNull(postersDir, "postersDir");
        Objects.requireNonNull(eventLog, "eventLog");
        Objects.requireNonNull(pipeline, "pipeline");
        experiments = List.copyOf(experiments);
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(offline, "offline");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(trends, "trends");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(eventLogSync, "eventLogSync");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must name an interface, e.g. 127.0.0.1 or 0.0.0.0");
        }
        if (adminToken.isPresent() && adminToken.get().isBlank()) {
            throw new IllegalArgumentException("the admin token must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (embeddingDimension < 1) {
            throw new IllegalArgumentException("embeddingDimension must be positive, got " + embeddingDimension);
        }
        long names = experiments.stream().map(Experiment::name).distinct().count();
        if (names != experiments.size()) {
            throw new IllegalArgumentException("experiment names must be unique");
        }
    }

    /** A configuration without models: the {@code model} ranker falls back to {@code blend}. */
    public ServingConfig(
            Path dataDir,
            String storeUri,
            int port,
            Optional<Path> postersDir,
            Path eventLog,
            int embeddingDimension,
            PipelineSettings pipeline,
            List<Experiment> experiments) {
        this(
                dataDir,
                storeUri,
                port,
                postersDir,
                eventLog,
                embeddingDimension,
                pipeline,
                experiments,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                TrendSettings.defaults(),
                DEFAULT_HOST,
                Optional.empty(),
                EventLogSync.EVERYSEC);
    }

    /** Defaults: in-memory store, port 8080, no posters, the default pipeline, no experiments. */
    public static ServingConfig of(Path dataDir, Path eventLog) {
        return new ServingConfig(
                dataDir,
                "memory:",
                DEFAULT_PORT,
                Optional.empty(),
                eventLog,
                DEFAULT_DIMENSION,
                PipelineSettings.defaults(),
                List.of());
    }

    public ServingConfig withPort(int newPort) {
        return new ServingConfig(
                dataDir,
                storeUri,
                newPort,
                postersDir,
                eventLog,
                embeddingDimension,
                pipeline,
                experiments,
                models,
                offline,
                kafka,
                trends,
                host,
                adminToken,
                eventLogSync);
    }

    public ServingConfig withPosters(Path dir) {
        return new ServingConfig(
                dataDir,
                storeUri,
                port,
                Optional.of(dir),
                eventLog,
                embeddingDimension,
                pipeline,
                experiments,
                models,
                offline,
                kafka,
                trends,
                host,
                adminToken,
                eventLogSync);
    }

    public ServingConfig withExperiments(List<Experiment> list) {
        return new ServingConfig(
                dataDir,
                storeUri,
                port,
                postersDir,
                eventLog,
                embeddingDimension,
                pipeline,
                list,
                models,
                offline,
                kafka,
                trends,
                host,
                adminToken,
                eventLogSync);
    }

    public ServingConfig withStore(String uri) {
        return new ServingConfig(
                dataDir,
                uri,
                port,
                postersDir,
                eventLog,
                embeddingDimension,
                pipeline,
                experiments,
                models,
                offline,
                kafka,
                trends,
                host,
                adminToken,
                eventLogSync);
    }

    public ServingConfig withPipeline(PipelineSettings settings) {
        return new ServingConfig(
                dataDir,
                storeUri,
                port,
                postersDir,
                eventLog,
                embeddingDimension,
                settings,
                experiments,
                models,
                offline,
                kafka,
                trends,
                host,
                adminToken,
                eventLogSync);
    }

    /** Serves the bundles of a models folder; each bundle's {@code metrics.json} names its offline folder. */
    public ServingConfig withModels(Path modelsDir) {
        return new ServingConfig(
                dataDir,
                storeUri,
                port,
                postersDir,
                eventLog,
                embeddingDimension,
                pipeline,
                experiments,
                Optional.of(modelsDir),
                offline,
                kafka,
                trends,
                host,
                adminToken,
                eventLogSync);
    }

    /** Serves the bundles of a models folder, all trained on this offline output folder. */
    public ServingConfig withModels(Path modelsDir, Path offlineDir) {
        return new ServingConfig(
                dataDir,
                storeUri,
                port,
                postersDir,
                eventLog,
                embeddingDimension,
                pipeline,
                experiments,
                Optional.of(modelsDir),
                Optional.of(offlineDir),
                kafka,
                trends,
                host,
                adminToken,
                eventLogSync);
    }

    /** Sends events and exposures to Kafka instead of the local event log file. */
    public ServingConfig withKafka(KafkaSettings settings) {
        return new ServingConfig(
                dataDir,
                storeUri,
                port,
                postersDir,
                eventLog,
                embeddingDimension,
                pipeline,
                experiments,
                models,
                offline,
                Optional.of(settings),
                trends,
                host,
                adminToken,
                eventLogSync);
    }

    /** Follows the stream job's item trends with these settings (its window, say, when not the default hour). */
    public ServingConfig withTrends(TrendSettings settings) {
        return new ServingConfig(
                dataDir,
                storeUri,
                port,
                postersDir,
                eventLog,
                embeddingDimension,
                pipeline,
                experiments,
                models,
                offline,
                kafka,
                settings,
                host,
                adminToken,
                eventLogSync);
    }

    /** Listens on this interface: a loopback address, or (with an admin token) {@code 0.0.0.0} or one interface. */
    public ServingConfig withHost(String newHost) {
        return new ServingConfig(
                dataDir,
                storeUri,
                port,
                postersDir,
                eventLog,
                embeddingDimension,
                pipeline,
                experiments,
                models,
                offline,
                kafka,
                trends,
                newHost,
                adminToken,
                eventLogSync);
    }

    /** Requires {@code Authorization: Bearer <token>} on the admin routes. */
    public ServingConfig withAdminToken(String token) {
        return new ServingConfig(
                dataDir,
                storeUri,
                port,
                postersDir,
                eventLog,
                embeddingDimension,
                pipeline,
                experiments,
                models,
                offline,
                kafka,
                trends,
                host,
                Optional.of(token),
                eventLogSync);
    }

    /** Forces the local event log to the disk by this policy. */
    public ServingConfig withEventLogSync(EventLogSync sync) {
        return new ServingConfig(
                dataDir,
                storeUri,
                port,
                postersDir,
                eventLog,
                embeddingDimension,
                pipeline,
                experiments,
                models,
                offline,
                kafka,
                trends,
                host,
                adminToken,
                sync);
    }

    /** The admin token, with the secret left out, for logs and {@code toString}. */
    @Override
    public String toString() {
        return "ServingConfig[dataDir=" + dataDir + ", storeUri=" + storeUri + ", host=" + host + ", port=" + port
                + ", eventLog=" + eventLog + ", eventLogSync=" + eventLogSync.label() + ", adminToken="
                + (adminToken.isPresent() ? "(set)" : "(none)") + ", kafka=" + kafka + ", models=" + models + "]";
    }
}
