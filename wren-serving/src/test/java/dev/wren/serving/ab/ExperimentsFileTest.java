package dev.wren.serving.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentsFileTest {
    @TempDir
    Path tmp;

    @Test
    void readsExperimentsWhoseVariantsOverrideOnlyWhatTheyName() throws Exception {
        Path file = tmp.resolve("experiments.json");
        Files.writeString(
                file,
                """
                {"experiments": [{"name": "ranker", "variants": [
                  {"name": "control", "share": 0.5},
                  {"name": "recall-only", "share": 0.5, "ranker": "recall", "channels": ["item-cf", "popular"]}
                ]}]}
                """);
        List<Experiment> experiments = ExperimentsFile.read(file);
        assertThat(experiments).hasSize(1);
        Variant control = experiments.get(0).variants().get(0);
        assertThat(control.ranker()).isEmpty();
        assertThat(control.channels()).isEmpty();
        Variant treatment = experiments.get(0).variants().get(1);
        assertThat(treatment.ranker()).isEqualTo(Optional.of("recall"));
        assertThat(treatment.reranker()).isEmpty();
        assertThat(treatment.channels()).contains(List.of("item-cf", "popular"));
    }

    @Test
    void refusesSharesAboveOneNamingTheFile() throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(
                file,
                """
                {"experiments": [{"name": "x", "variants": [{"name": "a", "share": 0.7}, {"name": "b", "share": 0.7}]}]}
                """);
        assertThatThrownBy(() -> ExperimentsFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("> 1");
    }
}
