package dev.wren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher script at the repository root, as a user runs it, against the packaged jar. */
class WrenScriptIT {

    @TempDir
    Path tmp;

    record Result(int exitCode, String out) {}

    private static Result run(String... args) throws IOException, InterruptedException {
        Path script = Path.of("..", "wren").toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        // The jar was just packaged by this build: the script must not rebuild it from inside the build.
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("WREN_SKIP_BUILD", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), out);
    }

    @Test
    void theLauncherGeneratesAndInspects() throws Exception {
        Path dir = tmp.resolve("data");
        Result generate =
                run("generate", "--out", dir.toString(), "--users", "40", "--movies", "30", "--ratings", "900");
        assertThat(generate.exitCode()).as(generate.out()).isZero();

        Result inspect = run("inspect", "--data", dir.toString());
        assertThat(inspect.exitCode()).as(inspect.out()).isZero();
        assertThat(inspect.out()).contains("Users     40", "Most rated");
    }

    /** The README's main command, on a tiny dataset: every step, then a real server answering over HTTP. */
    @Test
    void demoBuildsEverythingThenServesRecommendationsOverHttp() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(run("generate", "--out", data.toString(), "--users", "60", "--movies", "50", "--ratings", "2000")
                        .exitCode())
                .isZero();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path script = Path.of("..", "wren").toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder(
                        script.toString(),
                        "demo",
                        "--data",
                        data.toString(),
                        "--data-home",
                        tmp.resolve("home").toString(),
                        "--train",
                        "deepfm",
                        "--master",
                        "local[2]",
                        "--dim",
                        "8",
                        "--port",
                        Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("demo.log").toFile());
        pb.environment().put("WREN_SKIP_BUILD", "1");
        Process demo = pb.start();
        try {
            String log = awaitLine(demo, tmp.resolve("demo.log"), "Wren is serving");
            assertThat(log).contains("Step 2/4", "Published feature snapshot", "deepfm", "ROC-AUC");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/users/1/recommendations"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"items\"");
        } finally {
            demo.destroy();
            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        // A second run for the same dataset reuses the offline outputs and the model.
        Result again = run(
                "demo",
                "--data",
                data.toString(),
                "--data-home",
                tmp.resolve("home").toString(),
                "--train",
                "deepfm",
                "--no-serve");
        assertThat(again.exitCode()).as(again.out()).isZero();
        assertThat(again.out())
                .contains("already built for this dataset", "deepfm: already trained", "wren serve --data");
        assertThat(tmp.resolve("home/models/deepfm/v2")).doesNotExist();
    }

    /** The log so far, once it holds {@code marker}; fails when the process exits first or takes over 10 minutes. */
    private static String awaitLine(Process p, Path log, String marker) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains(marker)) {
                return text;
            }
            assertThat(p.isAlive()).as(text).isTrue();
            Thread.sleep(500);
        }
        throw new AssertionError("no '" + marker + "' within 10 minutes:\n" + Files.readString(log));
    }

    @Test
    void theLauncherReturnsUsageErrorsToScripts() throws Exception {
        assertThat(run("no-such-command").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--version").out()).contains("wren");
    }
}
