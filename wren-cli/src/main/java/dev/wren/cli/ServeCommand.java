package dev.wren.cli;

import dev.wren.serving.ServingConfig;
import dev.wren.serving.WrenServer;
import dev.wren.serving.ab.ExperimentsFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren serve}: the online recommendation server and web UI, until interrupted. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Start the recommendation server: the JSON API under /api/v1, the web UI at /, Prometheus metrics at"
                    + " /metrics. Recall (popular, genre, item-CF, embedding ANN) -> rank -> rerank, with A/B variants"
                    + " and real-time events. Serves the store's live snapshot (from `wren offline`), or bootstraps"
                    + " one from the ratings when the store is empty. Stops on Ctrl-C.",
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "HTTP port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--store",
            paramLabel = "URI",
            defaultValue = "${env:WREN_STORE}",
            description = "Feature store: memory:, embedded:/dir or redis://host:port/db (env WREN_STORE)."
                    + " Default: embedded:<data home>/store.")
    String store;

    @Option(names = "--posters", paramLabel = "DIR", description = "A folder of <movieId>.jpg posters.")
    Path posters;

    @Option(
            names = "--event-log",
            paramLabel = "FILE",
            description = "The durable JSON-lines event log. Default: <data home>/events.jsonl.")
    Path eventLog;

    @Option(names = "--experiments", paramLabel = "FILE", description = "A JSON file of A/B experiments.")
    Path experiments;

    @Option(
            names = "--models",
            paramLabel = "DIR",
            description =
                    "Model bundles (as `wren train` writes them): the best ranking bundle by validation AUC ranks,"
                            + " a two-tower bundle recalls; a new bundle there is swapped in without a restart."
                            + " Default: <data home>/models when it exists.")
    Path models;

    @Option(
            names = "--offline",
            paramLabel = "DIR",
            description = "The offline output the bundles were trained on (manifest.json)."
                    + " Default: <data home>/offline when it exists.")
    Path offline;

    @Option(
            names = "--dim",
            defaultValue = "32",
            description = "Embedding dimension of the store. Default: ${DEFAULT-VALUE}.")
    int dimension;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path data = dataOptions.resolve(spec.commandLine().getErr());
        Path home = dataOptions.home.dir;
        ServingConfig config = withModels(
                config(data, home, store, port, posters, eventLog, experiments, dimension), home, models, offline);
        serveUntilStopped(WrenServer.start(config), data, out);
        return ExitCodes.OK;
    }

    /** The serving configuration: the given values, and defaults under the data home for those left null. */
    static ServingConfig config(
            Path data,
            Path home,
            String store,
            int port,
            Path posters,
            Path eventLog,
            Path experiments,
            int dimension) {
        ServingConfig defaults = ServingConfig.of(data, eventLog != null ? eventLog : home.resolve("events.jsonl"));
        ServingConfig config = new ServingConfig(
                defaults.dataDir(),
                store == null || store.isBlank()
                        ? "embedded:" + home.resolve("store").toAbsolutePath()
                        : store,
                port,
                defaults.postersDir(),
                defaults.eventLog(),
                dimension,
                defaults.pipeline(),
                experiments == null ? defaults.experiments() : ExperimentsFile.read(experiments));
        return posters != null ? config.withPosters(posters) : config;
    }

    /**
     * Adds the models folder (and the offline folder its bundles were trained on): the given ones, or else those
     * under the data home when they exist. Without either, the server ranks with its non-deep blend ranker.
     */
    static ServingConfig withModels(ServingConfig config, Path home, Path models, Path offline) {
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

    /** Blocks until Ctrl-C (or any JVM shutdown), then closes the server. */
    static void serveUntilStopped(WrenServer server, Path data, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        out.printf(
                "Wren is serving %s on http://localhost:%d/ (API under /api/v1, metrics at /metrics). Ctrl-C stops.%n",
                data, server.port());
        out.flush();
        stopped.await();
    }
}
