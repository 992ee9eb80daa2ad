package dev.wren.core.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Thompson sampling for items with little history (new items): each candidate's click-through rate is drawn from its
 * Beta(clicks + 1, exposures - clicks + 1) posterior and the candidates are shown in the order of their draws.
 *
 * <p>Propensities are Monte Carlo estimates over the policy's own randomness: after the shown draw, {@code
 * propensityDraws} more draws are made from the same random stream, and an item's propensity at its position is
 * {@code (count + 1) / (propensityDraws + 1)}, counting the shown draw as one of them so it is never zero. Its standard
 * error is about {@code sqrt(p (1 - p) / propensityDraws)}; the cost is {@code propensityDraws} sorts of the
 * candidates. Immutable and thread-safe.
 *
 * @param name the policy name logged with each item
 * @param size how many items to show
 * @param propensityDraws Monte Carlo draws per request for the propensities, at least 1
 */
public record ThompsonSampling(String name, int size, int propensityDraws) {
    public ThompsonSampling {
        Objects.requireNonNull(name, "name");
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        if (propensityDraws < 1) {
            throw new IllegalArgumentException("propensityDraws must be >= 1, got " + propensityDraws);
        }
    }

    /** Draws the list shown for one request, with Monte Carlo propensities. */
    public ShownList choose(List<ArmStats> candidates, RandomGenerator random) {
        int n = Math.min(size, candidates.size());
        int[] order = draw(candidates, random);
        int[] shown = Arrays.copyOf(order, n);
        int[] counts = new int[n];
        for (int r = 0; r < propensityDraws; r++) {
            int[] again = draw(candidates, random);
            for (int s = 0; s < n; s++) {
                if (again[s] == shown[s]) {
                    counts[s]++;
                }
            }
        }
        List<ShownItem> items = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            double p = (counts[s] + 1.0) / (propensityDraws + 1.0);
            items.add(new ShownItem(candidates.get(shown[s]).itemId(), s, name, p));
        }
        return new ShownList(name, items);
    }

    /** Candidate indexes in the order of one posterior draw each, highest first. */
    private static int[] draw(List<ArmStats> candidates, RandomGenerator random) {
        int n = candidates.size();
        double[] theta = new double[n];
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            ArmStats a = candidates.get(i);
            theta[i] = BetaDraws.beta(a.clicks() + 1.0, a.exposures() - a.clicks() + 1.0, random);
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(theta[y], theta[x]));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
