package dev.wren.data.synthetic;

import java.util.Random;

/**
 * How many ratings each user gives: at least the minimum, the rest split by heavy-tailed (log-normal) appetite so
 * that a few users rate hundreds of movies, as in MovieLens. Counts sum to the target unless users hit the catalogue
 * size.
 */
final class ActivityPlan {
    private static final double APPETITE_SPREAD = 1.2;

    private ActivityPlan() {}

    static int[] counts(SyntheticConfig config) {
        int users = config.users();
        Random random = Seeds.random(config.seed(), Seeds.ACTIVITY);
        double[] appetite = new double[users];
        for (int u = 0; u < users; u++) {
            appetite[u] = StrictMath.exp(random.nextGaussian() * APPETITE_SPREAD);
        }
        int cap = config.movies();
        int[] counts = new int[users];
        boolean[] capped = new boolean[users];
        long remaining = config.ratings() - (long) users * config.minRatingsPerUser();
        for (int u = 0; u < users; u++) {
            counts[u] = config.minRatingsPerUser();
        }
        // Water-filling: share out what is left by appetite; users at the cap drop out and their share moves on.
        for (int round = 0; round < 50 && remaining > 0; round++) {
            double open = 0;
            for (int u = 0; u < users; u++) {
                if (!capped[u]) {
                    open += appetite[u];
                }
            }
            if (open == 0) {
                break;
            }
            double cumulative = 0;
            long handedOut = 0;
            long given = 0;
            for (int u = 0; u < users; u++) {
                if (capped[u]) {
                    continue;
                }
                cumulative += appetite[u];
                // Cumulative rounding keeps the sum exact without favouring anyone.
                long upTo = Math.round(remaining * cumulative / open);
                long share = upTo - handedOut;
                handedOut = upTo;
                long room = cap - counts[u];
                long take = Math.min(share, room);
                counts[u] += (int) take;
                given += take;
                if (counts[u] >= cap) {
                    capped[u] = true;
                }
            }
            remaining -= given;
        }
        return counts;
    }
}
