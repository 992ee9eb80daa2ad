package dev.wren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wren.eval.experiment.ExperimentLog;
import dev.wren.eval.experiment.ExperimentLogReader;
import dev.wren.eval.experiment.ExposureRecord;
import dev.wren.eval.simulate.SyntheticWorld;
import dev.wren.serving.ServingConfig;
import dev.wren.serving.WrenServer;
import dev.wren.serving.ab.Experiment;
import dev.wren.serving.ab.Exploration;
import dev.wren.serving.ab.Variant;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The exposure fields round trip: what a real server writes (exploring, interleaved and default lists, and clicks)
 * is what wren-eval's log reader and {@code wren ab report} read, with no bad line. Here because wren-eval depends on
 * wren-serving, so serving's own tests cannot use the reader.
 */
class ServedLogRoundTripIT {
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theReportReadsEveryExposureAndClickTheServerWrites() throws Exception {
        int users = 60;
        Path data = tmp.resolve("data");
        SyntheticWorld.generate(data, users, 80, 5);
        Path log = tmp.resolve("events.jsonl");
        Experiment explore = new Experiment(
                "explore",
                List.of(
                        Variant.control("eps", 0.3)
                                .withExploration(new Exploration.EpsilonGreedy(0.5, List.of(3, 4, 5), 20)),
                        Variant.control("ts", 0.3).withExploration(new Exploration.Thompson(4, 10, 100, 50)),
                        Variant.control("ucb", 0.3).withExploration(new Exploration.LinUcb(5, 1.0))));
        Experiment duel = new Experiment(
                "duel",
                List.of(
                        Variant.control("cf", 0.25),
                        new Variant("blend", 0.25, Optional.empty(), Optional.of("blend"), Optional.empty())),
                Experiment.Type.INTERLEAVING);
        try (WrenServer server =
                WrenServer.start(ServingConfig.of(data, log).withPort(0).withExperiments(List.of(explore, duel)))) {
            String base = "http://localhost:" + server.port() + "/api/v1";
            for (int user = 1; user <= users; user++) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/users/" + user + "/recommendations?size=10"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                JsonNode first = json.readTree(r.body()).path("items").get(0);
                if (user % 3 == 0) {
                    HttpResponse<String> click = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/events"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":" + user + ",\"movieId\":"
                                            + first.path("movie").path("id").asInt() + ",\"type\":\"click\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(click.statusCode()).as(click.body()).isEqualTo(200);
                }
            }
        }

        ExperimentLog read = ExperimentLogReader.read(List.of(log));
        assertThat(read.badLines()).isEmpty();
        assertThat(read.badLineCount()).isZero();
        assertThat(read.exposures()).hasSize(users);
        assertThat(read.events()).hasSize(users / 3);
        assertThat(read.exposures())
                .extracting(x -> x.policy().orElseThrow())
                .contains("deterministic", "epsilon-greedy", "thompson", "linucb", "team-draft");
        for (ExposureRecord x : read.exposures()) {
            if (x.experiments().containsKey("duel")) {
                assertThat(x.experimentType()).contains(ExposureRecord.INTERLEAVING);
                assertThat(x.teams()).isPresent();
                assertThat(x.propensities()).isEmpty();
            } else {
                assertThat(x.teams()).isEmpty();
                assertThat(x.propensities().orElseThrow()).hasSameSizeAs(x.items());
            }
        }

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = WrenCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        Path report = tmp.resolve("report");
        int code = cmd.execute(
                "ab",
                "report",
                "--events",
                log.toString(),
                "--experiment",
                "explore",
                "--out",
                report.toString(),
                "--looks",
                "5");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Read " + users + " exposures and " + users / 3 + " events")
                .contains("(0 bad lines skipped)")
                .contains("interleaving duel");
        assertThat(Files.readString(report.resolve("ab.md")))
                .contains("| eps |")
                .contains("duel");
    }
}
