package dev.wren.eval.experiment;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A point estimate with a two-sided confidence interval.
 *
 * @param value the estimate
 * @param standardError its standard error (NaN when it has none, as with too few units)
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param units how many independent units (users, or decisions) it rests on
 * @param method how the interval was made, e.g. "CLT" or "bootstrap (2000)"
 */
public record Estimate(double value, double standardError, double lower, double upper, long units, String method) {
    /** The normal (CLT) interval {@code value +- z se} at this confidence level. */
    public static Estimate normal(double value, double standardError, long units, double level) {
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
        return new Estimate(value, standardError, value - z * standardError, value + z * standardError, units, "CLT");
    }

    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }
}
