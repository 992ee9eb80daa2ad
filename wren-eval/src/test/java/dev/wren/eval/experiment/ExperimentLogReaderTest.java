package dev.wren.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLogReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsExposuresWithAndWithoutTheExplorationFieldsAndSkipsBadLines() throws IOException {
        Path file = tmp.resolve("events.jsonl");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        // as serving writes it today, with an unknown field
                        "{\"kind\":\"exposure\",\"schemaVersion\":1,\"loggedAt\":1000,\"userId\":11,\"variant\":\"ranker=control\","
                                + "\"experiments\":{\"ranker\":\"control\"},\"ranker\":\"blend\",\"items\":[2571,1196,260],\"new\":1}",
                        // with the proposed optional fields
                        "{\"kind\":\"exposure\",\"schemaVersion\":1,\"loggedAt\":2000,\"userId\":12,\"variant\":\"ranker=b\","
                                + "\"experiments\":{\"ranker\":\"b\"},\"items\":[1,2],\"policy\":\"epsilon-greedy\","
                                + "\"propensities\":[0.9,0.05],\"teams\":[\"A\",\"B\"],\"experimentType\":\"interleaving\"}",
                        // before schemaVersion existed
                        "{\"kind\":\"event\",\"loggedAt\":3000,\"type\":\"rating\",\"userId\":11,\"itemId\":260,\"value\":4.5,"
                                + "\"timestamp\":3}",
                        "not json",
                        "{\"kind\":\"exposure\",\"schemaVersion\":1,\"loggedAt\":1,\"userId\":1,\"items\":[1,2],"
                                + "\"propensities\":[0.5]}",
                        "{\"kind\":\"event\",\"schemaVersion\":2,\"loggedAt\":1,\"userId\":1}",
                        "{\"kind\":\"event\",\"schemaVersion\":1,\"loggedAt\":4000,\"type\":\"click\",\"userId\":12,\"itemId\":2,"
                                + "\"value\":1.0,\"timestamp\":4}",
                        "{\"kind\":\"event\",\"schemaVersion\":1,\"loggedAt\":5000,\"type\":\"cli"));

        ExperimentLog log = ExperimentLogReader.read(List.of(file));

        assertThat(log.exposures()).hasSize(2);
        ExposureRecord plain = log.exposures().get(0);
        assertThat(plain.experiments()).isEqualTo(Map.of("ranker", "control"));
        assertThat(plain.items()).containsExactly(2571, 1196, 260);
        assertThat(plain.propensities()).isEmpty();
        assertThat(plain.interleaved()).isFalse();
        ExposureRecord explored = log.exposures().get(1);
        assertThat(explored.policy()).contains("epsilon-greedy");
        assertThat(explored.propensities()).contains(List.of(0.9, 0.05));
        assertThat(explored.teams()).contains(List.of("A", "B"));
        assertThat(explored.experimentType()).contains("interleaving");
        assertThat(log.events()).hasSize(2);
        assertThat(log.events().get(0).value()).isEqualTo(4.5);
        assertThat(log.badLineCount()).isEqualTo(2);
        assertThat(log.badLines().get(0).toString()).startsWith(file + " line 4: not JSON");
        assertThat(log.badLines().get(1).toString()).isEqualTo(file + " line 5: 1 propensities for 2 items");
        assertThat(log.newerVersionCount()).isEqualTo(1);
    }

    @Test
    void whatTheWriterWritesReadsBackTheSame() {
        ExposureRecord x = new ExposureRecord(
                5,
                100,
                "e=b",
                Map.of("e", "b"),
                List.of(3, 4),
                Optional.of("thompson"),
                Optional.of(List.of(0.25, 0.5)),
                Optional.empty(),
                Optional.of("ab"));
        ExposureRecord plain = ExposureRecord.ab(6, 150, "e", "a", List.of(9));
        EventRecord e = new EventRecord(5, 200, "click", 4, 1.0, 0);
        Path file = tmp.resolve("sim.jsonl");
        ExperimentLogWriter.write(ExperimentLog.of(List.of(x, plain), List.of(e)), file);
        ExperimentLog back = ExperimentLogReader.read(List.of(file));
        assertThat(back.exposures()).containsExactly(x, plain);
        assertThat(back.events()).containsExactly(e);
        assertThat(back.badLineCount()).isZero();
    }
}
