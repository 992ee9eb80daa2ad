package dev.wren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wren demo}'s checks before it starts; the whole run is tested through the launcher in WrenScriptIT. */
class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void anUnknownModelIsAClearUsageErrorBeforeAnythingRuns() {
        var run = TrainCommandTest.run(
                new DemoCommand(), "--data", tmp.toString(), "--data-home", tmp.toString(), "--train", "nope");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("nope").doesNotContain("\tat ");
    }
}
