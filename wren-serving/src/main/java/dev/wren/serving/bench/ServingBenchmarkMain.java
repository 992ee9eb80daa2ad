package dev.wren.serving.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wren.serving.ServingConfig;
import dev.wren.serving.WrenServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a server over a MovieLens folder (port 0) and measures the recommendation endpoint at several concurrencies.
 * Arguments: {@code [--store=URI] [--models=DIR] [--offline=DIR] [--budget=N] <dataDir> <out.json> [seconds per run]
 * [concurrency...]}: the store defaults to {@code memory:} (a bootstrap snapshot), without models the {@code model}
 * ranker is the blend ranker, the budget is the number of candidates recall gathers (and the ranker scores). Prints one
 * line per run and writes all results as JSON.
 */
public final class ServingBenchmarkMain {
    private ServingBenchmarkMain() {}

    private static String stats(int port) throws IOException, InterruptedException {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/api/v1/stats"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                flags.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                positional.add(a);
            }
        }
        args = positional.toArray(String[]::new);
        if (args.length < 2) {
            System.err.println("usage: ServingBenchmarkMain [--store=URI] [--models=DIR] [--offline=DIR] [--budget=N]"
                    + " <dataDir> <out.json> [seconds] [concurrency...]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<Integer> levels = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            levels.add(Integer.parseInt(args[i]));
        }
        if (levels.isEmpty()) {
            levels = List.of(1, 4, 16);
        }
        Path events = Files.createTempFile("wren-bench-events", ".jsonl");
        long startLoad = System.nanoTime();
        ServingConfig config =
                ServingConfig.of(data, events).withPort(0).withStore(flags.getOrDefault("store", "memory:"));
        if (flags.containsKey("budget")) {
            config = config.withPipeline(config.pipeline().withCandidateBudget(Integer.parseInt(flags.get("budget"))));
        }
        if (flags.containsKey("models")) {
            config = flags.containsKey("offline")
                    ? config.withModels(Path.of(flags.get("models")), Path.of(flags.get("offline")))
                    : config.withModels(Path.of(flags.get("models")));
        }
        try (WrenServer server = WrenServer.start(config)) {
            double loadSeconds = (System.nanoTime() - startLoad) / 1e9;
            int[] users = server.state().data().ratings().users().stream()
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            List<LoadBenchmark.Result> results = new ArrayList<>();
            for (int c : levels) {
                LoadBenchmark.Result r = LoadBenchmark.run(
                        "http://localhost:" + server.port(),
                        users,
                        10,
                        c,
                        Duration.ofSeconds(Math.max(3, seconds / 4)),
                        Duration.ofSeconds(seconds),
                        42);
                System.out.printf(
                        "concurrency %3d: %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%d ok, %d failed)"
                                + "  CPU %.2f ms/request  load %.1f%n",
                        r.concurrency(),
                        r.throughput(),
                        r.p50Ms(),
                        r.p99Ms(),
                        r.maxMs(),
                        r.requests(),
                        r.failures(),
                        r.cpuMsPerRequest(),
                        r.loadAverage());
                results.add(r);
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("dataDir", data.toString());
            report.put("users", users.length);
            report.put("items", server.state().data().catalog().size());
            report.put("startupSeconds", loadSeconds);
            report.put("store", config.storeUri());
            report.put("candidateBudget", config.pipeline().candidateBudget());
            report.put("ranker", config.pipeline().ranker());
            report.put("models", server.state().data().models().labels());
            report.put("cores", Runtime.getRuntime().availableProcessors());
            report.put("runs", results);
            report.put("serverStats", new ObjectMapper().readTree(stats(server.port())));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        } finally {
            Files.deleteIfExists(events);
        }
    }
}
