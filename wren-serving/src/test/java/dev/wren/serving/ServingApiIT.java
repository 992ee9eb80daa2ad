package dev.wren.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.serving.ab.Experiment;
import dev.wren.serving.ab.Variant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole API through real HTTP, on a server at port 0 over a tiny MovieLens folder and an in-memory store. */
class ServingApiIT {
    @TempDir
    static Path tmp;

    static WrenServer server;
    static Path data;
    static Path eventLog;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        data = TinyMovieLens.write(tmp.resolve("ml"), 7);
        eventLog = tmp.resolve("events/events.jsonl");
        Experiment exp = new Experiment(
                "ranker",
                List.of(
                        Variant.control("control", 0.5),
                        new Variant("recall-only", 0.5, Optional.empty(), Optional.of("recall"), Optional.of("top"))));
        Path posters = Files.createDirectories(tmp.resolve("posters"));
        Files.write(posters.resolve("1.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3});
        server = WrenServer.start(ServingConfig.of(data, eventLog)
                .withPort(0)
                .withPosters(posters)
                .withExperiments(List.of(exp)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ok(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    static void error(HttpResponse<String> r, int status) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("error").path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").path("message").asText()).isNotBlank();
    }

    @Test
    void reportsHealthReadinessMetricsAndOpenApi() throws Exception {
        assertThat(ok(get("/api/v1/health")).path("status").asText()).isEqualTo("UP");
        assertThat(ok(get("/api/v1/ready")).path("ready").asBoolean()).isTrue();
        ok(get("/api/v1/users/1/recommendations"));
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("wren_pipeline_stage_seconds_bucket")
                .contains("stage=\"recall\"")
                .contains("wren_recall_channel_seconds")
                .contains("route=\"/api/v1/users/{id}/recommendations\"");
        assertThat(ok(get("/api/v1/openapi.json")).path("openapi").asText()).startsWith("3.");
        JsonNode stats = ok(get("/api/v1/stats"));
        assertThat(stats.path("stages").path("total").path("count").asLong()).isPositive();
        assertThat(stats.path("itemVectors").asInt()).isPositive();
    }

    @Test
    void trendingIsAnEmptyListWithoutAStreamJobAndRefusesBadSizes() throws Exception {
        JsonNode trending = ok(get("/api/v1/items/trending?size=5"));
        assertThat(trending.path("items").isArray()).isTrue();
        assertThat(trending.path("items")).isEmpty();
        assertThat(trending.path("streamTime").isNull()).isTrue();
        error(get("/api/v1/items/trending?size=0"), 400);
        error(get("/api/v1/items/trending?size=101"), 400);
        error(get("/api/v1/items/trending?size=many"), 400);
        assertThat(ok(get("/api/v1/openapi.json")).path("paths").has("/api/v1/items/trending"))
                .isTrue();
    }

    @Test
    void servesOneMovieAndRefusesUnknownOrMalformedIds() throws Exception {
        JsonNode heat = ok(get("/api/v1/movies/7"));
        assertThat(heat.path("title").asText()).isEqualTo("Heat, The");
        assertThat(heat.path("genres").size()).isPositive();
        error(get("/api/v1/movies/99999"), 404);
        error(get("/api/v1/movies/abc"), 400);
        error(get("/api/v1/movies/-3"), 400);
    }

    @Test
    void searchesByTitleAndListsGenresInTheAskedOrder() throws Exception {
        JsonNode found = ok(get("/api/v1/movies?q=heat"));
        assertThat(found.path("items").get(0).path("id").asInt()).isEqualTo(7);
        JsonNode drama = ok(get("/api/v1/movies?genre=Drama&sort=rating&limit=5"));
        assertThat(drama.path("items").size()).isEqualTo(5);
        drama.path("items").forEach(m -> assertThat(m.path("genres").toString()).contains("Drama"));
        JsonNode byYear = ok(get("/api/v1/movies?sort=year&limit=10"));
        int previous = Integer.MAX_VALUE;
        for (JsonNode m : byYear.path("items")) {
            assertThat(m.path("year").asInt()).isLessThanOrEqualTo(previous);
            previous = m.path("year").asInt();
        }
        assertThat(ok(get("/api/v1/genres")).path("genres").size()).isEqualTo(TinyMovieLens.GENRES.length);
        error(get("/api/v1/movies?sort=color"), 400);
        error(get("/api/v1/movies?genre=Nope"), 400);
        error(get("/api/v1/movies?limit=0"), 400);
        error(get("/api/v1/movies?limit=100000"), 400);
    }

    @Test
    void findsSimilarMoviesWithReasons() throws Exception {
        JsonNode similar = ok(get("/api/v1/movies/7/similar?size=5"));
        assertThat(similar.path("items").size()).isEqualTo(5);
        similar.path("items").forEach(i -> {
            assertThat(i.path("movie").path("id").asInt()).isNotEqualTo(7);
            assertThat(i.path("reason").asText()).isNotBlank();
        });
        error(get("/api/v1/movies/99999/similar"), 404);
        error(get("/api/v1/movies/7/similar?size=x"), 400);
    }

    @Test
    void servesThePosterFileOrAPlaceholderWhenThereIsNone() throws Exception {
        HttpResponse<String> poster = get("/api/v1/movies/7/poster");
        assertThat(poster.statusCode()).isEqualTo(200);
        assertThat(poster.headers().firstValue("Content-Type").orElse("")).contains("svg");
        assertThat(poster.body()).contains("Heat, The");
        error(get("/api/v1/movies/99999/poster"), 404);
        HttpResponse<byte[]> jpeg = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/v1/movies/1/poster"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(jpeg.headers().firstValue("Content-Type").orElse("")).contains("image/jpeg");
        assertThat(jpeg.body()).containsExactly((byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3);
    }

    @Test
    void showsAUsersProfileAndHistory() throws Exception {
        JsonNode profile = ok(get("/api/v1/users/3"));
        assertThat(profile.path("ratingCount").asInt()).isPositive();
        assertThat(profile.path("topGenres").size()).isPositive();
        JsonNode history = ok(get("/api/v1/users/3/history?limit=3"));
        assertThat(history.path("items").size()).isEqualTo(3);
        error(get("/api/v1/users/424242"), 404);
        error(get("/api/v1/users/424242/history"), 404);
        error(get("/api/v1/users/x/history"), 400);
    }

    @Test
    void recommendsUnseenItemsEachWithChannelReasonAndScore() throws Exception {
        JsonNode rec = ok(get("/api/v1/users/5/recommendations?size=8"));
        assertThat(rec.path("items").size()).isEqualTo(8);
        assertThat(rec.path("variant").asText()).startsWith("ranker=");
        Set<Integer> seen = new HashSet<>();
        ok(get("/api/v1/users/5/history?limit=200"))
                .path("items")
                .forEach(h -> seen.add(h.path("movie").path("id").asInt()));
        for (JsonNode item : rec.path("items")) {
            assertThat(seen).doesNotContain(item.path("movie").path("id").asInt());
            assertThat(item.path("channel").asText()).isNotBlank();
            assertThat(item.path("reason").asText()).isNotBlank();
            assertThat(item.has("score")).isTrue();
        }
        JsonNode comedy = ok(get("/api/v1/users/5/recommendations?size=3&genre=Comedy"));
        comedy.path("items")
                .forEach(i ->
                        assertThat(i.path("movie").path("genres").toString()).contains("Comedy"));
        error(get("/api/v1/users/5/recommendations?size=0"), 400);
        error(get("/api/v1/users/5/recommendations?size=1000"), 400);
        error(get("/api/v1/users/5/recommendations?genre=Nope"), 400);
    }

    @Test
    void givesAColdUserPopularGenreDiversePicks() throws Exception {
        JsonNode rec = ok(get("/api/v1/users/900001/recommendations?size=6"));
        assertThat(rec.path("coldStart").asBoolean()).isTrue();
        assertThat(rec.path("items").size()).isEqualTo(6);
        Set<String> firstGenres = new HashSet<>();
        rec.path("items")
                .forEach(i ->
                        firstGenres.add(i.path("movie").path("genres").get(0).asText()));
        assertThat(firstGenres.size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anEventIsLoggedAndReflectedInTheNextRequest() throws Exception {
        int user = 11;
        JsonNode before = ok(get("/api/v1/users/" + user + "/recommendations?size=5"));
        int target = before.path("items").get(0).path("movie").path("id").asInt();
        JsonNode accepted = ok(post(
                "/api/v1/events",
                "{\"userId\":" + user + ",\"movieId\":" + target + ",\"type\":\"rating\",\"value\":5}"));
        assertThat(accepted.path("accepted").asBoolean()).isTrue();
        assertThat(Files.readAllLines(eventLog))
                .anySatisfy(l -> assertThat(l).contains("\"kind\":\"event\"").contains("\"itemId\":" + target));
        JsonNode after = ok(get("/api/v1/users/" + user + "/recommendations?size=5"));
        after.path("items")
                .forEach(i -> assertThat(i.path("movie").path("id").asInt()).isNotEqualTo(target));
        JsonNode profile = ok(get("/api/v1/users/" + user));
        assertThat(profile.path("recentPositives").get(0).path("id").asInt()).isEqualTo(target);
        assertThat(ok(get("/api/v1/users/" + user + "/history?limit=1"))
                        .path("items")
                        .get(0)
                        .path("source")
                        .asText())
                .isEqualTo("live");
    }

    @Test
    void aNewUsersFirstLikeEndsTheColdStart() throws Exception {
        int user = 900002;
        ok(post("/api/v1/events", "{\"userId\":" + user + ",\"movieId\":7,\"type\":\"click\"}"));
        JsonNode rec = ok(get("/api/v1/users/" + user + "/recommendations?size=5"));
        assertThat(rec.path("coldStart").asBoolean()).isFalse();
        assertThat(ok(get("/api/v1/users/" + user)).path("hasEmbedding").asBoolean())
                .isTrue();
    }

    @Test
    void refusesBadEventsWithClientErrors() throws Exception {
        error(post("/api/v1/events", "{not json"), 400);
        error(post("/api/v1/events", "[1,2]"), 400);
        error(post("/api/v1/events", "{\"userId\":1}"), 400);
        error(post("/api/v1/events", "{\"userId\":1,\"movieId\":7,\"type\":\"rating\",\"value\":9}"), 400);
        error(post("/api/v1/events", "{\"userId\":1,\"movieId\":7,\"type\":\"rating\"}"), 400);
        error(post("/api/v1/events", "{\"userId\":1,\"movieId\":7,\"type\":\"purchase\"}"), 400);
        error(post("/api/v1/events", "{\"userId\":\"x\",\"movieId\":7}"), 400);
        error(post("/api/v1/events", "{\"userId\":1,\"movieId\":99999,\"type\":\"click\"}"), 404);
    }

    @Test
    void logsAnExposureNamingTheVariantOfEachRecommendation() throws Exception {
        JsonNode rec = ok(get("/api/v1/users/2/recommendations?size=3"));
        String variant = rec.path("variant").asText();
        assertThat(Files.readAllLines(eventLog)).anySatisfy(l -> assertThat(l)
                .contains("\"kind\":\"exposure\"")
                .contains("\"userId\":2")
                .contains("\"variant\":\"" + variant + "\""));
        assertThat(get("/metrics").body()).contains("wren_exposures_total");
    }

    @Test
    void servesTheWebUiAndNothingOutsideIt() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<html");
        assertThat(get("/app.js").statusCode()).isEqualTo(200);
        for (String path : List.of(
                "/../../../../etc/passwd",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/..%2f..%2fetc/passwd",
                "/web/../openapi.json")) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(new URI("http://localhost:" + server.port() + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isBetween(400, 499);
            assertThat(r.body()).doesNotContain("root:");
        }
    }

    @Test
    void answersUnknownRoutesWithAJsonNotFound() throws Exception {
        error(get("/api/v1/nothing-here"), 404);
    }

    @Test
    void swapsInAReloadedStateAndRefusesABrokenOne() throws Exception {
        String before = server.state().version();
        JsonNode reloaded = ok(post("/api/v1/admin/reload", ""));
        assertThat(reloaded.path("state").asText()).isNotEqualTo(before);
        String live = server.state().version();
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("movies.csv"), "movieId,title,genres\n");
        assertThat(server.reload(broken)).failsWithin(java.time.Duration.ofSeconds(30));
        assertThat(server.state().version()).isEqualTo(live);
        ok(get("/api/v1/users/1/recommendations"));
    }
}
