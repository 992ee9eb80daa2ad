package dev.wren.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wren.serving.ServingConfig;
import dev.wren.serving.WrenServer;
import dev.wren.serving.bench.LoadBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wren bench serve}: throughput and latency of the recommendation endpoint, at several concurrencies. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Start the server on a free port over the dataset (with the models and store of the data home, as `wren"
                    + " serve` would), then send GET /api/v1/users/{id}/recommendations from closed-loop clients:"
                    + " a warm-up, then a measured period per concurrency. Prints throughput, p50, p99 and the CPU"
                    + " milliseconds per request, and writes them as JSON with --out.",
            "Clients run in the server's JVM: the figures include their cost.",
        })
final class BenchServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    ServingOptions serving;

    @Option(
            names = "--candidates",
            description = "Candidates recall gathers and the ranker scores per request. Default: ${DEFAULT-VALUE}.")
    int candidates = 800;

    @Option(names = "--size", description = "Recommendations asked for per request. Default: ${DEFAULT-VALUE}.")
    int size = 10;

    @Option(
            names = "--concurrency",
            split = ",",
            defaultValue = "1,4,16",
            description = "Closed-loop clients, one run per value. Default: ${DEFAULT-VALUE}.")
    List<Integer> concurrency;

    @Option(names = "--seconds", description = "Measured seconds per run. Default: ${DEFAULT-VALUE}.")
    int seconds = 20;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the results as JSON here.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (candidates < 1 || size < 1 || seconds < 1 || concurrency.stream().anyMatch(c -> c < 1)) {
            throw new WrenUserException(
                    "--candidates, --size, --seconds and --concurrency must be positive", ExitCodes.USAGE);
        }
        PrintWriter print = spec.commandLine().getOut();
        Path data = dataOptions.resolve(spec.commandLine().getErr());
        Path home = dataOptions.home.dir;
        Path events = Files.createTempFile("wren-bench-events", ".jsonl");
        ServingConfig config = serving.config(data, home, 0, events, null);
        config = config.withPipeline(config.pipeline().withCandidateBudget(candidates));
        List<LoadBenchmark.Result> results = new ArrayList<>();
        try (WrenServer server = WrenServer.start(config)) {
            int[] users = server.state().data().ratings().users().stream()
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            print.printf(
                    "%s: %d users, %d items; ranker %s %s, %d candidates per request, %d cores%n",
                    data,
                    users.length,
                    server.state().data().catalog().size(),
                    config.pipeline().ranker(),
                    server.state().data().models().labels(),
                    candidates,
                    Runtime.getRuntime().availableProcessors());
            print.flush();
            for (int c : concurrency) {
                LoadBenchmark.Result r = LoadBenchmark.run(
                        "http://localhost:" + server.port(),
                        users,
                        size,
                        c,
                        Duration.ofSeconds(Math.max(3, seconds / 4)),
                        Duration.ofSeconds(seconds),
                        42);
                print.printf(
                        "concurrency %3d: %8.1f req/s  median %7.2f ms  p99 %7.2f ms  (%d ok, %d failed)"
                                + "  CPU %.2f ms/request  load average %.1f%n",
                        r.concurrency(),
                        r.throughput(),
                        r.p50Ms(),
                        r.p99Ms(),
                        r.requests(),
                        r.failures(),
                        r.cpuMsPerRequest(),
                        r.loadAverage());
                print.flush();
                results.add(r);
            }
        } finally {
            Files.deleteIfExists(events);
        }
        if (out != null) {
            write(data, results);
        }
        return ExitCodes.OK;
    }

    private void write(Path data, List<LoadBenchmark.Result> results) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("data", data.toString());
        report.put("candidates", candidates);
        report.put("size", size);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("runs", results);
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }
}
