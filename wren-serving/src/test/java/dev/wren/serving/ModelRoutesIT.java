package dev.wren.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.Features;
import dev.wren.model.serve.UserFeatures;
import dev.wren.serving.models.ServingModels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routes over trained models, through real HTTP with a trained DeepFM: the TF-Serving-compatible
 * {@code POST /v1/models/{name}:predict}, and the dashboard's model and offline statistics.
 */
class ModelRoutesIT {
    @TempDir
    static Path tmp;

    static WrenServer server;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path data = TinyMovieLens.write(tmp.resolve("ml"), 7);
        // The offline folder the bundles were trained on, with the monitoring files the pipeline writes beside it.
        Path offline = tmp.resolve("offline");
        try (Stream<Path> files = Files.walk(TinyModels.offline())) {
            for (Path p : files.toList()) {
                Path target = offline.resolve(TinyModels.offline().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Files.createDirectories(offline.resolve("stats"));
        Files.writeString(
                offline.resolve("stats/stats.json"),
                "{\"ratings\": 960, \"users\": 40, \"ratingDistribution\": {\"4.0\": 600, \"2.0\": 360}}");
        server = WrenServer.start(ServingConfig.of(data, tmp.resolve("events.jsonl"))
                .withPort(0)
                .withModels(TinyModels.trained().resolve("models"), offline));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> predict(String name, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/v1/models/" + name))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersInTfServingShapeWithTheServedModelsScoresInInstanceOrder() throws Exception {
        // A TF-Serving client sends its own feature columns too: they are accepted and ignored.
        HttpResponse<String> r = predict(
                "deepfm:predict",
                "{\"instances\": [{\"userId\": 5, \"movieId\": 3, \"movieGenre1\": \"Comedy\"},"
                        + " {\"userId\": 9, \"movieId\": 12}, {\"userId\": 5, \"movieId\": \"20\"}]}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode predictions = json.readTree(r.body()).path("predictions");
        assertThat(predictions.size()).isEqualTo(3);
        ServingModels.Encoded model = server.state().data().models().ranker().orElseThrow();
        int[][] pairs = {{5, 3}, {9, 12}, {5, 20}};
        for (int i = 0; i < pairs.length; i++) {
            Features row = server.state()
                    .data()
                    .store()
                    .get(EntityKind.USER, pairs[i][0])
                    .orElseThrow();
            UserFeatures user = model.bundle().encoder().user(pairs[i][0], row);
            float expected = model.bundle().scorer().score(user, List.of(model.item(pairs[i][1])))[0];
            assertThat(predictions.get(i).get(0).asDouble()).isCloseTo(expected, Offset.offset(1e-4));
        }
        assertThat(predict("default:predict", "{\"instances\": [{\"userId\": 5, \"movieId\": 3}]}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void clientMistakesAreJson400sOr404sNever500s() throws Exception {
        assertError(predict("nope:predict", "{\"instances\": [{\"userId\": 1, \"movieId\": 1}]}"), 404, "no ranking");
        assertError(predict("deepfm:classify", "{\"instances\": []}"), 404, ":predict");
        assertError(predict("deepfm:predict", "not json"), 400, "not valid JSON");
        assertError(predict("deepfm:predict", "{\"instances\": []}"), 400, "at least one instance");
        assertError(predict("deepfm:predict", "{\"instances\": [{\"userId\": 1}]}"), 400, "instances[0].movieId");
        assertError(predict("deepfm:predict", "{\"instances\": [{\"userId\": -4, \"movieId\": 1}]}"), 400, "userId");
        assertError(predict("deepfm:predict", "{\"instances\": [7]}"), 400, "must be an object");
        StringBuilder many = new StringBuilder("{\"instances\": [");
        for (int i = 0; i < 1_001; i++) { // one over the bound of 1,000
            many.append(i == 0 ? "" : ",").append("{\"userId\": 1, \"movieId\": 1}");
        }
        assertError(predict("deepfm:predict", many.append("]}").toString()), 400, "at most");
    }

    @Test
    void theDashboardShowsEachModelsTestMetricsAndTheOfflineStatistics() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/v1/dashboard"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        List<String> models = new java.util.ArrayList<>();
        body.path("models").forEach(m -> models.add(m.path("model").asText()));
        assertThat(models).contains("deepfm");
        JsonNode deepfm = body.path("models").get(models.indexOf("deepfm"));
        assertThat(deepfm.path("test").path("rocAuc").asDouble()).isBetween(0.0, 1.0);
        assertThat(deepfm.path("roc").path("fpr").size()).isPositive();
        assertThat(deepfm.path("training").path("validationAucs").size()).isEqualTo(1);
        assertThat(body.path("offline").path("ratings").asInt()).isEqualTo(960);
        assertThat(body.path("embeddings").isNull()).isTrue();
    }

    @Test
    void theDefaultPipelineRecallsWithTheLoadedTwoTowerModel() throws Exception {
        for (int user = 1; user <= 5; user++) {
            assertThat(http.send(
                                    HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                                                    + "/api/v1/users/" + user + "/recommendations?size=10"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
        }
        JsonNode stats = json.readTree(http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/v1/stats"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());

        assertThat(stats.path("channels").path("two-tower").path("count").asLong())
                .isGreaterThanOrEqualTo(5);
    }

    private static void assertError(HttpResponse<String> r, int status, String message) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json.readTree(r.body()).path("error").path("message").asText())
                .contains(message);
    }
}
