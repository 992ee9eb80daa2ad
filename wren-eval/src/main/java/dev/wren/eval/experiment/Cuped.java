package dev.wren.eval.experiment;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * CUPED (Deng, Xu, Kohavi and Walker, WSDM 2013): subtract from each user's metric the part its pre-experiment
 * covariate predicts, {@code y - theta (x - mean x)} with {@code theta = cov(y, x) / var(x)} pooled over both arms.
 * The difference in means is unchanged in expectation (the covariate was fixed before assignment) and its variance
 * shrinks by the squared correlation. Stateless.
 */
public final class Cuped {
    /**
     * @param theta the regression coefficient used
     * @param raw the difference in means (B - A) without adjustment
     * @param adjusted the difference in adjusted means
     * @param varianceReduction {@code 1 - var(adjusted) / var(raw)} of the difference's estimate
     */
    public record Result(double theta, Estimate raw, Estimate adjusted, double varianceReduction) {}

    private Cuped() {}

    public static Result compare(double[] yA, double[] xA, double[] yB, double[] xB, double level) {
        if (yA.length != xA.length || yB.length != xB.length) {
            throw new IllegalArgumentException("each user needs a metric and a covariate");
        }
        if (yA.length < 2 || yB.length < 2) {
            throw new IllegalArgumentException(
                    "CUPED needs at least 2 users per arm, got " + yA.length + " and " + yB.length);
        }
        double[] y = concat(yA, yB);
        double[] x = concat(xA, xB);
        double varX = StatUtils.variance(x);
        double theta = varX > 0 ? new Covariance().covariance(y, x) / varX : 0;
        double meanX = StatUtils.mean(x);
        double[] adjA = adjust(yA, xA, theta, meanX);
        double[] adjB = adjust(yB, xB, theta, meanX);
        Estimate raw = difference(yA, yB, level);
        Estimate adjusted = difference(adjA, adjB, level);
        double reduction = 1 - Math.pow(adjusted.standardError() / raw.standardError(), 2);
        return new Result(theta, raw, adjusted, reduction);
    }

    /** B's mean minus A's, with the unpooled (Welch) standard error and a normal interval. */
    public static Estimate difference(double[] a, double[] b, double level) {
        double se = Math.sqrt(StatUtils.variance(a) / a.length + StatUtils.variance(b) / b.length);
        return Estimate.normal(StatUtils.mean(b) - StatUtils.mean(a), se, a.length + b.length, level);
    }

    private static double[] adjust(double[] y, double[] x, double theta, double meanX) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] - theta * (x[i] - meanX);
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
