package dev.wren.serving.rerank;

import dev.wren.core.explore.ArmStats;
import dev.wren.core.explore.EpsilonGreedy;
import dev.wren.core.explore.LinUcb;
import dev.wren.core.explore.ShownItem;
import dev.wren.core.explore.ShownList;
import dev.wren.core.explore.ThompsonSampling;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.FeatureStoreException;
import dev.wren.core.store.Features;
import dev.wren.serving.ab.BanditFeedback;
import dev.wren.serving.ab.Exploration;
import dev.wren.serving.pipeline.UserContext;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exploring end of the rerank stage: lays a variant's exploration policy over the re-ranked (greedy) list, drawing
 * what it shows instead from the ranked candidates below the list that the user has not seen, and says with what
 * probability each item was put where it is. Thread-safe: all randomness comes from the request's generator, and
 * learnt state lives in {@link BanditFeedback}.
 */
public final class Explorer {
    private static final Logger log = LoggerFactory.getLogger(Explorer.class);
    /** The name logged for a list no policy changed: each item is where it is with probability 1. */
    public static final String DETERMINISTIC = "deterministic";

    private final BanditFeedback feedback;

    public Explorer(BanditFeedback feedback) {
        this.feedback = feedback;
    }

    /**
     * A list as shown, with the logged policy and per-item propensities (parallel to {@code items}).
     *
     * @param items the final list
     * @param policy the policy's registered name
     * @param propensities per item, in (0, 1]; empty when the policy does not know them (team-draft interleaving)
     */
    public record Shown(List<ScoredItem> items, String policy, Optional<List<Double>> propensities) {
        public Shown {
            items = List.copyOf(items);
            propensities = propensities.map(List::copyOf);
            if (propensities.isPresent() && items.size() != propensities.get().size()) {
                throw new IllegalArgumentException(
                        items.size() + " items but " + propensities.get().size() + " propensities");
            }
        }

        public Shown(List<ScoredItem> items, String policy, List<Double> propensities) {
            this(items, policy, Optional.of(propensities));
        }

        /** A list no policy changed. */
        public static Shown deterministic(List<ScoredItem> items) {
            return new Shown(items, DETERMINISTIC, java.util.Collections.nCopies(items.size(), 1.0));
        }
    }

    /**
     * Applies a policy to one request's list.
     *
     * @param exploration the variant's policy
     * @param variant the {@code experiment=variant} label whose LinUCB model learns
     * @param list the re-ranked list, the greedy choice
     * @param ranked every candidate in the ranker's order; the pool is what of it is below the list and unseen
     * @param store where the stream job's item counts are read from, when it writes them
     */
    public Shown explore(
            Exploration exploration,
            String variant,
            UserContext user,
            List<ScoredItem> list,
            List<ScoredItem> ranked,
            FeatureStore store,
            RandomGenerator random) {
        List<ScoredItem> pool = pool(user, list, ranked);
        if (exploration instanceof Exploration.EpsilonGreedy e) {
            return epsilonGreedy(e, list, pool, random);
        }
        if (exploration instanceof Exploration.Thompson t) {
            return thompson(t, list, pool, store, random);
        }
        return linUcb((Exploration.LinUcb) exploration, variant, user, list, pool, random);
    }

    private static List<ScoredItem> pool(UserContext user, List<ScoredItem> list, List<ScoredItem> ranked) {
        java.util.Set<Integer> shown = new java.util.HashSet<>();
        list.forEach(i -> shown.add(i.itemId()));
        List<ScoredItem> pool = new ArrayList<>();
        for (ScoredItem i : ranked) {
            if (shown.add(i.itemId()) && !user.hasSeen(i.itemId())) {
                pool.add(i);
            }
        }
        return pool;
    }

    private static Shown epsilonGreedy(
            Exploration.EpsilonGreedy e, List<ScoredItem> list, List<ScoredItem> pool, RandomGenerator random) {
        if (list.isEmpty()) {
            return new Shown(list, e.policy(), List.of());
        }
        Map<Integer, ScoredItem> byId = new HashMap<>();
        List<Integer> ranked = new ArrayList<>();
        for (ScoredItem i : list) {
            byId.put(i.itemId(), i);
            ranked.add(i.itemId());
        }
        for (ScoredItem i : pool.subList(0, Math.min(e.pool(), pool.size()))) {
            byId.put(i.itemId(), i);
            ranked.add(i.itemId());
        }
        BitSet slots = new BitSet();
        e.slots().forEach(slots::set);
        ShownList shown = new EpsilonGreedy(e.policy(), e.epsilon(), list.size(), slots).choose(ranked, random);
        return new Shown(shown.itemIds().stream().map(byId::get).toList(), e.policy(), shown.propensities());
    }

    private Shown thompson(
            Exploration.Thompson t,
            List<ScoredItem> list,
            List<ScoredItem> pool,
            FeatureStore store,
            RandomGenerator random) {
        if (t.slot() >= list.size()) {
            return new Shown(list, t.policy(), java.util.Collections.nCopies(list.size(), 1.0));
        }
        Map<Integer, ScoredItem> fresh = new LinkedHashMap<>();
        Map<Integer, ArmStats> stats =
                counts(pool.stream().limit(t.candidates() * 4L).toList(), store);
        for (ScoredItem i : pool) {
            if (fresh.size() == t.candidates()) {
                break;
            }
            ArmStats s = stats.get(i.itemId());
            if (s != null && s.exposures() < t.maxExposures()) {
                fresh.put(i.itemId(), i);
            }
        }
        if (fresh.isEmpty()) {
            // No new item to try: the policy shows the greedy list, with certainty.
            return new Shown(list, t.policy(), java.util.Collections.nCopies(list.size(), 1.0));
        }
        List<ArmStats> arms = fresh.keySet().stream().map(stats::get).toList();
        ShownItem chosen = new ThompsonSampling(t.policy(), 1, t.propensityDraws())
                .choose(arms, random)
                .items()
                .get(0);
        return replace(list, t.slot(), fresh.get(chosen.itemId()), chosen.propensity(), t.policy());
    }

    /**
     * Each item's clicks and exposures: the stream job's counts over its window when the store has both for the item,
     * else this process's own counts.
     */
    private Map<Integer, ArmStats> counts(List<ScoredItem> items, FeatureStore store) {
        Map<Integer, Features> rows = Map.of();
        try {
            rows = store.get(
                    EntityKind.ITEM,
                    FeatureStore.ids(items.stream().map(ScoredItem::itemId).toList()),
                    List.of(FeatureSchema.RECENT_CLICKS, FeatureSchema.RECENT_EXPOSURES));
        } catch (FeatureStoreException e) {
            log.debug("Item counts unreadable, using this server's own: {}", e.getMessage());
        }
        Map<Integer, ArmStats> out = new HashMap<>();
        for (ScoredItem i : items) {
            Features row = rows.getOrDefault(i.itemId(), Features.empty());
            OptionalDouble clicks = row.number(FeatureSchema.RECENT_CLICKS);
            OptionalDouble exposures = row.number(FeatureSchema.RECENT_EXPOSURES);
            if (clicks.isPresent() && exposures.isPresent()) {
                long n = Math.max(0, Math.round(exposures.getAsDouble()));
                long c = Math.min(n, Math.max(0, Math.round(clicks.getAsDouble())));
                out.put(i.itemId(), new ArmStats(i.itemId(), c, n));
            } else {
                out.put(i.itemId(), feedback.stats(i.itemId()));
            }
        }
        return out;
    }

    private Shown linUcb(
            Exploration.LinUcb l,
            String variant,
            UserContext user,
            List<ScoredItem> list,
            List<ScoredItem> pool,
            RandomGenerator random) {
        Map<String, ScoredItem> bestOfChannel = new LinkedHashMap<>();
        pool.forEach(i -> bestOfChannel.putIfAbsent(i.channel(), i));
        if (l.slot() >= list.size() || bestOfChannel.isEmpty()) {
            return new Shown(list, l.policy(), java.util.Collections.nCopies(list.size(), 1.0));
        }
        double[] x = context(user);
        Map<String, double[]> arms = new LinkedHashMap<>();
        bestOfChannel.keySet().forEach(channel -> arms.put(channel, x));
        LinUcb<String> model = feedback.model(variant, l.alpha());
        LinUcb.Choice<String> choice = model.choose(arms, random);
        ScoredItem item = bestOfChannel.get(choice.arm());
        feedback.awaitReward(user.userId(), item.itemId(), model, choice.arm(), x);
        return replace(list, l.slot(), item, choice.propensity(), l.policy());
    }

    /** The user's context for LinUCB: a bias, the history size and the recent positives, each in [0, 1]. */
    static double[] context(UserContext user) {
        return new double[] {
            1,
            Math.min(1, Math.log1p(user.seenCount()) / Math.log1p(1000)),
            Math.min(1, user.recentPositives().size() / 20.0)
        };
    }

    private static Shown replace(List<ScoredItem> list, int slot, ScoredItem item, double propensity, String policy) {
        List<ScoredItem> items = new ArrayList<>(list);
        items.set(slot, item);
        List<Double> propensities = new ArrayList<>(java.util.Collections.nCopies(list.size(), 1.0));
        propensities.set(slot, propensity);
        return new Shown(items, policy, propensities);
    }
}
