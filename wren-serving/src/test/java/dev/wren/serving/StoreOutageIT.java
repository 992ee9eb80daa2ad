package dev.wren.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.serving.pipeline.Recommender;
import dev.wren.store.redis.RedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Redis feature store that goes away while the server runs: recommendations keep coming, from the channels
 * that need no store, and both the response and the metrics say that they are degraded.
 */
class StoreOutageIT {
    @TempDir
    Path tmp;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void whenRedisGoesAwayRecommendationsDegradeToNonPersonalisedChannelsAndSaySo() throws Exception {
        assumeTrue(RedisServer.available(), "needs redis-server on the PATH (apt-get install -y redis-server)");
        Path data = TinyMovieLens.write(tmp.resolve("ml"), 7);
        RedisServer redis = RedisServer.start(tmp);
        try (WrenServer server = WrenServer.start(ServingConfig.of(data, tmp.resolve("events.jsonl"))
                .withPort(0)
                .withStore(redis.uri().toString()))) {
            JsonNode healthy = get(server, "/api/v1/users/5/recommendations?size=5");
            assertThat(healthy.has("degraded")).isFalse();

            redis.close();

            JsonNode degraded = get(server, "/api/v1/users/5/recommendations?size=5");
            assertThat(degraded.path("degraded").asText()).isEqualTo(Recommender.DEGRADED);
            assertThat(degraded.path("items").size()).isEqualTo(5);
            // The seen-filter still works from the ratings file: nothing user 5 rated comes back.
            JsonNode history = get(server, "/api/v1/users/5/history?limit=100");
            java.util.Set<Integer> rated = new java.util.HashSet<>();
            history.path("items")
                    .forEach(h -> rated.add(h.path("movie").path("id").asInt()));
            degraded.path("items").forEach(i -> assertThat(rated)
                    .doesNotContain(i.path("movie").path("id").asInt()));
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(metrics).containsPattern("wren_degraded_total(\\{[^}]*\\})? [1-9]");
        } finally {
            redis.close();
        }
    }

    private JsonNode get(WrenServer server, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }
}
