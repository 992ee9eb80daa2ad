package dev.wren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    @Test
    void theLauncherReturnsUsageErrorsToScripts() throws Exception {
        assertThat(run("no-such-command").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--version").out()).contains("wren");
    }
}
