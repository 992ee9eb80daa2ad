package dev.wren.eval.simulate;

import dev.wren.serving.ab.DuelingBandit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Serving's dueling bandit ({@link DuelingBandit}, DRN's exploration) learning a {@link LinearRanker}'s weights from
 * simulated users: users arrive one after another, drawn uniformly with replacement; each of their lists is a duel
 * (the current weights against a perturbed copy, interleaved), and their clicks reach the bandit as they happen, as
 * serving's event log passes them on. Every so many users the current weights are scored by the expected clicks per
 * list of their top {@value #LIST} over a fixed panel of users, exactly under the click model. Seeded: the same
 * settings give the same curve. Not thread-safe.
 */
public final class DuelSimulation {
    /** The length of every list. */
    public static final int LIST = 10;

    /**
     * @param start the weights the bandit starts from, one per {@link LinearRanker#FEATURES}
     * @param delta how far the perturbed weights are from the current ones
     * @param alpha how far a won duel moves the weights
     * @param users how many user visits (each asks for one or more lists)
     * @param checkpointEvery users between two scorings of the weights
     * @param seed picks the users and drives every random draw
     */
    public record Settings(double[] start, double delta, double alpha, int users, int checkpointEvery, long seed) {
        public Settings {
            start = start.clone();
            if (users < 1 || checkpointEvery < 1) {
                throw new IllegalArgumentException("users and checkpointEvery must be >= 1");
            }
        }
    }

    /**
     * The weights after {@code users} users.
     *
     * @param updates duels B had won by then
     * @param weights the current weights (unit length)
     * @param expectedClicks the mean expected clicks per list of their top over the panel
     */
    public record Checkpoint(int users, long updates, double[] weights, double expectedClicks) {}

    /**
     * A run.
     *
     * @param curve the checkpoints, the first at 0 users (the start)
     * @param shownClicks the mean expected clicks of the interleaved lists users were actually shown while it learned
     * @param lists how many lists were shown
     */
    public record Result(List<Checkpoint> curve, double shownClicks, long lists) {
        public Checkpoint last() {
            return curve.get(curve.size() - 1);
        }
    }

    private final Simulator simulator;
    private final LinearRanker ranker;
    private final List<Integer> population;
    private final List<Integer> panel;

    /** @param panelSize how many users (spread evenly over the sorted ids) score the weights at each checkpoint */
    public DuelSimulation(Simulator simulator, LinearRanker ranker, int panelSize) {
        this.simulator = simulator;
        this.ranker = ranker;
        this.population =
                simulator.truth().userTastes().keySet().stream().sorted().toList();
        int n = Math.min(panelSize, population.size());
        List<Integer> chosen = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            chosen.add(population.get(i * population.size() / n));
        }
        this.panel = List.copyOf(chosen);
    }

    /** The mean expected clicks per list of the top {@value #LIST} by these weights, over the panel. */
    public double expectedClicks(double[] weights) {
        double sum = 0;
        for (int user : panel) {
            sum += simulator.expectedClicks(user, ranker.rank(user, weights, LIST));
        }
        return sum / panel.size();
    }

    public Result run(Settings settings) {
        DuelingBandit bandit = new DuelingBandit(settings.start(), settings.delta(), settings.alpha(), 10_000);
        ListPolicy duel = Policies.duel(ranker, bandit, LIST);
        double[] shown = {0};
        long[] lists = {0};
        ListPolicy recorded = (user, random) -> {
            Served served = duel.serve(user, random);
            shown[0] += simulator.expectedClicks(user, served.items());
            lists[0]++;
            return served;
        };
        List<Checkpoint> curve = new ArrayList<>();
        curve.add(checkpoint(0, bandit));
        SplittableRandom pick = Streams.of(settings.seed(), -1);
        for (int v = 1; v <= settings.users(); v++) {
            int user = population.get(pick.nextInt(population.size()));
            simulator.visit(user, v, "duel", "duel", recorded, 0, settings.seed(), null, null, bandit);
            if (v % settings.checkpointEvery() == 0) {
                curve.add(checkpoint(v, bandit));
            }
        }
        return new Result(List.copyOf(curve), lists[0] == 0 ? 0 : shown[0] / lists[0], lists[0]);
    }

    private Checkpoint checkpoint(int users, DuelingBandit bandit) {
        double[] w = bandit.weights();
        return new Checkpoint(users, bandit.updates(), w, expectedClicks(w));
    }
}
