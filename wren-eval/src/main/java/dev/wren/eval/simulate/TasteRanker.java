package dev.wren.eval.simulate;

import dev.wren.data.synthetic.HiddenTastes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A ranker of controlled quality for simulations: it scores each item by {@code popularityWeight log(popularity) +
 * tasteWeight (user taste . item taste) + noise z}, where {@code z} is a fixed standard normal per (seed, user, item).
 * More noise makes a worse ranker; with no noise and the generator's sharpness it is the hidden-taste oracle. The same
 * seed gives the same ranking on every run. Not thread-safe (it caches rankings).
 */
public final class TasteRanker {
    private final HiddenTastes truth;
    private final double popularityWeight;
    private final double tasteWeight;
    private final double noise;
    private final long seed;
    private final int depth;
    private final int[] items;
    private final Map<Integer, List<Integer>> cache = new HashMap<>();

    /**
     * @param depth how many items the ranking keeps (the candidates a policy may choose from)
     */
    public TasteRanker(
            HiddenTastes truth, double popularityWeight, double tasteWeight, double noise, long seed, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        this.truth = truth;
        this.popularityWeight = popularityWeight;
        this.tasteWeight = tasteWeight;
        this.noise = noise;
        this.seed = seed;
        this.depth = depth;
        this.items = SyntheticWorld.movieIds(truth);
    }

    /** The user's ranking, best first, {@code depth} items long. */
    public List<Integer> rank(int userId) {
        return cache.computeIfAbsent(userId, this::compute);
    }

    private List<Integer> compute(int userId) {
        SplittableRandom random = Streams.of(seed, userId);
        double[] scores = new double[items.length];
        Integer[] order = new Integer[items.length];
        for (int i = 0; i < items.length; i++) {
            double pop = truth.moviePopularity().getOrDefault(items[i], 1.0);
            scores[i] = popularityWeight * Math.log(pop)
                    + tasteWeight * truth.affinity(userId, items[i])
                    + noise * random.nextGaussian();
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> a.equals(b)
                        ? 0
                        : scores[b] != scores[a]
                                ? Double.compare(scores[b], scores[a])
                                : Integer.compare(items[a], items[b]));
        List<Integer> out = new ArrayList<>(Math.min(depth, items.length));
        for (int i = 0; i < Math.min(depth, items.length); i++) {
            out.add(items[order[i]]);
        }
        return List.copyOf(out);
    }
}
