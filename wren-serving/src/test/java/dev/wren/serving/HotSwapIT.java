package dev.wren.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swapping the serving state while requests keep coming: no request fails, and a broken state is refused. */
class HotSwapIT {
    @TempDir
    Path tmp;

    @Test
    void swapsStatesUnderConcurrentLoadWithoutAFailedRequest() throws Exception {
        Path good = TinyMovieLens.write(tmp.resolve("good"), 7);
        Path other = TinyMovieLens.write(tmp.resolve("other"), 8);
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("movies.csv"), "movieId,title,genres\n1,Lonely (1999),Drama\n");
        try (WrenServer server = WrenServer.start(
                ServingConfig.of(good, tmp.resolve("events.jsonl")).withPort(0))) {
            HttpClient http = HttpClient.newHttpClient();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger served = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> loops = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                loops.add(clients.submit(() -> {
                    int i = 0;
                    while (running.get()) {
                        int user = 1 + (thread * 7 + i++) % TinyMovieLens.USERS;
                        String path = i % 3 == 0
                                ? "/api/v1/movies/" + (1 + i % 40) + "/similar"
                                : "/api/v1/users/" + user + "/recommendations?size=5";
                        try {
                            HttpResponse<String> r = http.send(
                                    HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                failures.add(path + " -> " + r.statusCode() + " " + r.body());
                            }
                            served.incrementAndGet();
                        } catch (Exception e) {
                            failures.add(path + " -> " + e);
                        }
                    }
                }));
            }
            Set<String> versions = new HashSet<>();
            versions.add(server.state().version());
            for (int swap = 0; swap < 6; swap++) {
                Path next = swap % 2 == 0 ? other : good;
                versions.add(server.reload(next).get(60, TimeUnit.SECONDS).version());
                assertThat(server.reload(broken)).failsWithin(java.time.Duration.ofSeconds(60));
            }
            running.set(false);
            for (Future<?> f : loops) {
                f.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
            assertThat(failures).isEmpty();
            assertThat(versions).hasSize(7);
            assertThat(served.get()).isPositive();
        }
    }
}
