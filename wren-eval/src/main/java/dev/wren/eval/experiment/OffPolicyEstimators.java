package dev.wren.eval.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates the mean reward per slot a target policy would get, from slots logged by another policy. Every interval
 * is a CLT interval with users as the independent units (a user's slots are summed, and the estimate is a ratio of
 * sums with a delta-method standard error), because the slots of one user are not independent.
 *
 * <ul>
 *   <li>{@link #replay}: Li, Chu, Langford and Wang (WSDM 2011). For logs whose slots were filled uniformly at random
 *       among the same candidates: keep the slots where a deterministic target would have chosen the logged item and
 *       average their rewards. Unbiased for such logs; it throws away most slots.
 *   <li>{@link #ips}: inverse propensity scoring, {@code mean(pi(a|x) / p(a|x) r)}. Unbiased whenever the logger gave
 *       every action the target takes a positive propensity; its variance grows with the weights.
 *   <li>{@link #selfNormalisedIps}: {@code sum(w r) / sum(w)}. Slightly biased, much less variable.
 *   <li>{@link #doublyRobust}: the reward model's prediction of the target's choice, corrected by the weighted residual
 *       of the logged action; unbiased when either the propensities or the reward model are right.
 * </ul>
 *
 * Stateless.
 */
public final class OffPolicyEstimators {
    private OffPolicyEstimators() {}

    public static Estimate replay(List<LoggedDecision> logged, TargetPolicy target, double level) {
        Map<Integer, double[]> users = new HashMap<>();
        for (LoggedDecision d : logged) {
            Map<Integer, Double> dist = target.distribution(d.userId(), d.position());
            int choice = deterministic(dist, d);
            double[] acc = users.computeIfAbsent(d.userId(), u -> new double[2]);
            if (choice == d.itemId()) {
                acc[0] += d.reward();
                acc[1] += 1;
            }
        }
        return ratio(users, level, "replay");
    }

    public static Estimate ips(List<LoggedDecision> logged, TargetPolicy target, double level) {
        Map<Integer, double[]> users = new HashMap<>();
        for (LoggedDecision d : logged) {
            double w = weight(d, target);
            double[] acc = users.computeIfAbsent(d.userId(), u -> new double[2]);
            acc[0] += w * d.reward();
            acc[1] += 1;
        }
        return ratio(users, level, "IPS");
    }

    public static Estimate selfNormalisedIps(List<LoggedDecision> logged, TargetPolicy target, double level) {
        Map<Integer, double[]> users = new HashMap<>();
        for (LoggedDecision d : logged) {
            double w = weight(d, target);
            double[] acc = users.computeIfAbsent(d.userId(), u -> new double[2]);
            acc[0] += w * d.reward();
            acc[1] += w;
        }
        return ratio(users, level, "SNIPS");
    }

    public static Estimate doublyRobust(
            List<LoggedDecision> logged, TargetPolicy target, RewardModel model, double level) {
        Map<Integer, double[]> users = new HashMap<>();
        for (LoggedDecision d : logged) {
            Map<Integer, Double> dist = target.distribution(d.userId(), d.position());
            double direct = 0;
            for (Map.Entry<Integer, Double> e : dist.entrySet()) {
                direct += e.getValue() * model.predict(d.userId(), d.position(), e.getKey());
            }
            double w = dist.getOrDefault(d.itemId(), 0.0) / d.propensity();
            double residual = d.reward() - model.predict(d.userId(), d.position(), d.itemId());
            double[] acc = users.computeIfAbsent(d.userId(), u -> new double[2]);
            acc[0] += direct + w * residual;
            acc[1] += 1;
        }
        return ratio(users, level, "DR");
    }

    private static double weight(LoggedDecision d, TargetPolicy target) {
        return target.distribution(d.userId(), d.position()).getOrDefault(d.itemId(), 0.0) / d.propensity();
    }

    private static int deterministic(Map<Integer, Double> dist, LoggedDecision d) {
        for (Map.Entry<Integer, Double> e : dist.entrySet()) {
            if (e.getValue() >= 1 - 1e-9) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("replay needs a deterministic target policy; for user " + d.userId()
                + " at position " + d.position() + " it gave " + dist);
    }

    private static Estimate ratio(Map<Integer, double[]> users, double level, String name) {
        double[] x = new double[users.size()];
        double[] y = new double[users.size()];
        int i = 0;
        for (double[] acc : users.values()) {
            x[i] = acc[0];
            y[i] = acc[1];
            i++;
        }
        Estimate e = RatioStatistic.of(x, y, level);
        return new Estimate(e.value(), e.standardError(), e.lower(), e.upper(), e.units(), name + ", CLT over users");
    }
}
