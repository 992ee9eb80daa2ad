package dev.wren.eval.experiment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code exposure} line of the serving log: a list shown to a user. The last four fields are the optional
 * exploration and interleaving fields described in wren-eval's README; an exposure without them was served by one
 * deterministic ranker.
 *
 * @param userId the user
 * @param loggedAt when the server wrote it, epoch milliseconds
 * @param variant {@code default}, or {@code experiment=variant} pairs joined by {@code ,}
 * @param experiments experiment name to variant name
 * @param items the items shown, top first
 * @param policy the exploration or interleaving policy that made the list
 * @param propensities per item, the probability that the policy put it at its position; parallel to items
 * @param teams per item, the interleaving team ("A" or "B") that picked it; parallel to items
 * @param experimentType {@code ab} or {@code interleaving}
 */
public record ExposureRecord(
        int userId,
        long loggedAt,
        String variant,
        Map<String, String> experiments,
        List<Integer> items,
        Optional<String> policy,
        Optional<List<Double>> propensities,
        Optional<List<String>> teams,
        Optional<String> experimentType) {
    public static final String AB = "ab";
    public static final String INTERLEAVING = "interleaving";

    public ExposureRecord {
        Objects.requireNonNull(variant, "variant");
        experiments = Map.copyOf(experiments);
        items = List.copyOf(items);
        propensities = propensities.map(List::copyOf);
        teams = teams.map(List::copyOf);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(experimentType, "experimentType");
        if (propensities.isPresent() && propensities.get().size() != items.size()) {
            throw new IllegalArgumentException(
                    propensities.get().size() + " propensities for " + items.size() + " items");
        }
        for (double p : propensities.orElse(List.of())) {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("a propensity must be in (0, 1], got " + p);
            }
        }
        if (teams.isPresent()) {
            if (teams.get().size() != items.size()) {
                throw new IllegalArgumentException(teams.get().size() + " teams for " + items.size() + " items");
            }
            for (String t : teams.get()) {
                if (!t.equals("A") && !t.equals("B")) {
                    throw new IllegalArgumentException("a team must be \"A\" or \"B\", got \"" + t + "\"");
                }
            }
        }
        if (experimentType.isPresent()
                && !experimentType.get().equals(AB)
                && !experimentType.get().equals(INTERLEAVING)) {
            throw new IllegalArgumentException(
                    "experimentType must be \"ab\" or \"interleaving\", got \"" + experimentType.get() + "\"");
        }
        if (experimentType.filter(INTERLEAVING::equals).isPresent() && teams.isEmpty()) {
            throw new IllegalArgumentException("an interleaving exposure needs teams");
        }
    }

    /** A plain A/B exposure, as serving writes it today. */
    public static ExposureRecord ab(int userId, long loggedAt, String experiment, String variant, List<Integer> items) {
        return new ExposureRecord(
                userId,
                loggedAt,
                experiment + "=" + variant,
                Map.of(experiment, variant),
                items,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public boolean interleaved() {
        return teams.isPresent();
    }
}
