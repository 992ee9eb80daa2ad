package dev.wren.cli.config;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.eval.TopKEvalConfig;
import dev.wren.eval.baseline.TuningGrid;
import dev.wren.eval.split.SplitMethod;
import dev.wren.eval.split.SplitSpec;
import dev.wren.model.blocks.ModelCatalog;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.train.TrainConfig;
import dev.wren.offline.OfflineConfig;
import dev.wren.offline.Stage;
import dev.wren.serving.PipelineSettings;
import dev.wren.serving.ServingConfig;
import dev.wren.serving.events.EventLogSync;
import dev.wren.stream.StreamConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Wren's whole configuration, one record per section of {@code reference.yaml}, bound by {@link ConfigLoader}. The
 * methods here map it to the modules' own records where a module needs more than one section (the feature rules and
 * the store's dimension, say, reach every tier).
 */
public record WrenSettings(
        DataSection data,
        StoreSection store,
        FeaturesSection features,
        OfflineSection offline,
        TrainingSection training,
        LearnSection learn,
        ServingSection serving,
        KafkaSection kafka,
        StreamSection stream,
        EvalSection eval) {
    public WrenSettings {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(offline, "offline");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(learn, "learn");
        Objects.requireNonNull(serving, "serving");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(eval, "eval");
    }

    /** One offline run from {@code input} into {@code output}, with a new snapshot version. */
    public OfflineConfig offlineConfig(Path input, Path output) {
        UserFeatureRules rules = features.rules();
        return new OfflineConfig(
                input,
                output,
                offline.master(),
                Stage.parse(offline.stages()),
                offline.seed(),
                offline.partitions(),
                OfflineConfig.defaults(input, output).snapshotVersion(),
                rules,
                offline.samples().params(rules.positiveThreshold(), training.split()),
                offline.embedding().params(store.dimension()),
                offline.cf().params(offline.seed()),
                data.strict());
    }

    /** The default serving pipeline, computing user features by the same rules as the other tiers. */
    public PipelineSettings pipelineSettings() {
        return serving.pipeline().settings(features.rules());
    }

    /**
     * The server's configuration over {@code data}, logging events to {@code eventLog} (or Kafka when
     * {@code kafka.servers} names brokers) and reading {@code storeUri}: no posters, experiments or models, which the
     * command adds.
     */
    public ServingConfig servingConfig(Path data, Path eventLog, String storeUri) {
        return new ServingConfig(
                data,
                storeUri,
                serving.port(),
                Optional.empty(),
                eventLog,
                store.dimension(),
                pipelineSettings(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                kafka.servers().isBlank() ? Optional.empty() : Optional.of(kafka.serving(kafka.servers())),
                serving.trends().settings(stream.trendWindowDuration()),
                serving.host(),
                serving.adminToken().isBlank()
                        ? Optional.empty()
                        : Optional.of(serving.adminToken().strip()),
                EventLogSync.parse(serving.eventLogSync()));
    }

    /**
     * The stream job reading {@code events} once into {@code storeUri}, whose embeddings have {@code dimension} (see
     * {@link StreamSection#config}).
     */
    public StreamConfig streamConfig(Path events, Path data, String storeUri, int dimension) {
        return stream.config(events, data, storeUri, dimension, features.rules());
    }

    /** How {@code spec} trains. */
    public TrainConfig trainConfig(ModelSpec spec) {
        return training.config(spec);
    }

    /**
     * Maps every section to its module's records once, so that a value the modules refuse is reported at start-up,
     * naming its section, rather than when a command reaches it.
     *
     * @throws ConfigException naming the section and what is wrong
     */
    public WrenSettings check() {
        Path here = Path.of(".");
        section("offline", () -> offlineConfig(here, here));
        section("serving", () -> servingConfig(here, here.resolve("events.jsonl"), "memory:"));
        section("kafka", () -> {
            if (!kafka.servers().isBlank()) {
                kafka.serving(kafka.servers());
                kafka.stream(kafka.servers());
            }
        });
        section("stream", () -> streamConfig(here, here, "embedded:" + here.toAbsolutePath(), store.dimension()));
        section("training", () -> {
            ModelCatalog catalog = new ModelCatalog(List.of());
            if (!training.model().equals("all")) {
                catalog.byName(training.model());
            }
            training.demoModels().forEach(catalog::byName);
            if (!List.of("time", "user").contains(training.split())) {
                throw new IllegalArgumentException("split must be time or user, got '" + training.split() + "'");
            }
            catalog.all().forEach(this::trainConfig);
            training.ranker().params();
        });
        section("learn", learn::rule);
        section("eval", () -> {
            EvalSection.TopK t = eval.topk();
            new TopKEvalConfig(
                    here,
                    new SplitSpec(SplitMethod.of(t.split()), t.testFraction(), t.lastN(), t.seed()),
                    t.k().stream().mapToInt(Integer::intValue).toArray(),
                    here,
                    true,
                    Optional.empty(),
                    t.channelDepth(),
                    TuningGrid.standard(),
                    List.of());
        });
        return this;
    }

    private static void section(String name, Runnable mapping) {
        try {
            mapping.run();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("configuration section '" + name + "': " + e.getMessage(), e);
        }
    }
}
