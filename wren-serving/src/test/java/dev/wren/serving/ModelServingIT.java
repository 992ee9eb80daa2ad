package dev.wren.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.Features;
import dev.wren.model.serve.ItemFeatures;
import dev.wren.model.serve.UserFeatures;
import dev.wren.serving.models.ServingModels;
import dev.wren.serving.models.TwoTowerRetriever;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trained bundles in the pipeline, through real HTTP: the DeepFM ranks, the two-tower recalls. */
class ModelServingIT {
    @TempDir
    static Path tmp;

    static WrenServer server;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path data = TinyMovieLens.write(tmp.resolve("ml"), 7);
        PipelineSettings d = PipelineSettings.defaults();
        // Pure relevance re-ranking, so the scores in the response are the ranker's.
        PipelineSettings settings = d.withChannels(List.of(TwoTowerRetriever.NAME, "item-cf", "popular"), Map.of())
                .withStages("model", "top");
        server = WrenServer.start(ServingConfig.of(data, tmp.resolve("events.jsonl"))
                .withPort(0)
                .withPipeline(settings)
                .withModels(TinyModels.trained().resolve("models")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void servesTheBestRankingBundleAndTheTwoTowerBundle() throws Exception {
        assertThat(get("/api/v1/stats").path("models").toString()).isEqualTo("[\"deepfm/v1\",\"two-tower/v1\"]");
        assertThat(get("/api/v1/ready").path("models").size()).isEqualTo(2);
    }

    @Test
    void ranksByTheModelsClickProbabilityOfTheStoreFeatures() throws Exception {
        int user = 5;
        JsonNode rec = get("/api/v1/users/" + user + "/recommendations?size=10");
        assertThat(rec.path("items").size()).isEqualTo(10);

        ServingModels.Encoded model = server.state().data().models().ranker().orElseThrow();
        Features row = server.state().data().store().get(EntityKind.USER, user).orElseThrow();
        UserFeatures u = model.bundle().encoder().user(user, row);
        List<ItemFeatures> items = new ArrayList<>();
        List<Double> served = new ArrayList<>();
        for (JsonNode item : rec.path("items")) {
            items.add(model.item(item.path("movie").path("id").asInt()));
            served.add(item.path("score").asDouble());
        }
        float[] expected = model.bundle().scorer().score(u, items);
        for (int i = 0; i < expected.length; i++) {
            assertThat(served.get(i)).isCloseTo(expected[i], Offset.offset(1e-4));
            assertThat(expected[i]).isBetween(0f, 1f);
        }
        assertThat(served).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void recallsWithTheTwoTowerChannel() throws Exception {
        JsonNode rec = get("/api/v1/users/3/recommendations?size=20");
        List<String> channels = new ArrayList<>();
        rec.path("items").forEach(i -> channels.add(i.path("channel").asText()));

        assertThat(channels).contains(TwoTowerRetriever.NAME);
        assertThat(rec.path("emptyChannels").toString()).doesNotContain(TwoTowerRetriever.NAME);
    }
}
