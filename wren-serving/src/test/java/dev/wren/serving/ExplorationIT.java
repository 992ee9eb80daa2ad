package dev.wren.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.serving.ab.Experiment;
import dev.wren.serving.ab.Exploration;
import dev.wren.serving.ab.Variant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exploring and interleaving experiments through real HTTP: what each list's exposure says (policy, propensities,
 * teams, experiment type), and that the same requests replayed on a new server give the same lists.
 */
class ExplorationIT {
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;

    static List<Experiment> experiments() {
        Experiment explore = new Experiment(
                "explore",
                List.of(
                        Variant.control("greedy", 0.25)
                                .withExploration(new Exploration.EpsilonGreedy(1.0, List.of(0, 1, 2, 3, 4), 50)),
                        Variant.control("thompson", 0.25).withExploration(new Exploration.Thompson(2, 5, 100, 50)),
                        Variant.control("linucb", 0.25).withExploration(new Exploration.LinUcb(3, 1.0))));
        Experiment interleave = new Experiment(
                "interleave",
                List.of(
                        Variant.control("cf", 0.2),
                        new Variant(
                                "popular",
                                0.2,
                                java.util.Optional.empty(),
                                java.util.Optional.of("blend"),
                                java.util.Optional.of("top"))),
                Experiment.Type.INTERLEAVING);
        return List.of(explore, interleave);
    }

    /** Asks every user for a list, in order, and returns each user's list. */
    static Map<Integer, List<Integer>> askEveryone(WrenServer server) throws Exception {
        Map<Integer, List<Integer>> out = new TreeMap<>();
        for (int user = 1; user <= TinyMovieLens.USERS; user++) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/v1/users/" + user
                                    + "/recommendations?size=8"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            List<Integer> items = new ArrayList<>();
            json.readTree(r.body())
                    .path("items")
                    .forEach(i -> items.add(i.path("movie").path("id").asInt()));
            assertThat(items).as("user %d", user).hasSize(8).doesNotHaveDuplicates();
            out.put(user, items);
        }
        return out;
    }

    static List<JsonNode> exposures(Path log) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            JsonNode n = json.readTree(line);
            if (n.path("kind").asText().equals("exposure")) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void logsEachListsPolicyPropensitiesAndTeamsAndReplaysTheSameLists() throws Exception {
        Path data = TinyMovieLens.write(tmp.resolve("ml"), 7);
        Path log = tmp.resolve("one/events.jsonl");
        Map<Integer, List<Integer>> first;
        try (WrenServer server =
                WrenServer.start(ServingConfig.of(data, log).withPort(0).withExperiments(experiments()))) {
            first = askEveryone(server);
        }
        List<JsonNode> exposures = exposures(log);
        assertThat(exposures).hasSize(TinyMovieLens.USERS);
        for (JsonNode x : exposures) {
            List<Integer> items = new ArrayList<>();
            x.path("items").forEach(i -> items.add(i.asInt()));
            assertThat(items).isEqualTo(first.get(x.path("userId").asInt()));
        }
        Set<String> policies = new HashSet<>();
        for (JsonNode x : exposures) {
            int n = x.path("items").size();
            String policy = x.path("policy").asText();
            policies.add(policy);
            String interleaved = x.path("experiments").path("interleave").asText("");
            if (interleaved.equals(Experiment.INTERLEAVED)) {
                assertThat(policy).isEqualTo("team-draft");
                assertThat(x.has("propensities")).isFalse();
                assertThat(x.path("experimentType").asText()).isEqualTo("interleaving");
                assertThat(x.path("teams").size()).isEqualTo(n);
                x.path("teams").forEach(t -> assertThat(t.asText()).isIn("A", "B"));
                assertThat(x.path("ranker").asText()).isEqualTo("cf+blend");
                continue;
            }
            assertThat(x.has("teams")).isFalse();
            assertThat(x.path("propensities").size()).as(x.toString()).isEqualTo(n);
            x.path("propensities")
                    .forEach(p -> assertThat(p.asDouble()).isGreaterThan(0).isLessThanOrEqualTo(1));
            String arm = x.path("experiments").path("explore").asText("");
            switch (arm) {
                case "" -> {
                    assertThat(policy).isEqualTo("deterministic");
                    x.path("propensities").forEach(p -> assertThat(p.asDouble()).isEqualTo(1.0));
                    assertThat(x.has("experimentType")).isFalse();
                }
                case "greedy" -> {
                    assertThat(policy).isEqualTo("epsilon-greedy");
                    assertThat(x.path("experimentType").asText()).isEqualTo("ab");
                    // Epsilon 1 on slots 0-4: each of them shows a pool item, with the same small propensity.
                    double p0 = x.path("propensities").get(0).asDouble();
                    assertThat(p0).isLessThan(0.5);
                    for (int s = 1; s < 5; s++) {
                        assertThat(x.path("propensities").get(s).asDouble()).isCloseTo(p0, within(1e-12));
                    }
                    for (int s = 5; s < n; s++) {
                        assertThat(x.path("propensities").get(s).asDouble()).isEqualTo(1.0);
                    }
                }
                case "thompson", "linucb" -> {
                    assertThat(policy).isEqualTo(arm);
                    int slot = arm.equals("thompson") ? 2 : 3;
                    for (int s = 0; s < n; s++) {
                        if (s != slot) {
                            assertThat(x.path("propensities").get(s).asDouble()).isEqualTo(1.0);
                        }
                    }
                }
                default -> throw new AssertionError("unexpected arm " + arm);
            }
        }
        assertThat(policies).contains("deterministic", "epsilon-greedy", "thompson", "linucb", "team-draft");

        // The same requests, in the same order, on a new server: every random stream is seeded by (user, request).
        try (WrenServer again = WrenServer.start(ServingConfig.of(data, tmp.resolve("two/events.jsonl"))
                .withPort(0)
                .withExperiments(experiments()))) {
            assertThat(askEveryone(again)).isEqualTo(first);
        }
    }

    @Test
    void aClickOnThePerturbedTeamsItemMovesTheBlendWeightsShownOnTheExperimentsPage() throws Exception {
        Path data = TinyMovieLens.write(tmp.resolve("ml"), 7);
        Path log = tmp.resolve("duel/events.jsonl");
        Experiment duel = new Experiment(
                "duel",
                List.of(Variant.control("blend", 1.0)),
                Experiment.Type.DUELING_BANDIT,
                java.util.Optional.of(new Experiment.DuelSettings(0.5, 0.2)));
        try (WrenServer server =
                WrenServer.start(ServingConfig.of(data, log).withPort(0).withExperiments(List.of(duel)))) {
            String base = "http://localhost:" + server.port();
            askEveryone(server);
            JsonNode before = json.readTree(get(base + "/api/v1/experiments").body())
                    .path("experiments")
                    .get(0);
            assertThat(before.path("type").asText()).isEqualTo("dueling-bandit");
            assertThat(before.path("duel").path("updates").asLong()).isZero();
            JsonNode variant = before.path("variants").get(0);
            assertThat(variant.path("name").asText()).isEqualTo(Experiment.INTERLEAVED);
            assertThat(variant.path("lists").asLong()).isEqualTo(TinyMovieLens.USERS);

            // User 5's list: click the first item team B (the perturbed weights) picked.
            JsonNode exposure = exposures(log).stream()
                    .filter(x -> x.path("userId").asInt() == 5)
                    .findFirst()
                    .orElseThrow();
            assertThat(exposure.path("experimentType").asText()).isEqualTo("interleaving");
            assertThat(exposure.path("ranker").asText()).isEqualTo("blend+blend-perturbed");
            int b = -1;
            for (int i = 0; i < exposure.path("teams").size(); i++) {
                if (exposure.path("teams").get(i).asText().equals("B")) {
                    b = exposure.path("items").get(i).asInt();
                    break;
                }
            }
            assertThat(b).as("team B picked an item").isPositive();
            HttpResponse<String> click = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"userId\":5,\"movieId\":" + b + ",\"type\":\"click\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(click.statusCode()).as(click.body()).isEqualTo(200);

            JsonNode after = json.readTree(get(base + "/api/v1/experiments").body())
                    .path("experiments")
                    .get(0);
            assertThat(after.path("duel").path("updates").asLong()).isEqualTo(1);
            assertThat(after.path("duel").path("weights"))
                    .isNotEqualTo(before.path("duel").path("weights"));
            assertThat(after.path("variants").get(0).path("clicks").asLong()).isEqualTo(1);
            assertThat(after.path("report").asText())
                    .contains("wren ab report --events")
                    .contains("--experiment duel");
            HttpResponse<String> page = get(base + "/experiments.html");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("/api/v1/experiments");
        }
    }

    static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
