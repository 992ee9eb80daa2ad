package dev.wren.serving.ab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads experiments from a JSON file:
 *
 * <pre>{@code
 * {"experiments": [
 *   {"name": "ranker", "variants": [
 *     {"name": "control", "share": 0.5},
 *     {"name": "recall-only", "share": 0.5, "ranker": "recall", "reranker": "top", "channels": ["item-cf", "popular"]}
 *   ]},
 *   {"name": "explore", "variants": [
 *     {"name": "greedy", "share": 0.5},
 *     {"name": "eps", "share": 0.5, "exploration": {"policy": "epsilon-greedy", "epsilon": 0.1, "slots": [7, 8, 9]}}
 *   ]},
 *   {"name": "cf-vs-learned", "type": "interleaving", "variants": [
 *     {"name": "cf", "share": 0.05, "ranker": "cf"}, {"name": "learned", "share": 0.05, "ranker": "learned"}
 *   ]}
 * ]}
 * }</pre>
 *
 * A variant's {@code channels}, {@code ranker}, {@code reranker} and {@code exploration} are optional: what it leaves
 * out comes from the default pipeline. An experiment's {@code type} is {@code ab} (the default) or {@code
 * interleaving}, or {@code dueling-bandit} with one variant and {@code "duel": {"delta": 0.5, "alpha": 0.02}} (the blend
 * ranker's weights against a perturbed copy, see {@link DuelingBandit}). Exploration policies and their fields:
 *
 * <ul>
 *   <li>{@code epsilon-greedy}: {@code epsilon} (required), {@code slots} (required), {@code pool} (default 50);
 *   <li>{@code thompson}: {@code slot} (required), {@code candidates} (default 20), {@code maxExposures} (default
 *       100), {@code propensityDraws} (default 200);
 *   <li>{@code linucb}: {@code slot} (required), {@code alpha} (default 1.0).
 * </ul>
 *
 * Stage names are checked when the server starts.
 */
public final class ExperimentsFile {
    private record Root(Optional<List<ExperimentJson>> experiments) {}

    private record ExperimentJson(
            String name, Optional<String> type, List<VariantJson> variants, Optional<DuelJson> duel) {}

    private record DuelJson(double delta, double alpha) {}

    private record VariantJson(
            String name,
            double share,
            Optional<List<String>> channels,
            Optional<String> ranker,
            Optional<String> reranker,
            Optional<ExplorationJson> exploration) {}

    private record ExplorationJson(
            String policy,
            Optional<Double> epsilon,
            Optional<List<Integer>> slots,
            Optional<Integer> pool,
            Optional<Integer> slot,
            Optional<Integer> candidates,
            Optional<Long> maxExposures,
            Optional<Integer> propensityDraws,
            Optional<Double> alpha) {}

    private ExperimentsFile() {}

    /**
     * @throws IllegalArgumentException naming the file, the experiment, the variant and the field that is wrong
     */
    public static List<Experiment> read(Path file) {
        ObjectMapper json = new ObjectMapper()
                .registerModule(new Jdk8Module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
        Root root;
        try {
            root = json.readValue(file.toFile(), Root.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read experiments from " + file + ": " + e.getMessage(), e);
        }
        List<Experiment> out = new ArrayList<>();
        for (ExperimentJson e : root.experiments().orElse(List.of())) {
            try {
                out.add(experiment(e));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(
                        "cannot read experiments from " + file + ": " + bad.getMessage(), bad);
            }
        }
        return List.copyOf(out);
    }

    private static Experiment experiment(ExperimentJson e) {
        List<Variant> variants = new ArrayList<>();
        for (VariantJson v : e.variants()) {
            try {
                Variant variant = new Variant(v.name(), v.share(), v.channels(), v.ranker(), v.reranker());
                variants.add(v.exploration()
                        .map(x -> variant.withExploration(exploration(x)))
                        .orElse(variant));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(
                        "experiment '" + e.name() + "' variant '" + v.name() + "': " + bad.getMessage(), bad);
            }
        }
        Experiment.Type type;
        try {
            type = e.type().map(Experiment.Type::of).orElse(Experiment.Type.AB);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("experiment '" + e.name() + "': " + bad.getMessage(), bad);
        }
        Optional<Experiment.DuelSettings> duel;
        try {
            duel = e.duel().map(d -> new Experiment.DuelSettings(d.delta(), d.alpha()));
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("experiment '" + e.name() + "': " + bad.getMessage(), bad);
        }
        return new Experiment(e.name(), variants, type, duel);
    }

    private static Exploration exploration(ExplorationJson x) {
        return switch (x.policy()) {
            case Exploration.EpsilonGreedy.NAME -> {
                refuse(x, "epsilon-greedy", x.slot(), "slot");
                refuse(x, "epsilon-greedy", x.candidates(), "candidates");
                refuse(x, "epsilon-greedy", x.maxExposures(), "maxExposures");
                refuse(x, "epsilon-greedy", x.propensityDraws(), "propensityDraws");
                refuse(x, "epsilon-greedy", x.alpha(), "alpha");
                yield new Exploration.EpsilonGreedy(
                        required(x.epsilon(), "epsilon"),
                        required(x.slots(), "slots"),
                        x.pool().orElse(50));
            }
            case Exploration.Thompson.NAME -> {
                refuse(x, "thompson", x.epsilon(), "epsilon");
                refuse(x, "thompson", x.slots(), "slots");
                refuse(x, "thompson", x.pool(), "pool");
                refuse(x, "thompson", x.alpha(), "alpha");
                yield new Exploration.Thompson(
                        required(x.slot(), "slot"),
                        x.candidates().orElse(20),
                        x.maxExposures().orElse(100L),
                        x.propensityDraws().orElse(200));
            }
            case Exploration.LinUcb.NAME -> {
                refuse(x, "linucb", x.epsilon(), "epsilon");
                refuse(x, "linucb", x.slots(), "slots");
                refuse(x, "linucb", x.pool(), "pool");
                refuse(x, "linucb", x.candidates(), "candidates");
                refuse(x, "linucb", x.maxExposures(), "maxExposures");
                refuse(x, "linucb", x.propensityDraws(), "propensityDraws");
                yield new Exploration.LinUcb(
                        required(x.slot(), "slot"), x.alpha().orElse(1.0));
            }
            default ->
                throw new IllegalArgumentException("exploration.policy must be \"epsilon-greedy\", \"thompson\" or"
                        + " \"linucb\", got \"" + x.policy() + "\"");
        };
    }

    private static <T> T required(Optional<T> value, String field) {
        return value.orElseThrow(() -> new IllegalArgumentException("exploration." + field + " is required"));
    }

    private static void refuse(ExplorationJson x, String policy, Optional<?> value, String field) {
        if (value.isPresent()) {
            throw new IllegalArgumentException("exploration." + field + " does not apply to " + policy);
        }
    }
}
