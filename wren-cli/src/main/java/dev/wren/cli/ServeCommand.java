package dev.wren.cli;

import dev.wren.serving.ServingConfig;
import dev.wren.serving.WrenServer;
import java.io.PrintWriter;
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

    @Mixin
    ServingOptions serving;

    @Mixin
    PortOption http;

    @Option(
            names = "--event-log",
            paramLabel = "FILE",
            description = "The durable JSON-lines event log. Default: <data home>/events.jsonl.")
    Path eventLog;

    @Option(names = "--experiments", paramLabel = "FILE", description = "A JSON file of A/B experiments.")
    Path experiments;

    @ConfigKey("serving.pipeline.candidates")
    @Option(
            names = "--candidates",
            description = "Candidates recall gathers and the ranker scores per request (1-5000). Default:"
                    + " ${DEFAULT-VALUE} (configuration key serving.pipeline.candidates).")
    Integer candidates;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path data = dataOptions.resolve(spec.commandLine().getErr());
        Path home = dataOptions.home.dir;
        ServingConfig config = http.listen(serving.config(data, home, http.port, eventLog, experiments));
        if (candidates != null) {
            if (candidates < 1 || candidates > 5000) {
                throw new WrenUserException("--candidates must be 1..5000, got " + candidates, ExitCodes.USAGE);
            }
            config = config.withPipeline(config.pipeline().withCandidateBudget(candidates));
        }
        serveUntilStopped(WrenServer.start(config), config.host(), data, out);
        return ExitCodes.OK;
    }

    /** Where a person points a browser: localhost for loopback and for every interface, else the address itself. */
    static String address(String host, int port) {
        return switch (host) {
            case "127.0.0.1", "localhost", "::1" -> "http://localhost:" + port + "/";
            case "0.0.0.0", "::" -> "http://localhost:" + port + "/ and every interface";
            default -> "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
        };
    }

    /** Blocks until Ctrl-C (or any JVM shutdown), then closes the server. */
    static void serveUntilStopped(WrenServer server, String host, Path data, PrintWriter out)
            throws InterruptedException {
        serveUntilStopped(server, host, data, out, () -> {});
    }

    /** Serves until the process is stopped, then runs {@code beforeClose} (stopping what runs beside the server). */
    static void serveUntilStopped(WrenServer server, String host, Path data, PrintWriter out, Runnable beforeClose)
            throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            beforeClose.run();
            server.close();
            stopped.countDown();
        }));
        out.printf(
                "Wren is serving %s on %s (API under /api/v1, metrics at /metrics). Ctrl-C stops.%n",
                data, address(host, server.port()));
        out.flush();
        stopped.await();
    }
}
