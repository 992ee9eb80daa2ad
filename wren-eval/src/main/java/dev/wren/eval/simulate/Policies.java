package dev.wren.eval.simulate;

import dev.wren.core.explore.EpsilonGreedy;
import dev.wren.core.explore.ShownItem;
import dev.wren.core.explore.ShownList;
import dev.wren.core.explore.TeamDraftInterleaving;
import java.util.List;

/** The list policies simulations use: a ranker's top, epsilon-greedy over it, and two rankers interleaved. */
public final class Policies {
    private Policies() {}

    /** The ranker's top {@code size}, as serving shows a deterministic ranking (no propensities logged). */
    public static ListPolicy top(TasteRanker ranker, int size) {
        return (user, random) -> {
            List<Integer> ranked = ranker.rank(user);
            return Served.plain(ranked.subList(0, Math.min(size, ranked.size())));
        };
    }

    /** Epsilon-greedy over the ranker's whole ranking, logging its exact propensities. */
    public static ListPolicy epsilonGreedy(TasteRanker ranker, EpsilonGreedy policy) {
        return (user, random) -> Served.of(policy.choose(ranker.rank(user), random));
    }

    /** One item drawn uniformly from the ranker's ranking: the uniformly random logs that replay needs. */
    public static ListPolicy uniformOne(TasteRanker ranker) {
        return (user, random) -> {
            List<Integer> ranked = ranker.rank(user);
            int item = ranked.get(random.nextInt(ranked.size()));
            return Served.of(new ShownList("uniform", List.of(new ShownItem(item, 0, "uniform", 1.0 / ranked.size()))));
        };
    }

    /** Team-draft interleaving of two rankers' tops. */
    public static ListPolicy interleaved(TasteRanker a, TasteRanker b, int size) {
        return (user, random) -> Served.of(TeamDraftInterleaving.interleave(a.rank(user), b.rank(user), size, random));
    }
}
