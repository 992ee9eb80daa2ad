package dev.wren.eval.simulate;

import dev.wren.core.explore.EpsilonGreedy;
import dev.wren.core.explore.ShownItem;
import dev.wren.core.explore.ShownList;
import dev.wren.core.explore.TeamDraftInterleaving;
import dev.wren.serving.ab.DuelingBandit;
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

    /**
     * A dueling bandit's duel, as serving runs it: the current weights (team A) and a perturbed copy (team B) rank, their
     * tops are interleaved by team draft, and the bandit is told what was shown so that the user's first click on the
     * list decides the duel.
     */
    public static ListPolicy duel(LinearRanker ranker, DuelingBandit bandit, int size) {
        return (user, random) -> {
            DuelingBandit.Duel duel = bandit.propose(random);
            TeamDraftInterleaving.Interleaved list = TeamDraftInterleaving.interleave(
                    ranker.rank(user, duel.weights(), size), ranker.rank(user, duel.perturbed(), size), size, random);
            bandit.shown(user, duel, list.items(), list.teams());
            return Served.of(list);
        };
    }

    /** Team-draft interleaving of two rankers' tops. */
    public static ListPolicy interleaved(TasteRanker a, TasteRanker b, int size) {
        return (user, random) -> Served.of(TeamDraftInterleaving.interleave(a.rank(user), b.rank(user), size, random));
    }
}
