package dev.wren.core.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Disjoint LinUCB (Li, Chu, Langford and Schapire, WWW 2010) for one decision: which arm (an item for a slot, or a
 * recall channel) to use, given a feature vector per arm. Each arm keeps its own ridge regression {@code A = I +
 * sum x x'}, {@code b = sum r x}; an arm's score is {@code theta' x + alpha sqrt(x' A^-1 x)} with {@code theta = A^-1
 * b}, and the best score wins.
 *
 * <p>The choice is deterministic given the state, so the propensity is exact: 1 for a unique best arm, {@code 1 /
 * ties} when several arms tie (ties are broken uniformly with the random stream passed in). A deterministic logger
 * gives offline evaluation no support for other choices: log LinUCB under epsilon-greedy if other policies are to be
 * evaluated from its logs.
 *
 * <p>{@code A^-1} is kept up to date with the Sherman-Morrison rank-one update, so no matrix is ever inverted.
 * Thread-safe: choosing and updating hold this object's lock (one arm's update must not be read half done).
 *
 * @param <A> the arm's key
 */
public final class LinUcb<A> {
    /** One choice: the arm, its upper confidence bound and the propensity of choosing it. */
    public record Choice<A>(A arm, double score, double propensity) {}

    private static final class Arm {
        final double[][] inverse;
        final double[] b;

        Arm(int d) {
            inverse = new double[d][d];
            for (int i = 0; i < d; i++) {
                inverse[i][i] = 1;
            }
            b = new double[d];
        }
    }

    private final String name;
    private final int dimension;
    private final double alpha;
    private final Map<A, Arm> arms = new HashMap<>();

    /**
     * @param name the policy name logged with each choice
     * @param dimension the length of every feature vector
     * @param alpha the width of the confidence bonus, >= 0 (0 is greedy)
     */
    public LinUcb(String name, int dimension, double alpha) {
        this.name = Objects.requireNonNull(name, "name");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("alpha must be >= 0, got " + alpha);
        }
        this.dimension = dimension;
        this.alpha = alpha;
    }

    public String name() {
        return name;
    }

    /** Chooses among the arms offered now, each with its feature vector; an arm never seen starts from the prior. */
    public synchronized Choice<A> choose(Map<A, double[]> features, RandomGenerator random) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("no arms to choose from");
        }
        double best = Double.NEGATIVE_INFINITY;
        List<A> tied = new ArrayList<>();
        for (Map.Entry<A, double[]> e : features.entrySet()) {
            double s = score(e.getKey(), e.getValue());
            if (s > best + 1e-12) {
                best = s;
                tied.clear();
                tied.add(e.getKey());
            } else if (Math.abs(s - best) <= 1e-12) {
                tied.add(e.getKey());
            }
        }
        // Map order is not stable across runs, so ties are sorted by text before the seeded draw.
        tied.sort((x, y) -> String.valueOf(x).compareTo(String.valueOf(y)));
        A arm = tied.get(random.nextInt(tied.size()));
        return new Choice<>(arm, best, 1.0 / tied.size());
    }

    /** Chooses the item for one slot of a list, as a shown item with its exact propensity. */
    public static ShownItem chooseItem(
            LinUcb<Integer> policy, Map<Integer, double[]> features, int position, RandomGenerator random) {
        Choice<Integer> c = policy.choose(features, random);
        return new ShownItem(c.arm(), position, policy.name(), c.propensity());
    }

    /** The upper confidence bound of an arm for these features. */
    public synchronized double score(A arm, double[] x) {
        check(x);
        Arm a = arms.get(arm);
        if (a == null) {
            // The prior: theta = 0, A = I.
            return alpha * Math.sqrt(dot(x, x));
        }
        double[] ax = times(a.inverse, x);
        double mean = dot(ax, a.b);
        return mean + alpha * Math.sqrt(Math.max(0, dot(x, ax)));
    }

    /** Learns from the reward an arm got with these features. */
    public synchronized void update(A arm, double[] x, double reward) {
        check(x);
        Arm a = arms.computeIfAbsent(arm, k -> new Arm(dimension));
        double[] ax = times(a.inverse, x);
        double denominator = 1 + dot(x, ax);
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                a.inverse[i][j] -= ax[i] * ax[j] / denominator;
            }
            a.b[i] += reward * x[i];
        }
    }

    private void check(double[] x) {
        if (x.length != dimension) {
            throw new IllegalArgumentException("expected " + dimension + " features, got " + x.length);
        }
    }

    private static double[] times(double[][] m, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = dot(m[i], x);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
