package dev.wren.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbAnalysisTest {
    @Test
    void anInterleavingIsReportedUnderItsOwnExperimentNotTheUsersAbExperiments(@TempDir Path dir) throws IOException {
        // As serving logs it: the user is in the A/B experiment "explore" and in the interleaving "duel".
        String exposure = "{\"kind\":\"exposure\",\"schemaVersion\":1,\"loggedAt\":%d,\"userId\":%d,"
                + "\"variant\":\"explore=eps,duel=interleaved\",\"experiments\":{\"explore\":\"eps\","
                + "\"duel\":\"interleaved\"},\"items\":[1,2],\"teams\":[\"A\",\"B\"],"
                + "\"experimentType\":\"interleaving\",\"policy\":\"team-draft\"}\n";
        String click = "{\"kind\":\"event\",\"schemaVersion\":1,\"loggedAt\":%d,\"type\":\"click\",\"userId\":%d,"
                + "\"itemId\":2,\"value\":1.0,\"timestamp\":%d}\n";
        StringBuilder log = new StringBuilder();
        for (int user = 1; user <= 4; user++) {
            long at = 1_796_000_000_000L + user * 1000L;
            log.append(String.format(exposure, at, user));
            log.append(String.format(click, at + 500, user, (at + 500) / 1000));
        }
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, log);

        AbResult result = AbAnalysis.analyse(ExperimentLogReader.read(List.of(file)), AbSettings.defaults("explore"));

        assertThat(result.interleaving()).containsOnlyKeys("duel");
    }
}
