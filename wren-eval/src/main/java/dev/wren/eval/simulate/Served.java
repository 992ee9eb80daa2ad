package dev.wren.eval.simulate;

import dev.wren.core.explore.ShownList;
import dev.wren.core.explore.TeamDraftInterleaving;
import java.util.List;
import java.util.Optional;

/**
 * A list as a policy serves it, with the optional exposure fields it should be logged with.
 *
 * @param items the items, top first
 * @param policy the exploration or interleaving policy, when there is one
 * @param propensities per item, when the policy knows them
 * @param teams per item, for an interleaved list
 */
public record Served(
        List<Integer> items,
        Optional<String> policy,
        Optional<List<Double>> propensities,
        Optional<List<String>> teams) {
    public Served {
        items = List.copyOf(items);
        propensities = propensities.map(List::copyOf);
        teams = teams.map(List::copyOf);
    }

    public static Served plain(List<Integer> items) {
        return new Served(items, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Served of(ShownList list) {
        return new Served(
                list.itemIds(), Optional.of(list.policy()), Optional.of(list.propensities()), Optional.empty());
    }

    public static Served of(TeamDraftInterleaving.Interleaved list) {
        return new Served(
                list.items(),
                Optional.of("team-draft"),
                Optional.empty(),
                Optional.of(list.teams().stream().map(Enum::name).toList()));
    }
}
