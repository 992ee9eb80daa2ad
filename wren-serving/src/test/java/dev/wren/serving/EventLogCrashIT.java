package dev.wren.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: a real server in a child JVM ({@code --event-log-sync always}) takes events from several
 * client threads and is killed with SIGKILL in the middle of the load; a server restarted on the same event log has
 * every event that was answered 200, in the log and in the user's features. What a kill cannot show, a power loss, is
 * what the {@code fsync} is for; EVENT_LOG.md says what each policy promises there.
 */
class EventLogCrashIT {
    private static final int CLIENTS = 4;
    private static final int USERS_PER_CLIENT = 3;
    /** The kill comes once this many events are acknowledged, so it lands mid-load whatever the machine's speed. */
    private static final int KILL_AFTER = 150;

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    /** One event as the client sent it; its timestamp is unique, so the log's line can be found by it. */
    record Sent(int userId, int movieId, long timestamp) {}

    @Test
    void everyAcknowledgedEventSurvivesAKillMidLoadAndIsAppliedAfterTheRestart() throws Exception {
        Path data = TinyMovieLens.write(tmp.resolve("ml"), 7);
        Path events = tmp.resolve("events.jsonl");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ServerProcess.class.getName(),
                        data.toString(),
                        events.toString(),
                        "always")
                .redirectError(tmp.resolve("child.err").toFile())
                .start();
        Queue acked = new Queue();
        try {
            int port = port(child);
            HttpClient http = HttpClient.newHttpClient();
            AtomicLong clock = new AtomicLong(1_700_000_000L);
            CountDownLatch enough = new CountDownLatch(KILL_AFTER);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Integer>> refused = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                refused.add(clients.submit(() -> post(http, port, client, clock, acked, enough)));
            }
            enough.await();
            // SIGKILL: no shutdown hook, no close(), no final flush; the clients are still posting.
            child.destroyForcibly();
            child.waitFor();
            clients.shutdown();
            for (Future<Integer> f : refused) {
                assertThat(f.get()).as("requests that failed before the kill").isZero();
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(acked.items.size()).isGreaterThanOrEqualTo(KILL_AFTER);

        Map<Long, JsonNode> logged = new ConcurrentHashMap<>();
        for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
            try {
                JsonNode n = json.readTree(line);
                logged.put(n.path("timestamp").asLong(), n);
            } catch (IOException e) {
                // The one line the kill may have cut short: never an acknowledged one, checked below.
            }
        }
        for (Sent s : acked.items) {
            JsonNode line = logged.get(s.timestamp());
            assertThat(line).as("acknowledged %s in the log", s).isNotNull();
            assertThat(line.path("userId").asInt()).isEqualTo(s.userId());
            assertThat(line.path("itemId").asInt()).isEqualTo(s.movieId());
        }

        try (WrenServer restarted =
                WrenServer.start(ServingConfig.of(data, events).withPort(0))) {
            HttpClient http = HttpClient.newHttpClient();
            Map<Integer, List<Sent>> byUser = acked.items.stream().collect(Collectors.groupingBy(Sent::userId));
            for (Map.Entry<Integer, List<Sent>> e : byUser.entrySet()) {
                JsonNode history = json.readTree(http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restarted.port()
                                                + "/api/v1/users/" + e.getKey() + "/history?limit=200"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
                Set<Long> replayed = new HashSet<>();
                history.path("items").forEach(h -> {
                    if (h.path("source").asText().equals("live")) {
                        replayed.add(h.path("timestamp").asLong());
                    }
                });
                for (Sent s : e.getValue()) {
                    assertThat(replayed).as("acknowledged %s replayed", s).contains(s.timestamp());
                }
                // Each rating is a 5, a positive: the newest acknowledged one is among the user's recent positives.
                Sent newest = e.getValue().stream()
                        .max((a, b) -> Long.compare(a.timestamp(), b.timestamp()))
                        .orElseThrow();
                Features row = restarted
                        .state()
                        .data()
                        .store()
                        .get(EntityKind.USER, e.getKey())
                        .orElseThrow();
                assertThat(row.intList(FeatureSchema.RECENT_POSITIVES))
                        .as("user %d's recent positives", e.getKey())
                        .contains(newest.movieId());
            }
        }
    }

    /** Reads the child's {@code port=<n>} line. */
    private static int port(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("port=")) {
                return Integer.parseInt(line.substring("port=".length()).strip());
            }
        }
        throw new IllegalStateException("the server process ended before listening; see child.err");
    }

    /**
     * Posts 5-star ratings for this client's users until the server stops answering; records each 200. Returns the
     * number of non-200 answers, which must be 0: the load itself is valid.
     */
    private static int post(
            HttpClient http, int port, int client, AtomicLong clock, Queue acked, CountDownLatch enough) {
        int refused = 0;
        for (int i = 0; ; i++) {
            int user = 100_000 + client * USERS_PER_CLIENT + i % USERS_PER_CLIENT;
            int movie = 1 + (i * 7 + client) % TinyMovieLens.MOVIES;
            long timestamp = clock.incrementAndGet();
            String body = "{\"userId\":" + user + ",\"movieId\":" + movie + ",\"type\":\"rating\",\"value\":5,"
                    + "\"timestamp\":" + timestamp + "}";
            HttpResponse<String> r;
            try {
                r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return refused; // the server is gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return refused;
            }
            if (r.statusCode() == 200) {
                acked.items.add(new Sent(user, movie, timestamp));
                enough.countDown();
            } else if (enough.getCount() > 0) {
                refused++;
            }
        }
    }

    /** The acknowledged events, from every client thread. */
    private static final class Queue {
        final ConcurrentLinkedQueue<Sent> items = new ConcurrentLinkedQueue<>();
    }
}
