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

    @Test
    void readsExplorationPerVariantAndInterleavingExperiments() throws Exception {
        Path file = tmp.resolve("explore.json");
        Files.writeString(
                file,
                """
                {"experiments": [
                  {"name": "explore", "variants": [
                    {"name": "eps", "share": 0.3, "exploration": {"policy": "epsilon-greedy", "epsilon": 0.1, "slots": [8, 9]}},
                    {"name": "ts", "share": 0.3, "exploration": {"policy": "thompson", "slot": 9, "candidates": 10}},
                    {"name": "ucb", "share": 0.3, "exploration": {"policy": "linucb", "slot": 4, "alpha": 0.5}}
                  ]},
                  {"name": "duel", "type": "interleaving", "variants": [
                    {"name": "cf", "share": 0.1}, {"name": "learned", "share": 0.1, "ranker": "learned"}
                  ]}
                ]}
                """);
        List<Experiment> experiments = ExperimentsFile.read(file);
        List<Variant> arms = experiments.get(0).variants();
        assertThat(experiments.get(0).type()).isEqualTo(Experiment.Type.AB);
        assertThat(arms.get(0).exploration()).contains(new Exploration.EpsilonGreedy(0.1, List.of(8, 9), 50));
        assertThat(arms.get(1).exploration()).contains(new Exploration.Thompson(9, 10, 100, 200));
        assertThat(arms.get(2).exploration()).contains(new Exploration.LinUcb(4, 0.5));
        assertThat(experiments.get(1).type()).isEqualTo(Experiment.Type.INTERLEAVING);
        assertThat(experiments.get(1).variants().get(0).exploration()).isEmpty();
    }

    @Test
    void refusesBadExplorationNamingTheExperimentVariantAndField() throws Exception {
        assertRefused(
                "{\"name\": \"e\", \"variants\": [{\"name\": \"v\", \"share\": 0.5,"
                        + " \"exploration\": {\"policy\": \"epsilon-greedy\", \"epsilon\": 2, \"slots\": [1]}}]}",
                "experiment 'e' variant 'v': exploration.epsilon must be in [0, 1], got 2.0");
        assertRefused(
                "{\"name\": \"e\", \"variants\": [{\"name\": \"v\", \"share\": 0.5,"
                        + " \"exploration\": {\"policy\": \"thompson\"}}]}",
                "exploration.slot is required");
        assertRefused(
                "{\"name\": \"e\", \"variants\": [{\"name\": \"v\", \"share\": 0.5,"
                        + " \"exploration\": {\"policy\": \"linucb\", \"slot\": 1, \"epsilon\": 0.1}}]}",
                "exploration.epsilon does not apply to linucb");
        assertRefused(
                "{\"name\": \"e\", \"variants\": [{\"name\": \"v\", \"share\": 0.5,"
                        + " \"exploration\": {\"policy\": \"softmax\", \"slot\": 1}}]}",
                "exploration.policy must be");
        assertRefused(
                "{\"name\": \"e\", \"variants\": [{\"name\": \"v\", \"share\": 0.5,"
                        + " \"exploration\": {\"policy\": \"thompson\", \"slot\": 1, \"temperature\": 3}}]}",
                "temperature");
        assertRefused(
                "{\"name\": \"e\", \"type\": \"multileaving\", \"variants\": [{\"name\": \"v\", \"share\": 0.5}]}",
                "experiment 'e': type must be \"ab\", \"interleaving\" or \"dueling-bandit\", got \"multileaving\"");
        assertRefused(
                "{\"name\": \"e\", \"type\": \"interleaving\", \"variants\": [{\"name\": \"v\", \"share\": 0.5}]}",
                "needs exactly two variants");
        assertRefused(
                "{\"name\": \"d\", \"type\": \"dueling-bandit\", \"variants\": [{\"name\": \"v\", \"share\": 0.1}]}",
                "needs one variant (its share of users) and duel settings");
        assertRefused(
                "{\"name\": \"d\", \"type\": \"dueling-bandit\", \"duel\": {\"delta\": 0, \"alpha\": 0.1},"
                        + " \"variants\": [{\"name\": \"v\", \"share\": 0.1}]}",
                "experiment 'd': duel.delta must be > 0, got 0.0");
        assertRefused(
                "{\"name\": \"d\", \"duel\": {\"delta\": 1, \"alpha\": 0.1},"
                        + " \"variants\": [{\"name\": \"v\", \"share\": 0.1}]}",
                "duel applies to type dueling-bandit only");
    }

    private void assertRefused(String experiment, String message) throws Exception {
        Path file = tmp.resolve("bad-exploration.json");
        Files.writeString(file, "{\"experiments\": [" + experiment + "]}");
        assertThatThrownBy(() -> ExperimentsFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad-exploration.json")
                .hasMessageContaining(message);
    }
}
