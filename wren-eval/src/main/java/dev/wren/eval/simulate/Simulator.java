package dev.wren.eval.simulate;

import dev.wren.data.synthetic.HiddenTastes;
import dev.wren.eval.experiment.EventRecord;
import dev.wren.eval.experiment.ExperimentLog;
import dev.wren.eval.experiment.ExposureRecord;
import dev.wren.serving.ab.ClickListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Runs simulated users of a synthetic data set through an experiment and writes what a server would log. Each user
 * has an activity level (log-normal, mean 1): it scales both how many lists they ask for during the experiment
 * ({@code 1 + Poisson(activity (meanRequests - 1))}) and how many events they logged before it ({@code
 * Poisson(activity meanPreEvents)}), so pre-period activity predicts in-experiment clicks as it does on a real site.
 * Users arrive one after another over {@code arrivalSpanMillis}; a user's requests are two hours apart, so each click
 * falls in the attribution window of its own list only. Every user draws from their own seeded stream. Not
 * thread-safe.
 */
public final class Simulator {
    /**
     * @param startMillis when the experiment starts, epoch milliseconds
     * @param arrivalSpanMillis over how long users arrive
     * @param meanRequests mean lists per user during the experiment, >= 1
     * @param meanPreEvents mean events per user before the experiment
     * @param activitySpread the standard deviation of log activity
     */
    public record Settings(
            long startMillis,
            long arrivalSpanMillis,
            double meanRequests,
            double meanPreEvents,
            double activitySpread) {
        public Settings {
            if (!(meanRequests >= 1)) {
                throw new IllegalArgumentException("meanRequests must be >= 1, got " + meanRequests);
            }
        }

        /** 1 December 2026, arrivals over a week, 3 lists per user on average, 10 pre-period events, spread 0.6. */
        public static Settings standard() {
            return new Settings(1_796_083_200_000L, 7L * 24 * 3600 * 1000, 3, 10, 0.6);
        }
    }

    /** What one user did: for the benchmark, which needs no log. */
    public record Visit(int userId, String variant, int lists, int clicks, int preEvents) {}

    private static final long REQUEST_GAP_MS = 2 * 3600 * 1000L;

    private final HiddenTastes truth;
    private final ClickModel model;
    private final Settings settings;
    private final int[] catalogue;

    public Simulator(HiddenTastes truth, ClickModel model, Settings settings) {
        this.truth = truth;
        this.model = model;
        this.settings = settings;
        this.catalogue = SyntheticWorld.movieIds(truth);
    }

    public HiddenTastes truth() {
        return truth;
    }

    public ClickModel model() {
        return model;
    }

    /** The expected clicks on a list for a user under the click model (exact, see {@link ClickModel#expectedClicks}). */
    public double expectedClicks(int userId, List<Integer> items) {
        return model.expectedClicks(truth, userId, items);
    }

    /**
     * Runs an experiment and returns its log.
     *
     * @param users the users, in arrival order; each must be a user of the data set
     * @param experiment the experiment's name
     * @param variantOf each user's variant (null leaves the user out)
     * @param policies each variant's policy
     */
    public ExperimentLog run(
            List<Integer> users,
            String experiment,
            IntFunction<String> variantOf,
            Map<String, ListPolicy> policies,
            long seed) {
        List<ExposureRecord> exposures = new ArrayList<>();
        List<EventRecord> events = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            int user = users.get(i);
            String variant = variantOf.apply(user);
            if (variant == null) {
                continue;
            }
            ListPolicy policy = policies.get(variant);
            if (policy == null) {
                throw new IllegalArgumentException("no policy for variant '" + variant + "'");
            }
            long arrival = settings.startMillis() + settings.arrivalSpanMillis() * i / Math.max(1, users.size());
            visit(user, i, experiment, variant, policy, arrival, seed, exposures, events, null);
        }
        return ExperimentLog.of(exposures, events);
    }

    /**
     * Simulates one user; appends what the server would log to the lists given (which may be null to keep nothing), and
     * tells {@code feedback} (when not null) of each click as it happens, as serving's event log tells a learning
     * policy, so that the user's next list can already differ.
     *
     * @param index the user's place in the run, which picks their random stream
     */
    public Visit visit(
            int user,
            int index,
            String experiment,
            String variant,
            ListPolicy policy,
            long arrival,
            long seed,
            List<ExposureRecord> exposures,
            List<EventRecord> events,
            ClickListener feedback) {
        SplittableRandom random = Streams.of(seed, index);
        Well19937c counts = new Well19937c(random.nextLong());
        double spread = settings.activitySpread();
        double activity = Math.exp(random.nextGaussian() * spread - spread * spread / 2);
        int lists = 1 + poisson(counts, activity * (settings.meanRequests() - 1));
        int pre = poisson(counts, activity * settings.meanPreEvents());
        for (int e = 0; e < pre && events != null; e++) {
            int item = catalogue[random.nextInt(catalogue.length)];
            long at = arrival - 1000L - (long) (random.nextDouble() * 30L * 24 * 3600 * 1000);
            events.add(new EventRecord(
                    user, at, EventRecord.RATING, item, model.rating(truth, user, item, random), at / 1000));
        }
        int clicks = 0;
        for (int r = 0; r < lists; r++) {
            long at = arrival + r * REQUEST_GAP_MS;
            Served served = policy.serve(user, random);
            if (exposures != null) {
                exposures.add(new ExposureRecord(
                        user,
                        at,
                        experiment + "=" + variant,
                        Map.of(experiment, variant),
                        served.items(),
                        served.policy(),
                        served.propensities(),
                        served.teams(),
                        Optional.of(served.teams().isPresent() ? ExposureRecord.INTERLEAVING : ExposureRecord.AB)));
            }
            for (int p = 0; p < served.items().size(); p++) {
                int item = served.items().get(p);
                if (random.nextDouble() >= model.clickProbability(truth, user, item, p)) {
                    continue;
                }
                clicks++;
                if (feedback != null) {
                    feedback.clicked(user, item);
                }
                long clickAt = at + 10_000L + 1000L * p;
                // Decided before the rating draw so that a satisfaction of 0 leaves every other draw as it was.
                boolean leaves = model.satisfaction() > 0 && random.nextDouble() < model.satisfaction();
                if (events != null) {
                    events.add(new EventRecord(user, clickAt, EventRecord.CLICK, item, 1.0, clickAt / 1000));
                }
                if (random.nextDouble() < model.rateShare()) {
                    double rating = model.rating(truth, user, item, random);
                    if (events != null) {
                        events.add(new EventRecord(
                                user, clickAt + 50_000L, EventRecord.RATING, item, rating, (clickAt + 50_000L) / 1000));
                    }
                }
                if (leaves) {
                    break;
                }
            }
        }
        return new Visit(user, variant, lists, clicks, pre);
    }

    private static int poisson(Well19937c random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        return new PoissonDistribution(
                        random, mean, PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS)
                .sample();
    }
}
