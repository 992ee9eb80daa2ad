package dev.wren.cli;

import dev.wren.cli.config.StoreSection;
import dev.wren.serving.ServingConfig;
import dev.wren.serving.ab.ExperimentsFile;
import dev.wren.serving.events.EventLogSync;
import dev.wren.serving.events.KafkaSettings;
import dev.wren.serving.pipeline.StageFactories;
import dev.wren.serving.recall.TrendingRetriever;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What a server serves, shared by {@code wren serve}, {@code wren demo} and {@code wren bench serve}: the feature store,
 * the model bundles and the offline output they were trained on, posters, the store's embedding dimension, and where
 * events go (the local event log, or Kafka). Each defaults to its place under the data home.
 */
final class ServingOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @ConfigKey("store.uri")
    @Option(
            names = "--store",
            paramLabel = "URI",
            description = "Feature store: memory:, embedded:/dir or redis://host:port/db. Default: configuration key"
                    + " store.uri (env WREN_STORE), else embedded:<data home>/store.")
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

    @ConfigKey("serving.pipeline.ranker")
    @Option(
            names = "--ranker",
            description = "The default pipeline's ranker: cf (EASE and ALS scores blended), learned (the learned top-K"
                    + " ranker of `wren train-ranker`; ranks as cf until one is trained), model (the best ranking"
                    + " bundle, e.g. DeepFM), blend or recall. Default: ${DEFAULT-VALUE} (configuration key"
                    + " serving.pipeline.ranker).")
    String ranker;

    @ConfigKey("kafka.servers")
    @Option(
            names = "--kafka",
            paramLabel = "HOST:PORT",
            description = "Send accepted events and exposures to Kafka (HOST:PORT[,HOST:PORT...]) instead of the"
                    + " local event log: an event is answered 200 only once the brokers have it, 503 when they cannot"
                    + " take it. Default: configuration key kafka.servers (env WREN_KAFKA), else the local event log"
                    + " file.")
    String kafka;

    @ConfigKey({"kafka.events-topic", "kafka.exposures-topic"})
    @Option(
            names = "--kafka-topics",
            paramLabel = "EVENTS[,EXPOSURES]",
            description = "With --kafka: the topics of events and of exposures; one name puts both in one topic."
                    + " Default: ${DEFAULT-VALUE} (configuration keys kafka.events-topic and"
                    + " kafka.exposures-topic).")
    String kafkaTopics;

    @ConfigKey("serving.pipeline.quotas.trending")
    @Option(
            names = "--trending-quota",
            paramLabel = "SHARE",
            description = "The trending channel's share of the recall budget (the items with the most events in"
                    + " `wren stream`'s trend window), the other channels scaled to fill the rest; 0 turns it off."
                    + " Idle, its share going to the others, while nothing trends. Default: ${DEFAULT-VALUE}"
                    + " (configuration key serving.pipeline.quotas.trending).")
    Double trendingQuota;

    @ConfigKey("stream.trend-window")
    @Option(
            names = "--trend-window",
            paramLabel = "MINUTES",
            description =
                    "The stream job's trend window (`wren stream --trend-window`): an item whose trend was written"
                            + " that long before the newest one has stopped trending. Default: ${DEFAULT-VALUE}"
                            + " (configuration key stream.trend-window).")
    long trendWindowMinutes;

    @ConfigKey("serving.trends.refresh")
    @Option(
            names = "--trend-refresh",
            paramLabel = "SECONDS",
            description = "How often the item trends are read from the feature store. Default: ${DEFAULT-VALUE}"
                    + " (configuration key serving.trends.refresh).")
    long trendRefreshSeconds;

    // No ${DEFAULT-VALUE} here: --help must not print the secret.
    @ConfigKey("serving.admin-token")
    @Option(
            names = "--admin-token",
            paramLabel = "TOKEN",
            description = "The bearer token the admin routes (/api/v1/admin/*) require; needed to listen beyond"
                    + " loopback. Default: configuration key serving.admin-token (env WREN_ADMIN_TOKEN); without one,"
                    + " admin routes are open to this machine only.")
    String adminToken;

    @ConfigKey("serving.event-log-sync")
    @Option(
            names = "--event-log-sync",
            paramLabel = "POLICY",
            description = "When the local event log is forced to the disk: always (before each event's 200, concurrent"
                    + " requests sharing one fsync), everysec (about once a second; a power loss can lose the last"
                    + " second) or none (left to the operating system). Default: ${DEFAULT-VALUE} (configuration"
                    + " key serving.event-log-sync).")
    String eventLogSync;

    @Mixin
    StoreDimension dimension;

    /** The store's URI: {@code --store}, or the embedded store under the data home. */
    String storeUri(Path home) {
        return StoreSection.uriOrEmbedded(store, home);
    }

    /**
     * The server's configuration.
     *
     * @param eventLog the event log, or null for {@code <data home>/events.jsonl}
     * @param experiments a JSON file of A/B experiments, or null for none
     */
    ServingConfig config(Path data, Path home, int port, Path eventLog, Path experiments) {
        ServingConfig configured = ConfiguredExecution.settings(command)
                .servingConfig(data, eventLog != null ? eventLog : home.resolve("events.jsonl"), storeUri(home));
        ServingConfig config = new ServingConfig(
                configured.dataDir(),
                configured.storeUri(),
                port,
                configured.postersDir(),
                configured.eventLog(),
                dimension.value,
                configured.pipeline(),
                experiments == null ? configured.experiments() : ExperimentsFile.read(experiments),
                configured.models(),
                configured.offline(),
                Optional.empty(),
                configured.trends(),
                configured.host(),
                Optional.empty(),
                configured.eventLogSync());
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
            config = config.withTrends(config.trends()
                    .withWindow(Duration.ofMinutes(trendWindowMinutes))
                    .withRefreshEvery(Duration.ofSeconds(trendRefreshSeconds)));
            // Only a changed share re-scales the other channels, so the configured quotas stay exactly as written.
            Double configured = config.pipeline().quotas().get(TrendingRetriever.NAME);
            if (trendingQuota != null && !trendingQuota.equals(configured)) {
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
            if (ConfiguredExecution.given(command, "--kafka-topics")) {
                throw new WrenUserException("--kafka-topics needs --kafka HOST:PORT", ExitCodes.USAGE);
            }
            return config;
        }
        try {
            KafkaSettings settings =
                    ConfiguredExecution.settings(command).kafka().serving(kafka.strip());
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
