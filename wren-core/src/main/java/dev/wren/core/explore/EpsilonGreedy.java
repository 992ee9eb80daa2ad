package dev.wren.core.explore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Epsilon-greedy over a ranked list. The greedy list is the ranking's top {@code size}; the exploration pool is the
 * rest of the ranking. Each explorable slot independently explores with probability epsilon, and the exploring slots
 * receive distinct items drawn uniformly from the pool (when more slots explore than the pool holds, a uniform subset
 * of them does). Slots that do not explore keep the greedy item of that slot, so a greedy item is never moved.
 *
 * <p>Propensities are exact: for an explorable slot, with {@code K} explorable slots in the list, a pool of {@code m}
 * items and {@code q = E[min(1, m / (1 + J))]} over {@code J ~ Binomial(K - 1, epsilon)} (the chance that an
 * exploring slot gets a pool item), a pool item is there with probability {@code epsilon q / m} and the greedy item
 * with {@code 1 - epsilon q}; a slot that may not explore shows its greedy item with probability 1. Immutable and
 * thread-safe.
 *
 * @param name the policy name logged with each item
 * @param epsilon the chance that an explorable slot explores, in [0, 1]
 * @param size the list length
 * @param explorable which 0-based positions may explore
 */
public record EpsilonGreedy(String name, double epsilon, int size, BitSet explorable) {
    public EpsilonGreedy {
        Objects.requireNonNull(name, "name");
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        explorable = (BitSet) explorable.clone();
    }

    /** Every slot from {@code firstPosition} on may explore (0 lets every slot explore). */
    public static EpsilonGreedy fromPosition(double epsilon, int size, int firstPosition) {
        BitSet slots = new BitSet();
        slots.set(Math.max(0, firstPosition), Math.max(Math.max(0, firstPosition), size));
        return new EpsilonGreedy("epsilon-greedy", epsilon, size, slots);
    }

    @Override
    public BitSet explorable() {
        return (BitSet) explorable.clone();
    }

    /**
     * Draws the list shown for one request.
     *
     * @param ranked the candidates, best first, without repeats; the list is shorter than {@code size} only when
     *     there are fewer candidates
     */
    public ShownList choose(List<Integer> ranked, RandomGenerator random) {
        int n = Math.min(size, ranked.size());
        int pool = ranked.size() - n;
        List<Integer> exploring = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            if (explorable.get(s) && random.nextDouble() < epsilon) {
                exploring.add(s);
            }
        }
        // A partial Fisher-Yates shuffle of the exploring slots keeps a uniform subset when the pool is short.
        int filled = Math.min(exploring.size(), pool);
        for (int i = 0; i < filled; i++) {
            int j = i + random.nextInt(exploring.size() - i);
            exploring.set(j, exploring.set(i, exploring.get(j)));
        }
        int[] poolOrder = new int[pool];
        for (int i = 0; i < pool; i++) {
            poolOrder[i] = n + i;
        }
        int[] items = new int[n];
        for (int s = 0; s < n; s++) {
            items[s] = ranked.get(s);
        }
        BitSet fromPool = new BitSet();
        for (int i = 0; i < filled; i++) {
            int j = i + random.nextInt(pool - i);
            int t = poolOrder[i];
            poolOrder[i] = poolOrder[j];
            poolOrder[j] = t;
            items[exploring.get(i)] = ranked.get(poolOrder[i]);
            fromPool.set(exploring.get(i));
        }
        double q = poolShare(n, pool);
        List<ShownItem> shown = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            double p;
            if (!explorable.get(s) || pool == 0) {
                p = 1;
            } else if (fromPool.get(s)) {
                p = epsilon * q / pool;
            } else {
                p = 1 - epsilon * q;
            }
            shown.add(new ShownItem(items[s], s, name, p));
        }
        return new ShownList(name, shown);
    }

    /**
     * What this policy would show at {@code position} for these candidates: item to probability, summing to 1 (empty
     * when the list is shorter than the position). For evaluating epsilon-greedy as a target policy offline.
     */
    public Map<Integer, Double> distribution(List<Integer> ranked, int position) {
        int n = Math.min(size, ranked.size());
        if (position < 0 || position >= n) {
            return Map.of();
        }
        int pool = ranked.size() - n;
        if (!explorable.get(position) || pool == 0) {
            return Map.of(ranked.get(position), 1.0);
        }
        double q = poolShare(n, pool);
        Map<Integer, Double> out = new HashMap<>();
        if (epsilon * q < 1) {
            out.put(ranked.get(position), 1 - epsilon * q);
        }
        for (int i = n; i < ranked.size(); i++) {
            out.put(ranked.get(i), epsilon * q / pool);
        }
        return out;
    }

    /** The probability that this policy puts {@code itemId} at {@code position} for these candidates (0 if never). */
    public double propensity(List<Integer> ranked, int itemId, int position) {
        return distribution(ranked, position).getOrDefault(itemId, 0.0);
    }

    /** E[min(1, m / (1 + J))] with J ~ Binomial(K - 1, epsilon) the other exploring slots. */
    private double poolShare(int n, int pool) {
        int k = explorable.get(0, n).cardinality();
        if (pool == 0 || k == 0) {
            return 0;
        }
        int others = k - 1;
        if (others < pool) {
            return 1; // even if every other slot explores, the pool has an item for this one
        }
        double q = 0;
        for (int j = 0; j <= others; j++) {
            q += binomialPmf(others, j, epsilon) * Math.min(1.0, (double) pool / (1 + j));
        }
        return q;
    }

    /**
     * A binomial probability for the small counts of one list; wren-core takes no statistics library, and this one
     * line is checked against Monte Carlo frequencies in the tests.
     */
    static double binomialPmf(int n, int j, double p) {
        if (p == 0) {
            return j == 0 ? 1 : 0;
        }
        if (p == 1) {
            return j == n ? 1 : 0;
        }
        double logChoose = 0;
        for (int i = 1; i <= j; i++) {
            logChoose += Math.log(n - j + i) - Math.log(i);
        }
        return Math.exp(logChoose + j * Math.log(p) + (n - j) * Math.log1p(-p));
    }
}
