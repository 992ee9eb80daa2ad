package dev.wren.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event log is the durable record: a restarted server (in-memory store and all) still knows what users did. */
class RestartIT {
    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode call(WrenServer server, String path, String postBody) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
        if (postBody != null) {
            b.POST(HttpRequest.BodyPublishers.ofString(postBody)).header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void replaysTheEventLogAfterARestartAndSkipsATornLastLine() throws Exception {
        Path data = TinyMovieLens.write(tmp.resolve("ml"), 7);
        Path events = tmp.resolve("events.jsonl");
        ServingConfig config = ServingConfig.of(data, events).withPort(0);
        int newUser = 777777;
        try (WrenServer first = WrenServer.start(config)) {
            call(
                    first,
                    "/api/v1/events",
                    "{\"userId\":" + newUser + ",\"movieId\":12,\"type\":\"rating\",\"value\":4.5}");
        }
        Files.writeString(events, "{\"kind\":\"event\",\"userId\":1,\"ite", StandardOpenOption.APPEND);
        try (WrenServer second = WrenServer.start(config)) {
            JsonNode history = call(second, "/api/v1/users/" + newUser + "/history", null);
            assertThat(history.path("items").get(0).path("movie").path("id").asInt())
                    .isEqualTo(12);
            JsonNode profile = call(second, "/api/v1/users/" + newUser, null);
            assertThat(profile.path("recentPositives").get(0).path("id").asInt())
                    .isEqualTo(12);
            JsonNode rec = call(second, "/api/v1/users/" + newUser + "/recommendations?size=5", null);
            assertThat(rec.path("coldStart").asBoolean()).isFalse();
            rec.path("items")
                    .forEach(i -> assertThat(i.path("movie").path("id").asInt()).isNotEqualTo(12));
        }
    }
}
