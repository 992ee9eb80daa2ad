package dev.wren.stream;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.store.FeatureStores;
import dev.wren.stream.events.SplitLateEvents;
import dev.wren.stream.kafka.KafkaCheck;
import dev.wren.stream.users.BaseHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stream job in a local Flink MiniCluster inside this process (what {@code wren stream} does): checks the
 * inputs first, so that a missing catalogue or an empty store is one clear error rather than a job that fails and
 * restarts, and resumes a followed log from its newest checkpoint. Thread-safe: {@link #cancel} may come from a
 * shutdown hook while another thread is in {@link #await}.
 */
public final class LocalStreamRunner {
    private static final Logger log = LoggerFactory.getLogger(LocalStreamRunner.class);

    private final JobClient client;
    private final Optional<Path> restoredFrom;
    private volatile boolean cancelling;

    private LocalStreamRunner(JobClient client, Optional<Path> restoredFrom) {
        this.client = client;
        this.restoredFrom = restoredFrom;
    }

    /**
     * How a run ended.
     *
     * @param cancelled whether it was cancelled (how a followed log stops), rather than reaching the log's end
     * @param events events applied, when the job reported it (not after a cancellation)
     * @param lateEvents late events set aside, likewise
     * @param exposures exposures (items shown) taken, likewise
     */
    public record Result(boolean cancelled, long events, long lateEvents, long exposures) {}

    /** Checks the inputs and submits the job to a new local MiniCluster with the configuration's parallelism. */
    public static LocalStreamRunner start(StreamConfig config) throws Exception {
        return start(config, conf -> {
            // Any free port for the MiniCluster's REST endpoint, so that a Flink cluster on 8081 is no obstacle.
            conf.set(RestOptions.BIND_PORT, "0");
            // An embedded cluster has no security tokens and no log file of its own: say so once, not as warnings.
            conf.set(SecurityOptions.DELEGATION_TOKENS_ENABLED, false);
            conf.set(WebOptions.LOG_PATH, "none");
            return StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), conf);
        });
    }

    /**
     * Checks the inputs and submits the job to the environment that {@code environment} makes from the job's Flink
     * configuration.
     *
     * @throws IllegalArgumentException when the log or the dataset is missing
     * @throws IllegalStateException when the store has no live version to update
     */
    public static LocalStreamRunner start(
            StreamConfig config, Function<Configuration, StreamExecutionEnvironment> environment) throws Exception {
        preflight(config);
        Optional<Path> folder = config.checkpoints().map(root -> config.kafka()
                .map(k -> Checkpoints.folderFor(root, "kafka:" + k.describe(), config.follow()))
                .orElseGet(() -> Checkpoints.folderFor(root, config.events(), config.follow())));
        // A replay starts from the log's beginning (its writes are idempotent); a followed log resumes.
        Optional<Path> restore = config.follow() ? folder.flatMap(Checkpoints::latest) : Optional.empty();
        folder.ifPresent(f -> Checkpoints.pruneExcept(f, restore));
        StreamConfig effective = config.withCheckpoints(config.checkpointInterval(), folder);
        StreamExecutionEnvironment env = environment.apply(StreamJob.flinkConfiguration(effective, restore));
        StreamJob.define(env, effective);
        JobClient client = env.executeAsync(StreamJob.NAME);
        restore.ifPresent(r -> log.info("Resumed from checkpoint {}", r));
        return new LocalStreamRunner(client, restore);
    }

    /** The checkpoint this run resumed from, if any. */
    public Optional<Path> restoredFrom() {
        return restoredFrom;
    }

    /** The counters so far ({@code events}, {@code lateEvents}), by name; empty when the job cannot say. */
    public Map<String, Object> progress() {
        try {
            return client.getAccumulators().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /**
     * Waits for the job to end: a replay at the log's end, a followed log when cancelled.
     *
     * @throws RuntimeException the job's failure as its deepest cause, which says what went wrong in one sentence
     */
    public Result await() throws InterruptedException {
        try {
            Map<String, Object> counters = client.getJobExecutionResult().get().getAllAccumulatorResults();
            return new Result(
                    false,
                    count(counters, SplitLateEvents.EVENTS),
                    count(counters, SplitLateEvents.LATE_EVENTS),
                    count(counters, SplitLateEvents.EXPOSURES));
        } catch (ExecutionException e) {
            if (cancelling) {
                return new Result(true, 0, 0, 0);
            }
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the stream job failed: " + cause, cause);
        }
    }

    /** Cancels the job (a followed log keeps its last checkpoint) and waits up to {@code seconds} for it to stop. */
    public void cancel(long seconds) throws InterruptedException {
        cancelling = true;
        try {
            client.cancel().get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The stream job did not cancel cleanly: {}", e.toString());
        }
    }

    private static long count(Map<String, Object> counters, String name) {
        return counters.get(name) instanceof Number n ? n.longValue() : 0;
    }

    private static void preflight(StreamConfig config) {
        config.kafka().ifPresent(k -> KafkaCheck.topicsExist(k, Duration.ofSeconds(10)));
        if (config.kafka().isEmpty() && !config.follow() && !Files.isRegularFile(config.events())) {
            throw new IllegalArgumentException(
                    "no event log at " + config.events() + " (serving writes one as it runs; --follow waits for it)");
        }
        if (!Files.isDirectory(config.data())) {
            throw new IllegalArgumentException("no dataset folder at " + config.data());
        }
        if (BaseHistory.itemIds(config.data()).isEmpty()) {
            throw new IllegalArgumentException(config.data() + " has no movies: the stream job needs the catalogue");
        }
        try (FeatureStore store =
                FeatureStores.open(config.storeUri(), FeatureSchema.standard(config.embeddingDimension()))) {
            if (store.liveVersion().isEmpty()) {
                throw new IllegalStateException("the feature store " + store + " has no live version to update:"
                        + " publish one first (wren offline, or wren serve bootstraps one)");
            }
        }
    }
}
