package dev.wren.serving.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@code GET /users/{id}/recommendations} from a fixed number of closed-loop clients (each sends its next request
 * when the last one answered) and measures each request's latency. Users are drawn with a seeded random generator.
 */
public final class LoadBenchmark {
    /**
     * The outcome of one run.
     *
     * @param concurrency the number of clients
     * @param requests requests answered with 200
     * @param failures requests answered otherwise, or not at all
     * @param seconds the measured duration
     * @param throughput requests per second
     * @param p50Ms median latency
     * @param p99Ms 99th percentile latency
     * @param maxMs the slowest request
     * @param cpuMsPerRequest CPU time of the whole process (server and clients, which share the JVM) per answered
     *     request over the measured period: the cost that bounds throughput on an idle machine ({@code cores * 1000 /
     *     cpuMsPerRequest} req/s), much less disturbed by other processes than the wall-clock figures
     * @param loadAverage the machine's one-minute load average at the end of the run
     */
    public record Result(
            int concurrency,
            long requests,
            long failures,
            double seconds,
            double throughput,
            double p50Ms,
            double p99Ms,
            double maxMs,
            double cpuMsPerRequest,
            double loadAverage) {}

    private LoadBenchmark() {}

    /**
     * Runs a warm-up and then the measured period.
     *
     * @param baseUrl e.g. {@code http://localhost:8080}
     * @param userIds the users to ask for
     * @param size the list size asked for
     */
    public static Result run(
            String baseUrl, int[] userIds, int size, int concurrency, Duration warmUp, Duration measure, long seed)
            throws InterruptedException {
        // HTTP/1.1 with keep-alive: the default client offers an h2c upgrade on plain-HTTP requests.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        loop(http, baseUrl, userIds, size, concurrency, warmUp, seed, new ArrayList<>(), new AtomicLong());
        List<long[]> latencies = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        loop(http, baseUrl, userIds, size, concurrency, measure, seed + 1, latencies, failures);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuStart;
        long[] all = latencies.stream()
                .flatMapToLong(Arrays::stream)
                .filter(x -> x > 0)
                .sorted()
                .toArray();
        return new Result(
                concurrency,
                all.length,
                failures.get(),
                seconds,
                all.length / seconds,
                percentile(all, 0.50),
                percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                all.length == 0 ? 0 : cpu / 1e6 / all.length,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static void loop(
            HttpClient http,
            String baseUrl,
            int[] userIds,
            int size,
            int concurrency,
            Duration duration,
            long seed,
            List<long[]> latencies,
            AtomicLong failures)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Random random = new Random(seed * 31 + c);
            clients.add(pool.submit(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    int user = userIds[random.nextInt(userIds.length)];
                    HttpRequest req = HttpRequest.newBuilder(
                                    URI.create(baseUrl + "/api/v1/users/" + user + "/recommendations?size=" + size))
                            .build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = System.nanoTime() - t0;
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        failures.incrementAndGet();
                    }
                }
                return Arrays.copyOf(mine, n);
            }));
        }
        for (Future<long[]> f : clients) {
            try {
                latencies.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a load client failed: " + e.getCause(), e.getCause());
            }
        }
        pool.shutdown();
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
