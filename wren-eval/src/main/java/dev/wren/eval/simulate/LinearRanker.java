package dev.wren.eval.simulate;

import dev.wren.core.rank.StreamingTopK;
import dev.wren.data.synthetic.HiddenTastes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A ranker that scores each item by a weighted sum of three standardised features, for simulations of learning the
 * weights: the user's taste affinity with the item (what the simulated users click on), the item's log popularity
 * (which clicks do not depend on) and a fixed standard normal per (seed, user, item) that stands for a feature carrying
 * nothing. Each feature has mean 0 and standard deviation 1 over the catalogue and a sample of users, so a weight says
 * how much its feature moves the ranking. Not thread-safe (it caches each user's features).
 */
public final class LinearRanker {
    /** The features, in the order of a weight vector. */
    public static final List<String> FEATURES = List.of("taste", "popularity", "noise");

    private static final int STANDARDISE_USERS = 200;

    private final HiddenTastes truth;
    private final long seed;
    private final int[] items;
    private final double[] logPopularity;
    private final SummaryStatistics taste;
    private final Map<Integer, float[][]> features = new HashMap<>();

    /** @param seed picks the noise feature's values */
    public LinearRanker(HiddenTastes truth, long seed) {
        this.truth = truth;
        this.seed = seed;
        this.items = SyntheticWorld.movieIds(truth);
        SummaryStatistics popularity = new SummaryStatistics();
        this.logPopularity = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            logPopularity[i] = Math.log(truth.moviePopularity().getOrDefault(items[i], 1.0));
            popularity.addValue(logPopularity[i]);
        }
        for (int i = 0; i < items.length; i++) {
            logPopularity[i] = standardised(logPopularity[i], popularity);
        }
        List<Integer> users = truth.userTastes().keySet().stream().sorted().toList();
        int sampled = Math.min(STANDARDISE_USERS, users.size());
        SummaryStatistics taste = new SummaryStatistics();
        for (int u = 0; u < sampled; u++) {
            int user = users.get(u * users.size() / sampled);
            for (int item : items) {
                taste.addValue(truth.affinity(user, item));
            }
        }
        this.taste = taste;
    }

    /** The user's top {@code size} items by {@code weights} (one per {@link #FEATURES}), best first. */
    public List<Integer> rank(int userId, double[] weights, int size) {
        if (weights.length != FEATURES.size()) {
            throw new IllegalArgumentException("expected " + FEATURES.size() + " weights, got " + weights.length);
        }
        float[][] f = features.computeIfAbsent(userId, this::compute);
        int k = Math.min(size, items.length);
        if (k <= 0) {
            return List.of();
        }
        // On equal scores the lower item index goes first.
        StreamingTopK top = new StreamingTopK(k);
        for (int i = 0; i < items.length; i++) {
            top.offer(weights[0] * f[0][i] + weights[1] * f[1][i] + weights[2] * f[2][i], i);
        }
        List<Integer> out = new ArrayList<>(top.size());
        for (int i = 0; i < top.size(); i++) {
            out.add(items[top.id(i)]);
        }
        return out;
    }

    private float[][] compute(int userId) {
        SplittableRandom random = Streams.of(seed, userId);
        float[][] f = new float[FEATURES.size()][items.length];
        for (int i = 0; i < items.length; i++) {
            f[0][i] = (float) standardised(truth.affinity(userId, items[i]), taste);
            f[1][i] = (float) logPopularity[i];
            f[2][i] = (float) random.nextGaussian();
        }
        return f;
    }

    /** How many population standard deviations {@code x} lies from the mean. */
    private static double standardised(double x, SummaryStatistics of) {
        double sd = Math.sqrt(Math.max(of.getPopulationVariance(), 1e-12));
        return (x - of.getMean()) / sd;
    }
}
