package dev.wren.serving.ab;

import dev.wren.core.explore.TeamDraftInterleaving.Team;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Dueling bandit gradient descent over a ranker's weight vector, as DRN explores (Zheng et al., WWW 2018, after Yue and
 * Joachims, ICML 2009): each duel ranks with the current weights {@code w} (team A) and a perturbed copy {@code w +
 * delta u} (team B), {@code u} a random unit vector, and the two lists are interleaved; when a click goes to B's
 * item, {@code w} moves to {@code w + alpha u}. The first click on a duel's list decides it; a list never clicked teaches
 * nothing. Weights are kept at unit length because a weighted sum ranks the same at any scale, so {@code delta} and
 * {@code alpha} stay steps of a known size. Thread-safe.
 */
public final class DuelingBandit implements ClickListener {
    /**
     * One duel: the weights each team ranked with and the direction B tried.
     *
     * @param weights team A's, the current weights
     * @param perturbed team B's, {@code weights + delta u}
     * @param direction the unit vector {@code u}
     */
    public record Duel(double[] weights, double[] perturbed, double[] direction) {}

    private record Pending(Duel duel, Map<Integer, Team> teams) {}

    private final double delta;
    private final double alpha;
    private final int maxPending;
    private double[] weights;
    private long updates;
    private final Map<Integer, Pending> pending = new LinkedHashMap<>();

    /**
     * @param initial the starting weights, not all zero
     * @param delta how far B's weights are from A's, > 0
     * @param alpha how far a won duel moves the weights, > 0
     * @param maxPending how many users' duels wait for a click; the oldest beyond that is dropped undecided
     */
    public DuelingBandit(double[] initial, double delta, double alpha, int maxPending) {
        if (!(delta > 0 && Double.isFinite(delta))) {
            throw new IllegalArgumentException("duel.delta must be > 0, got " + delta);
        }
        if (!(alpha > 0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("duel.alpha must be > 0, got " + alpha);
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be >= 1, got " + maxPending);
        }
        this.delta = delta;
        this.alpha = alpha;
        this.maxPending = maxPending;
        this.weights = unit(initial.clone());
    }

    /** The current weights, at unit length. */
    public synchronized double[] weights() {
        return weights.clone();
    }

    /** How many duels B has won, each one step of the weights. */
    public synchronized long updates() {
        return updates;
    }

    /** A new duel from the current weights and a direction drawn from the request's random stream. */
    public synchronized Duel propose(RandomGenerator random) {
        double[] u = new double[weights.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = random.nextGaussian();
        }
        u = unit(u);
        double[] b = new double[weights.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = weights[i] + delta * u[i];
        }
        return new Duel(weights.clone(), b, u);
    }

    /** Remembers the interleaved list a user was shown for a duel, replacing that user's undecided one. */
    public synchronized void shown(int userId, Duel duel, List<Integer> items, List<Team> teams) {
        Map<Integer, Team> byItem = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            byItem.put(items.get(i), teams.get(i));
        }
        pending.remove(userId);
        pending.put(userId, new Pending(duel, byItem));
        if (pending.size() > maxPending) {
            var eldest = pending.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /** A click: decides the user's waiting duel when the item was in its list. */
    @Override
    public synchronized void clicked(int userId, int itemId) {
        Pending p = pending.get(userId);
        if (p == null || !p.teams().containsKey(itemId)) {
            return;
        }
        pending.remove(userId);
        if (p.teams().get(itemId) == Team.B) {
            won(p.duel());
        }
    }

    /** B won: the weights step towards the direction it tried. */
    synchronized void won(Duel duel) {
        double[] w = weights.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] += alpha * duel.direction()[i];
        }
        weights = unit(w);
        updates++;
    }

    private static double[] unit(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("weights must be finite and not all zero");
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
        return v;
    }
}
