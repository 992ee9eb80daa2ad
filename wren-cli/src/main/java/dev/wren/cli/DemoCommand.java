package dev.wren.cli;

import dev.wren.cli.config.WrenSettings;
import dev.wren.model.blocks.ModelCatalog;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.offline.OfflineSamples;
import dev.wren.model.offline.OfflineTraining;
import dev.wren.model.report.ModelResult;
import dev.wren.model.train.TrainConfig;
import dev.wren.offline.OfflineConfig;
import dev.wren.offline.OfflineResult;
import dev.wren.serving.ServingConfig;
import dev.wren.serving.WrenServer;
import dev.wren.stream.LocalStreamRunner;
import dev.wren.stream.StreamConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wren demo}: the whole system in one command. Dataset, offline pipeline, model training and the server, each
 * step reusing what an earlier run already built for the same dataset, so that a second run starts serving at once.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run Wren end to end: take the dataset (--data, or generate Wren's synthetic one), run the offline"
                    + " pipeline on Spark, train the default models, then start the server and web UI (on"
                    + " http://localhost:8080 unless configured otherwise).",
            "Everything goes under the data home (offline/, store/, models/, events.jsonl), so `wren serve`,"
                    + " `wren train` and `wren report` pick up where the demo left off. A second run for the same"
                    + " dataset reuses the offline outputs and models; --fresh rebuilds them.",
        })
final class DemoCommand implements Callable<Integer> {
    private static final String STAMP = "demo-input.txt";
    private static final int STEPS = 4;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    ServingOptions serving;

    @Mixin
    PortOption http;

    @ConfigKey("training.demo-models")
    @Option(
            names = "--train",
            split = ",",
            description = "Models to train (names as in `wren train`). Default: ${DEFAULT-VALUE} (configuration key"
                    + " training.demo-models).")
    List<String> train;

    @ConfigKey("offline.master")
    @Option(
            names = "--master",
            description = "Spark master for the offline pipeline. Default: ${DEFAULT-VALUE} (configuration key"
                    + " offline.master).")
    String master;

    @Option(names = "--fresh", description = "Rebuild the offline outputs and retrain, even when they are there.")
    boolean fresh;

    @Option(
            names = "--no-serve",
            description = "Prepare everything, print the command that serves it, and exit (for scripts and CI).")
    boolean noServe;

    @Option(
            names = "--no-stream",
            description = "Serve without the near-line stream job (which otherwise runs in this process, following"
                    + " the server's event log into its store: trends, item CTR, users' recent activity).")
    boolean noStream;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        checkModelNames();
        Path home = dataOptions.home.dir;
        WrenSettings settings = ConfiguredExecution.settings(spec);
        Path logs = QuietConsole.logTo(home.resolve("logs").resolve("wren.log"), spec.commandLine());
        out.println("Logs: " + logs + " (--verbose shows them here too)");
        step(out, 1, "dataset");
        Path data = dataOptions.resolve(spec.commandLine().getErr()).toAbsolutePath();
        out.println("  " + data);

        Path offlineDir = serving.offline != null ? serving.offline : home.resolve("offline");
        String storeUri = serving.storeUri(home);
        boolean rebuild = fresh || !builtFrom(offlineDir, data);
        step(out, 2, "offline pipeline on Spark (" + master + ")");
        if (rebuild) {
            forget(offlineDir);
            OfflineConfig config = settings.offlineConfig(data, offlineDir).withMaster(master);
            config = config.withEmbedding(config.embedding().withDimension(serving.dimension.value));
            OfflineResult result = OfflineCommand.run(config, storeUri, serving.dimension.value);
            OfflineCommand.print(out, result);
            remember(offlineDir, data);
        } else {
            out.println("  already built for this dataset in " + offlineDir + " (--fresh rebuilds it)");
        }

        step(out, 3, "training " + String.join(", ", train));
        Path bundles = serving.models != null ? serving.models : home.resolve("models");
        train(out, settings, offlineDir, bundles, rebuild);

        step(out, 4, "server and web UI");
        if (noServe) {
            out.printf(
                    "  ready; start it with: wren serve --data %s --data-home %s --port %d%s%n",
                    data, home, http.port, serving.posters == null ? "" : " --posters " + serving.posters);
            return ExitCodes.OK;
        }
        ServingConfig config = http.listen(serving.config(data, home, http.port, null, null));
        WrenServer server = WrenServer.start(config);
        if (noStream) {
            ServeCommand.serveUntilStopped(server, config.host(), data, out, () -> {});
            return ExitCodes.OK;
        }
        // The job shares the server's store: an embedded folder opened twice in one process is one store.
        StreamConfig streamConfig = StreamCommand.followDefaults(
                settings, config.eventLog(), data, home, storeUri, serving.dimension.value);
        LocalStreamRunner stream;
        try {
            stream = LocalStreamRunner.start(streamConfig);
        } catch (Exception e) {
            server.close();
            throw new WrenUserException("the stream job did not start: " + e.getMessage(), ExitCodes.FAILURE, e);
        }
        out.printf(
                "  stream job following %s in this process (trends, item CTR, recent activity)%n", config.eventLog());
        ServeCommand.serveUntilStopped(server, config.host(), data, out, () -> {
            try {
                stream.cancel(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IllegalStateException e) {
                // Flink's own shutdown hook may have stopped the MiniCluster, and with it the job, first.
            }
        });
        return ExitCodes.OK;
    }

    private void train(PrintWriter out, WrenSettings settings, Path offlineDir, Path bundles, boolean retrain) {
        OfflineSamples samples = OfflineSamples.open(
                offlineDir, settings.training().split(), settings.training().validationFraction());
        ModelCatalog catalog = OfflineTraining.catalog(samples.layout());
        for (String name : train) {
            ModelSpec model = catalog.byName(name.trim());
            if (!retrain && ModelBundle.latest(bundles, model.name()).isPresent()) {
                out.println("  " + model.name() + ": already trained in " + bundles.resolve(model.name()));
                continue;
            }
            TrainConfig config = settings.trainConfig(model).withProgress(true);
            ModelResult result = OfflineTraining.train(samples, model, config, bundles);
            TrainCommand.print(out, result);
            out.flush();
        }
    }

    private void checkModelNames() {
        List<String> known = new ModelCatalog(List.of()).names();
        for (String name : train) {
            if (!known.contains(name.trim())) {
                throw new WrenUserException(
                        "--train: unknown model '" + name.trim() + "'; known models are " + known, ExitCodes.USAGE);
            }
        }
    }

    private static void step(PrintWriter out, int n, String what) {
        out.printf("Step %d/%d: %s%n", n, STEPS, what);
        out.flush();
    }

    /** Whether the offline folder holds a completed run over {@code data}. */
    private static boolean builtFrom(Path offlineDir, Path data) {
        Path stamp = offlineDir.resolve(STAMP);
        try {
            return Files.exists(stamp) && Files.readString(stamp).strip().equals(data.toString());
        } catch (IOException e) {
            return false;
        }
    }

    private static void forget(Path offlineDir) {
        try {
            Files.deleteIfExists(offlineDir.resolve(STAMP));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + offlineDir.resolve(STAMP), e);
        }
    }

    /** Written only after the pipeline completed, so that an interrupted run is redone rather than half-used. */
    private static void remember(Path offlineDir, Path data) {
        try {
            Files.writeString(offlineDir.resolve(STAMP), data + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + offlineDir.resolve(STAMP), e);
        }
    }
}
