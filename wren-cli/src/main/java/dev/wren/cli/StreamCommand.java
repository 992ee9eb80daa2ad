package dev.wren.cli;

import dev.wren.cli.config.StoreSection;
import dev.wren.cli.config.WrenSettings;
import dev.wren.stream.LocalStreamRunner;
import dev.wren.stream.StreamConfig;
import dev.wren.stream.kafka.KafkaInput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren stream}: the near-line Flink job, in a local MiniCluster inside this process. */
@Command(
        name = "stream",
        mixinStandardHelpOptions = true,
        description = {
            "Keep user features and item trends fresh in the feature store from serving's event log, in event time"
                    + " (Flink, in a local MiniCluster in this process): each user's history, rating statistics,"
                    + " recent positives, genre taste, embedding, recent items and session by the same rules as"
                    + " serving; each item's events over a sliding window as trendingCount, and its exposures, clicks and"
                    + " recentCtr over the same window; fresh labelled samples (each item shown, labelled by a click or"
                    + " a rating at or above the threshold within --label-window) as JSON lines under"
                    + " <data home>/stream/samples/run-<time>, and with --kafka to the samples topic. Events more than"
                    + " --out-of-orderness behind the newest are late: counted, logged and written to --late-events,"
                    + " not applied. Writes are versioned by the newest event time and the count of events applied, so reading the log again changes nothing.",
            "Reads the log (or with --kafka, serving's topics) once and stops, or with --follow keeps reading as"
                    + " serving appends, until Ctrl-C; a followed log resumes from its last checkpoint. The store must have a live snapshot (wren"
                    + " offline, or wren serve's bootstrap); the embedded store can be open in one process only, so"
                    + " run it beside `wren serve` with Redis.",
        })
final class StreamCommand implements Callable<Integer> {
    private static final DateTimeFormatter RUN_NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** How often a followed log's progress is printed. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(
            names = "--events",
            paramLabel = "FILE",
            description = "Serving's event log (JSON lines). Default: <data home>/events.jsonl.")
    Path events;

    @ConfigKey("store.uri")
    @Option(
            names = "--store",
            paramLabel = "URI",
            description = "Feature store to keep fresh: embedded:/dir or redis://host:port/db. Default: configuration"
                    + " key store.uri (env WREN_STORE), else embedded:<data home>/store.")
    String store;

    @Option(
            names = "--follow",
            description = "Keep reading the log as it grows, until Ctrl-C; checkpoints go under"
                    + " <data home>/stream/checkpoints and the next --follow resumes from the last one.")
    boolean follow;

    @Mixin
    StoreDimension dimension;

    @ConfigKey("stream.out-of-orderness")
    @Option(
            names = "--out-of-orderness",
            paramLabel = "SECONDS",
            description = "How far behind the newest event time an event may arrive and still count."
                    + " Default: ${DEFAULT-VALUE} (configuration key stream.out-of-orderness).")
    long outOfOrderness;

    @ConfigKey("stream.trend-window")
    @Option(
            names = "--trend-window",
            paramLabel = "MINUTES",
            description = "Length of the sliding trend window. Default: ${DEFAULT-VALUE} (configuration key"
                    + " stream.trend-window).")
    long trendWindowMinutes;

    @ConfigKey("stream.trend-slide")
    @Option(
            names = "--trend-slide",
            paramLabel = "SECONDS",
            description = "How often the trend window moves. Default: ${DEFAULT-VALUE} (configuration key"
                    + " stream.trend-slide).")
    long trendSlideSeconds;

    @ConfigKey("stream.session-gap")
    @Option(
            names = "--session-gap",
            paramLabel = "MINUTES",
            description = "The longest pause within one user session. Default: ${DEFAULT-VALUE} (configuration key"
                    + " stream.session-gap).")
    long sessionGapMinutes;

    @ConfigKey("stream.checkpoint-interval")
    @Option(
            names = "--checkpoint-interval",
            paramLabel = "SECONDS",
            description = "How often the job checkpoints. Default: ${DEFAULT-VALUE} (configuration key"
                    + " stream.checkpoint-interval).")
    long checkpointSeconds;

    @Option(
            names = "--late-events",
            paramLabel = "FILE",
            description =
                    "Where late events are appended as JSON lines. Default: <data home>/stream/late-events.jsonl.")
    Path lateEvents;

    @ConfigKey("kafka.servers")
    @Option(
            names = "--kafka",
            paramLabel = "HOST:PORT",
            description = "Read events and exposures from Kafka (as `wren serve --kafka` writes them) instead of the"
                    + " log file, and write fresh samples to the samples topic exactly once. Default: configuration"
                    + " key kafka.servers (env WREN_KAFKA), else the log file.")
    String kafka;

    @ConfigKey({"kafka.events-topic", "kafka.exposures-topic"})
    @Option(
            names = "--kafka-topics",
            paramLabel = "EVENTS[,EXPOSURES]",
            description = "The topics serving writes. Default: ${DEFAULT-VALUE} (configuration keys kafka.events-topic"
                    + " and kafka.exposures-topic).")
    String kafkaTopics;

    @ConfigKey("kafka.group")
    @Option(
            names = "--kafka-group",
            paramLabel = "ID",
            description = "The consumer group; offsets are also kept in checkpoints. Default: ${DEFAULT-VALUE}"
                    + " (configuration key kafka.group).")
    String kafkaGroup;

    @ConfigKey("kafka.samples-topic")
    @Option(
            names = "--samples-topic",
            paramLabel = "TOPIC",
            description = "Where fresh samples go with --kafka. Default: ${DEFAULT-VALUE} (configuration key"
                    + " kafka.samples-topic).")
    String samplesTopic;

    @ConfigKey("kafka.transactional-id-prefix")
    @Option(
            names = "--transactional-id-prefix",
            paramLabel = "PREFIX",
            description = "The samples producer's transactional id prefix, unique per job on the Kafka cluster."
                    + " Default: configuration key kafka.transactional-id-prefix, else <kafka group>-samples.")
    String transactionalIdPrefix;

    @ConfigKey("stream.ctr-window")
    @Option(
            names = "--ctr-window",
            paramLabel = "MINUTES",
            description = "Length of the sliding window of item exposures, clicks and recentCtr; it slides with the"
                    + " trend window. Default: configuration key stream.ctr-window, else the trend window.")
    Long ctrWindowMinutes;

    @ConfigKey("stream.label-window")
    @Option(
            names = "--label-window",
            paramLabel = "MINUTES",
            description = "How long after an item is shown a click or rating still labels it. Default:"
                    + " ${DEFAULT-VALUE} (configuration key stream.label-window).")
    long labelWindowMinutes;

    @ConfigKey("stream.parallelism")
    @Option(
            names = "--parallelism",
            paramLabel = "N",
            description = "Parallel tasks of the user and item operators. Default: ${DEFAULT-VALUE} (configuration key"
                    + " stream.parallelism).")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path data = dataOptions.resolve(err);
        Path home = dataOptions.home.dir;
        StreamConfig config = config(data, home);
        LocalStreamRunner runner = LocalStreamRunner.start(config);
        String source = config.kafka()
                .map(k -> "Kafka " + k.bootstrapServers() + " (" + String.join(", ", k.topics()) + ")")
                .orElse(config.events().toString());
        if (!follow) {
            out.printf("Reading %s into %s...%n", source, config.storeUri());
            out.flush();
            LocalStreamRunner.Result result = runner.await();
            out.printf(
                    "Done: %,d events and %,d items shown applied, %,d events late (not applied; see %s)."
                            + " Samples in %s.%n",
                    result.events(),
                    result.exposures(),
                    result.lateEvents(),
                    config.lateEvents().orElseThrow(),
                    config.samples().orElseThrow());
            return ExitCodes.OK;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.cancel(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        out.printf(
                "Following %s into %s%s. Samples in %s. Ctrl-C stops; the next --follow resumes from the last"
                        + " checkpoint.%n",
                source,
                config.storeUri(),
                runner.restoredFrom().map(p -> " (resumed from " + p + ")").orElse(""),
                config.samples().orElseThrow());
        out.flush();
        Thread progress = new Thread(() -> printProgress(runner, err), "wren-stream-progress");
        progress.setDaemon(true);
        progress.start();
        runner.await();
        out.println("Stopped; the next --follow resumes from the last checkpoint.");
        out.flush();
        return ExitCodes.OK;
    }

    private StreamConfig config(Path data, Path home) {
        if (dimension.value < 1
                || parallelism < 1
                || outOfOrderness < 0
                || checkpointSeconds < 1
                || labelWindowMinutes < 1) {
            throw new WrenUserException(
                    "--dim, --parallelism, --checkpoint-interval and --label-window must be positive,"
                            + " --out-of-orderness not negative",
                    ExitCodes.USAGE);
        }
        String storeUri = StoreSection.uriOrEmbedded(store, home);
        WrenSettings settings = ConfiguredExecution.settings(spec);
        try {
            return settings.streamConfig(
                            events != null ? events : home.resolve("events.jsonl"), data, storeUri, dimension.value)
                    .withFollow(follow)
                    .withOutOfOrderness(Duration.ofSeconds(outOfOrderness))
                    .withTrendWindow(Duration.ofMinutes(trendWindowMinutes), Duration.ofSeconds(trendSlideSeconds))
                    .withSessionGap(Duration.ofMinutes(sessionGapMinutes))
                    .withCheckpoints(Duration.ofSeconds(checkpointSeconds), Optional.of(checkpointsUnder(home)))
                    .withLateEvents(Optional.of(lateEvents != null ? lateEvents : lateEventsUnder(home)))
                    .withParallelism(parallelism)
                    .withLabelWindow(Duration.ofMinutes(labelWindowMinutes))
                    .withCtrWindow(Duration.ofMinutes(ctrWindowMinutes != null ? ctrWindowMinutes : trendWindowMinutes))
                    .withSamples(Optional.of(samplesRunUnder(home)))
                    .withKafka(
                            Optional.ofNullable(kafka).filter(k -> !k.isBlank()).map(k -> {
                                KafkaInput input = settings.kafka().stream(k.strip())
                                        .withTopics(kafkaTopics)
                                        .withGroup(kafkaGroup);
                                return input.withSamples(
                                        samplesTopic,
                                        transactionalIdPrefix != null
                                                ? transactionalIdPrefix
                                                : kafkaGroup + "-samples");
                            }));
        } catch (IllegalArgumentException e) {
            throw new WrenUserException(e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    /**
     * The configured job following {@code events} into {@code storeUri} in one task per operator, its checkpoints, late
     * events and samples under {@code <home>/stream}: what {@code wren demo} runs beside the server.
     */
    static StreamConfig followDefaults(
            WrenSettings settings, Path events, Path data, Path home, String storeUri, int dimension) {
        StreamConfig defaults = settings.streamConfig(events, data, storeUri, dimension);
        return defaults.withFollow(true)
                .withCheckpoints(defaults.checkpointInterval(), Optional.of(checkpointsUnder(home)))
                .withLateEvents(Optional.of(lateEventsUnder(home)))
                .withParallelism(1)
                .withSamples(Optional.of(samplesRunUnder(home)));
    }

    private static Path checkpointsUnder(Path home) {
        return home.resolve("stream").resolve("checkpoints");
    }

    private static Path lateEventsUnder(Path home) {
        return home.resolve("stream").resolve("late-events.jsonl");
    }

    /** One folder of sample files per run, named by its start (UTC), so runs never mix. */
    private static Path samplesRunUnder(Path home) {
        return home.resolve("stream").resolve("samples").resolve("run-" + RUN_NAME.format(Instant.now()));
    }

    /** Prints the counters now and then while a followed log is read. */
    private static void printProgress(LocalStreamRunner runner, PrintWriter err) {
        long start = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(PROGRESS_EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            Map<String, Object> counters = runner.progress();
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            err.printf(
                    "wren stream: %s events and %s items shown applied, %s late, in %d:%02d%n",
                    counters.getOrDefault("events", 0),
                    counters.getOrDefault("exposures", 0),
                    counters.getOrDefault("lateEvents", 0),
                    seconds / 60,
                    seconds % 60);
            err.flush();
        }
    }
}
