package dev.wren.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.model.online.ModelsFolder;
import dev.wren.model.topk.TopKRanker;
import dev.wren.serving.rank.LearnedRanker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * Swapping the serving state (data or model bundles) while requests keep coming: no request fails, and a broken state
 * or bundle is refused while the old one keeps serving.
 */
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
            Clients clients = new Clients(server);
            Set<String> versions = new HashSet<>();
            versions.add(server.state().version());
            for (int swap = 0; swap < 6; swap++) {
                Path next = swap % 2 == 0 ? other : good;
                versions.add(server.reload(next).get(60, TimeUnit.SECONDS).version());
                assertThat(server.reload(broken)).failsWithin(java.time.Duration.ofSeconds(60));
            }
            clients.stop();
            assertThat(clients.failures).isEmpty();
            assertThat(versions).hasSize(7);
            assertThat(clients.served.get()).isPositive();
        }
    }

    @Test
    void swapsInANewBundleUnderConcurrentLoadAndRefusesCorruptOrMismatchedOnes() throws Exception {
        Path data = TinyMovieLens.write(tmp.resolve("ml"), 7);
        Path models = TinyModels.copyModels(tmp.resolve("models"));
        try (WrenServer server = WrenServer.start(ServingConfig.of(data, tmp.resolve("events.jsonl"))
                .withPort(0)
                .withModels(models, TinyModels.offline()))) {
            assertThat(server.state().data().models().labels()).contains("deepfm/v1");
            Clients clients = new Clients(server);

            // A new version in the folder is noticed and swapped in, without a reload call.
            TinyModels.copyVersion(models, "deepfm", "v1", "v2");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!server.state().data().models().labels().contains("deepfm/v2") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(server.state().data().models().labels()).contains("deepfm/v2");

            // Corrupt parameters: refused, v2 keeps serving.
            Path corrupt = TinyModels.copyVersion(models, "deepfm", "v1", "v3");
            Files.write(corrupt.resolve("parameters.bin"), new byte[] {1, 2, 3});
            assertThat(server.reload(data))
                    .failsWithin(Duration.ofSeconds(60))
                    .withThrowableThat()
                    .withMessageContaining("corrupt");
            assertThat(server.state().data().models().labels()).contains("deepfm/v2");

            // A bundle trained on another layout: refused, v2 keeps serving.
            delete(corrupt);
            Path mismatched = TinyModels.copyVersion(models, "deepfm", "v1", "v4");
            Path manifest = mismatched.resolve("bundle.json");
            Files.writeString(manifest, Files.readString(manifest).replace("\"Romance\"", "\"Romantic\""));
            assertThat(server.reload(data))
                    .failsWithin(Duration.ofSeconds(60))
                    .withThrowableThat()
                    .withMessageContaining("does not fit the offline manifest");
            assertThat(server.state().data().models().labels()).contains("deepfm/v2");

            delete(mismatched);
            assertThat(server.reload(data)
                            .get(60, TimeUnit.SECONDS)
                            .data()
                            .models()
                            .labels())
                    .contains("deepfm/v2");
            clients.stop();
            assertThat(clients.failures).isEmpty();
            assertThat(clients.served.get()).isPositive();
        }
    }

    @Test
    void swapsInALearnedRankerAndRefusesACorruptOne() throws Exception {
        Path data = TinyMovieLens.write(tmp.resolve("ml-learned"), 7);
        Path models = TinyModels.copyModels(tmp.resolve("models-learned"));
        ServingConfig config = ServingConfig.of(data, tmp.resolve("events-learned.jsonl"))
                .withPort(0)
                .withModels(models, TinyModels.offline());
        try (TopKRanker ranker = TinyRankers.followingAls();
                WrenServer server =
                        WrenServer.start(config.withPipeline(config.pipeline().withRanker(LearnedRanker.NAME)))) {
            assertThat(server.state().data().models().topK()).isEmpty();
            Clients clients = new Clients(server);

            // Saved while requests come: the watcher loads a state with it, and the learned ranker ranks with it.
            ModelsFolder.saveTopKRanker(models, ranker);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!server.state().data().models().labels().contains("topk-ranker/v1")
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(server.state().data().models().labels()).contains("deepfm/v1", "topk-ranker/v1");
            assertThat(((LearnedRanker) server.state().stages().rankers().get(LearnedRanker.NAME)).trained())
                    .isTrue();

            // Corrupt parameters in a newer version: refused, v1 keeps ranking.
            Path corrupt = ModelsFolder.saveTopKRanker(models, ranker);
            Files.write(corrupt.resolve(TopKRanker.PARAMETERS), new byte[] {1, 2, 3});
            assertThat(server.reload(data))
                    .failsWithin(Duration.ofSeconds(60))
                    .withThrowableThat()
                    .withMessageContaining("corrupt");
            assertThat(server.state().data().models().labels()).contains("topk-ranker/v1");

            clients.stop();
            assertThat(clients.failures).isEmpty();
            assertThat(clients.served.get()).isPositive();
        }
    }

    @Test
    void startsOnTheLastGoodVersionWhenTheNewestBundlesAreBroken() throws Exception {
        Path data = TinyMovieLens.write(tmp.resolve("ml-start"), 7);
        Path models = TinyModels.copyModels(tmp.resolve("models-start"));
        Path corrupt = TinyModels.copyVersion(models, "deepfm", "v1", "v2");
        Files.write(corrupt.resolve("parameters.bin"), new byte[] {1, 2, 3});
        Path malformed = TinyModels.copyVersion(models, "deepfm", "v1", "v3");
        Files.writeString(malformed.resolve("bundle.json"), "{ not json");

        try (WrenServer server = WrenServer.start(ServingConfig.of(data, tmp.resolve("events-start.jsonl"))
                .withPort(0)
                .withModels(models, TinyModels.offline()))) {
            assertThat(server.state().data().models().labels()).contains("deepfm/v1");
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + server.port() + "/api/v1/users/1/recommendations"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
    }

    private static void delete(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /** Four clients asking for recommendations and similar movies until stopped, recording every failure. */
    private static final class Clients {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger served = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        final List<Future<?>> loops = new ArrayList<>();

        Clients(WrenServer server) {
            HttpClient http = HttpClient.newHttpClient();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                loops.add(pool.submit(() -> {
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
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> f : loops) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
    }
}
