package dev.wren.cli;

import static dev.wren.cli.TrainCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.serving.ServingConfig;
import dev.wren.serving.WrenServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server in-process (as wren-serving's HotSwapIT): a version published by {@code wren learn} is swapped in,
 * {@code wren models rollback} makes the watcher swap the older one back and never re-pick the retired one, and a
 * later publication is served again.
 */
class LearnRollbackIT {
    @TempDir
    Path tmp;

    private static List<String> labels(WrenServer server) {
        return server.state().data().models().labels();
    }

    private static void awaitLabel(WrenServer server, String label) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!labels(server).contains(label) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(labels(server)).contains(label);
    }

    private static String[] learn(Path home) {
        // Tolerance 1: publish whatever the window says; the rule itself is tested in LearnCommandTest.
        return new String[] {
            "--data-home",
            home.toString(),
            "--chunk",
            "100",
            "--window",
            "400",
            "--min-window",
            "100",
            "--tolerance",
            "1"
        };
    }

    @Test
    void servesTheOlderVersionAfterARollbackAndTheNextPublicationAfterThat() throws Exception {
        Path home = LearnFixture.home(tmp.resolve("home"));
        Path data = LearnFixture.movieLens(tmp.resolve("ml"));
        LearnFixture.part(home, "a", "part-0-0", LearnFixture.fresh(600, 0, 10_000, 1));
        assertThat(run(new LearnCommand(), learn(home)).out()).contains("published");

        try (WrenServer server = WrenServer.start(ServingConfig.of(data, tmp.resolve("events.jsonl"))
                .withPort(0)
                .withModels(home.resolve("models"), home.resolve("offline")))) {
            assertThat(labels(server)).contains("deepfm/v2");

            TrainCommandTest.Run back =
                    run(new ModelsCommand.Rollback(), "--data-home", home.toString(), "--model", "deepfm");
            assertThat(back.exitCode()).as(back.err()).isZero();
            awaitLabel(server, "deepfm/v1");
            assertThat(labels(server)).doesNotContain("deepfm/v2");
            assertThat(recommendations(server)).isEqualTo(200);

            // Learning again starts from the served v1 and publishes v3, which the watcher swaps in.
            LearnFixture.part(home, "b", "part-0-0", LearnFixture.fresh(600, 0, 20_000, 2));
            TrainCommandTest.Run next = run(new LearnCommand(), learn(home));
            assertThat(next.out()).contains("Learning deepfm from " + home.resolve("models/deepfm/v1"));
            assertThat(next.out()).contains("published " + home.resolve("models/deepfm/v3"));
            awaitLabel(server, "deepfm/v3");
            assertThat(recommendations(server)).isEqualTo(200);
        }
    }

    private static int recommendations(WrenServer server) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + server.port() + "/api/v1/users/1/recommendations"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }
}
