// Open-loop soak load against a running `wren serve`: recommendation requests for random users and, in a given share,
// events (ratings and clicks of random movies), sent at a fixed rate whatever the server's latency (each latency is
// measured from the moment the request was due, so a stall is not hidden by the generator waiting for it). Every
// minute it prints the requests, errors, p50/p99/max, and every few minutes the server's heap after a full GC.
// JDK only; run by soak.sh:
//
//   java wren-serving/bench/Soak.java URL RATE MINUTES EVENT_SHARE MAX_USER MOVIES_CSV SERVER_PID [GC_EVERY_MINUTES]
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Soak {
    record Outcome(long nanos, boolean ok, boolean event) {}

    public static void main(String[] a) throws Exception {
        String url = a[0];
        double rate = Double.parseDouble(a[1]);
        int minutes = Integer.parseInt(a[2]);
        double eventShare = Double.parseDouble(a[3]);
        int maxUser = Integer.parseInt(a[4]);
        int[] movies = movieIds(Path.of(a[5]));
        String pid = a[6];
        int gcEvery = a.length > 7 ? Integer.parseInt(a[7]) : 5;

        HttpClient client = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(4))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Random random = new Random(42);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicLong inFlight = new AtomicLong();
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        long next = start;
        long minuteEnd = start + 60_000_000_000L;
        int minute = 0;
        long totalRequests = 0;
        long totalErrors = 0;
        List<Double> p99s = new ArrayList<>();
        List<Long> heaps = new ArrayList<>();
        System.out.println("| minute | requests | events | errors | in flight | p50 ms | p99 ms | max ms | heap after GC MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        while (minute < minutes) {
            long now = System.nanoTime();
            while (next <= now) {
                long due = next;
                boolean event = random.nextDouble() < eventShare;
                HttpRequest request = event ? eventRequest(url, random, maxUser, movies) : recommendRequest(url, random, maxUser);
                inFlight.incrementAndGet();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    inFlight.decrementAndGet();
                    boolean ok = error == null && response.statusCode() / 100 == 2;
                    outcomes.add(new Outcome(System.nanoTime() - due, ok, event));
                });
                next += intervalNanos;
            }
            if (now >= minuteEnd) {
                minute++;
                List<Outcome> done = new ArrayList<>();
                for (Outcome o; (o = outcomes.poll()) != null; ) {
                    done.add(o);
                }
                long[] latencies = done.stream().mapToLong(Outcome::nanos).sorted().toArray();
                long errors = done.stream().filter(o -> !o.ok()).count();
                long events = done.stream().filter(Outcome::event).count();
                String heap = "";
                if (minute % gcEvery == 0 || minute == minutes) {
                    long mb = heapAfterGc(pid);
                    heaps.add(mb);
                    heap = Long.toString(mb);
                }
                double p99 = percentile(latencies, 0.99);
                p99s.add(p99);
                totalRequests += latencies.length;
                totalErrors += errors;
                System.out.printf("| %d | %,d | %,d | %d | %d | %.1f | %.1f | %.1f | %s |%n", minute, latencies.length,
                        events, errors, inFlight.get(), percentile(latencies, 0.5), p99,
                        latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, heap);
                minuteEnd += 60_000_000_000L;
            }
            long sleep = Math.min(next, minuteEnd) - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        double[] p = p99s.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%nrequests %,d at %.0f/s for %d min, errors %d; p99 per minute: median %.1f ms, max %.1f ms;"
                        + " heap after GC: first %d MB, last %d MB, max %d MB%n",
                totalRequests, rate, minutes, totalErrors, p[p.length / 2], p[p.length - 1],
                heaps.get(0), heaps.get(heaps.size() - 1), heaps.stream().mapToLong(Long::longValue).max().orElse(0));
        System.exit(totalErrors == 0 ? 0 : 1);
    }

    static HttpRequest recommendRequest(String url, Random random, int maxUser) {
        int user = 1 + random.nextInt(maxUser);
        return HttpRequest.newBuilder(URI.create(url + "/api/v1/users/" + user + "/recommendations?size=10"))
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    static HttpRequest eventRequest(String url, Random random, int maxUser, int[] movies) {
        int user = 1 + random.nextInt(maxUser);
        int movie = movies[random.nextInt(movies.length)];
        String body = random.nextBoolean()
                ? "{\"userId\":" + user + ",\"movieId\":" + movie + ",\"type\":\"click\"}"
                : "{\"userId\":" + user + ",\"movieId\":" + movie + ",\"type\":\"rating\",\"value\":"
                        + (1 + random.nextInt(5)) + "}";
        return HttpRequest.newBuilder(URI.create(url + "/api/v1/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
    }

    /** The server's used heap in MB right after a full GC, as jcmd reports it. */
    static long heapAfterGc(String pid) throws IOException, InterruptedException {
        run("jcmd", pid, "GC.run");
        String info = run("jcmd", pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    static int[] movieIds(Path moviesCsv) throws IOException {
        // The first field of each line after the header; the movie ids are plain integers in every MovieLens layout.
        return Files.readAllLines(moviesCsv).stream().skip(1).map(l -> l.split("[,|:]", 2)[0]).filter(s -> s.matches("\\d+"))
                .mapToInt(Integer::parseInt).toArray();
    }
}
