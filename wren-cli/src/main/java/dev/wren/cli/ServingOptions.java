package dev.wren.cli;

import dev.wren.serving.PipelineSettings;
import dev.wren.serving.ServingConfig;
import dev.wren.serving.ab.ExperimentsFile;
import dev.wren.serving.events.EventLogSync;
import dev.wren.serving.events.KafkaSettings;
import dev.wren.serving.pipeline.StageFactories;
import dev.wren.serving.recall.TrendingRetriever;
import dev.wren.serving.trend.TrendSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * What a server serves, shared by {@code wren serve}, {@code wren demo} and {@code wren bench serve}: the feature store,
 * the model bundles and the offline output they were trained on, posters, the store's embedding dimension, and where
 * events go (the local event log, or Kafka). Each defaults to its place under the data home.
 */
final class ServingOptions {
    @Option(
            names = "--store",
            paramLabel = "URI",
            defaultValue = "${env:WREN_STORE}",
            description = "Feature store: memory:, embedded:/dir or redis://host:port/db (env WREN_STORE)."
                    + " Default: embedded:<data home>/store.")
    String store;

    @Option(
            names = "--models",
            paramLabel = "DIR",
            description =
                    "Model bundles (as `wren train` writes them): the best ranking bundle by validation AUC ranks,"
                            + " a two-tower bundle recalls; a new bundle there is swapped in without a restart."
                            + " Default: <data home>/models when it exists, else the non-deep blend ranker.")
    Path models;

    @Option(
            names = "--offline",
            paramLabel = "DIR",
            description = "The offline output the bundles were trained on (manifest.json, statistics for the"
                    + " dashboard). Default: <data home>/offline when it exists.")
    Path offline;

    @Option(names = "--posters", paramLabel = "DIR", description = "A folder of <movieId>.jpg posters.")
    Path posters;

    @Option(
            names = "--ranker",
            description = "The default pipeline's ranker: cf (EASE and ALS scores blended), learned (the learned top-K"
                    + " ranker of `wren train-ranker`; ranks as cf until one is trained), model (the best ranking"
                    + " bundle, e.g. DeepFM), blend or recall. Default: the serving default ("
                    + PipelineSettings.DEFAULT_RANKER + ").")
    String ranker;

    @Option(
            names = "--kafka",
            paramLabel = "HOST:PORT",
            defaultValue = "${env:WREN_KAFKA}",
            description = "Send accepted events and exposures to Kafka (HOST:PORT[,HOST:PORT...]; env WREN_KAFKA)"
                    + " instead of the local event log: an event is answered 200 only once the brokers have it, 503"
                    + " when they cannot take it. Default: the local event log file.")
    String kafka;

    @Option(
            names = "--kafka-topics",
            paramLabel = "EVENTS[,EXPOSURES]",
            description = "With --kafka: the topics of events and of exposures; one name puts both in one topic."
                    + " Default: " + KafkaSettings.DEFAULT_EVENTS_TOPIC + "," + KafkaSettings.DEFAULT_EXPOSURES_TOPIC
                    + ".")
    String kafkaTopics;

    @Option(
            names = "--trending-quota",
            paramLabel = "SHARE",
            description = "The trending channel's share of the recall budget (the items with the most events in"
                    + " `wren stream`'s trend window), the other channels scaled to fill the rest; 0 turns it off."
                    + " Idle, its share going to the others, while nothing trends. Default: 0.05.")
    Double trendingQuota;

    @Option(
            names = "--trend-window",
            paramLabel = "MINUTES",
            defaultValue = "60",
            description =
                    "The stream job's trend window (`wren stream --trend-window`): an item whose trend was written"
                            + " that long before the newest one has stopped trending. Default: ${DEFAULT-VALUE}.")
    long trendWindowMinutes;

    @Option(
            names = "--trend-refresh",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "How often the item trends are read from the feature store. Default: ${DEFAULT-VALUE}.")
    long trendRefreshSeconds;

    @Option(
            names = "--admin-token",
            paramLabel = "TOKEN",
            defaultValue = "${env:WREN_ADMIN_TOKEN}",
            description = "The bearer token the admin routes (/api/v1/admin/*) require (env WREN_ADMIN_TOKEN);"
                    + " needed to listen beyond loopback. Without one, admin routes are open to this machine only.")
    String adminToken;

    @Option(
            names = "--event-log-sync",
            paramLabel = "POLICY",
            defaultValue = "everysec",
            description = "When the local event log is forced to the disk: always (before each event's 200, concurrent"
                    + " requests sharing one fsync), everysec (about once a second; a power loss can lose the last"
                    + " second) or none (left to the operating system). Default: ${DEFAULT-VALUE}.")
    String eventLogSync;

    @Option(
            names = "--dim",
            defaultValue = "32",
            description = "Embedding dimension of the store. Default: ${DEFAULT-VALUE}.")
    int dimension;

    /** The store's URI: {@code --store}, or the embedded store under the data home. */
    String storeUri(Path home) {
        return store == null || store.isBlank()
                ? "embedded:" + home.resolve("store").toAbsolutePath()
                : store;
    }

    /**
     * The server's configuration.
     *
     * @param eventLog the event log, or null for {@code <data home>/events.jsonl}
     * @param experiments a JSON file of A/B experiments, or null for none
     */
    ServingConfig config(Path data, Path home, int port, Path eventLog, Path experiments) {
        ServingConfig defaults = ServingConfig.of(data, eventLog != null ? eventLog : home.resolve("events.jsonl"));
        ServingConfig config = new ServingConfig(
                defaults.dataDir(),
                storeUri(home),
                port,
                defaults.postersDir(),
                defaults.eventLog(),
                dimension,
                defaults.pipeline(),
                experiments == null ? defaults.experiments() : ExperimentsFile.read(experiments));
        if (posters != null) {
            config = config.withPosters(posters);
        }
        config = withKafka(config);
        try {
            config = config.withEventLogSync(EventLogSync.parse(eventLogSync));
        } catch (IllegalArgumentException e) {
            throw new WrenUserException("--event-log-sync: " + e.getMessage(), ExitCodes.USAGE);
        }
        if (adminToken != null && !adminToken.isBlank()) {
            config = config.withAdminToken(adminToken.strip());
        }
        config = withTrends(config);
        if (ranker != null) {
            if (!StageFactories.builtIn().rankers().containsKey(ranker)) {
                throw new WrenUserException(
                        "--ranker " + ranker + " is not a ranker; choose one of "
                                + new java.util.TreeSet<>(
                                        StageFactories.builtIn().rankers().keySet()),
                        ExitCodes.USAGE);
            }
            config = config.withPipeline(config.pipeline().withRanker(ranker));
        }
        return withModels(config, home);
    }

    /** The trending channel's share and how the stream job's trends are followed. */
    private ServingConfig withTrends(ServingConfig config) {
        try {
            config = config.withTrends(TrendSettings.defaults()
                    .withWindow(Duration.ofMinutes(trendWindowMinutes))
                    .withRefreshEvery(Duration.ofSeconds(trendRefreshSeconds)));
            if (trendingQuota != null) {
                config = config.withPipeline(config.pipeline().withChannelShare(TrendingRetriever.NAME, trendingQuota));
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw new WrenUserException(
                    "--trending-quota, --trend-window, --trend-refresh: " + e.getMessage(), ExitCodes.USAGE);
        }
    }

    /** Sends events and exposures to Kafka when {@code --kafka} names brokers; the local file log otherwise. */
    private ServingConfig withKafka(ServingConfig config) {
        if (kafka == null || kafka.isBlank()) {
            if (kafkaTopics != null) {
                throw new WrenUserException("--kafka-topics needs --kafka HOST:PORT", ExitCodes.USAGE);
            }
            return config;
        }
        try {
            KafkaSettings settings = KafkaSettings.of(kafka);
            if (kafkaTopics != null) {
                String[] topics = kafkaTopics.split(",", -1);
                if (topics.length > 2) {
                    throw new IllegalArgumentException(
                            "--kafka-topics is EVENTS or EVENTS,EXPOSURES, got '" + kafkaTopics + "'");
                }
                settings = settings.withTopics(topics[0].strip(), topics[topics.length - 1].strip());
            }
            return config.withKafka(settings);
        } catch (IllegalArgumentException e) {
            throw new WrenUserException("--kafka: " + e.getMessage(), ExitCodes.USAGE);
        }
    }

    /** Adds the models folder and its offline folder when they exist; without them the blend ranker ranks. */
    private ServingConfig withModels(ServingConfig config, Path home) {
        Path m = models != null ? models : home.resolve("models");
        Path o = offline != null ? offline : home.resolve("offline");
        if (models != null && !Files.isDirectory(models)) {
            throw new WrenUserException("--models " + models + " is not a folder", ExitCodes.BAD_INPUT);
        }
        if (!Files.isDirectory(m)) {
            return config;
        }
        return Files.isRegularFile(o.resolve("manifest.json")) ? config.withModels(m, o) : config.withModels(m);
    }
}
