package dev.wren.eval.experiment;

/**
 * The mixture sequential probability ratio test for a difference in means (Johari, Pekelis and Walsh, "Always valid
 * inference", 2017; Johari, Koomen, Pekelis and Walsh, Operations Research 2022), normal approximation: the estimated
 * difference {@code d ~ N(theta, s^2)} with {@code s^2 = varA / nA + varB / nB} (plug-in sample variances), a normal
 * mixing prior {@code theta ~ N(0, tau^2)}, and the likelihood ratio against theta = 0
 *
 * <pre>Lambda = sqrt(s^2 / (s^2 + tau^2)) exp(tau^2 d^2 / (2 s^2 (s^2 + tau^2)))</pre>
 *
 * The always-valid p-value is the running minimum of {@code min(1, 1 / Lambda)} over every look: it may be checked
 * after every user without inflating the false-positive rate, which a fixed-horizon test cannot. Stateless.
 *
 * @param tau the prior's standard deviation of the effect, in the metric's units, > 0
 */
public record MixtureSprt(double tau) {
    public MixtureSprt {
        if (!(tau > 0)) {
            throw new IllegalArgumentException("tau must be > 0, got " + tau);
        }
    }

    /** {@code 1 / Lambda} at one look, capped at 1 (not yet the running minimum). */
    public double pValueAtLook(double difference, double variance) {
        if (!(variance > 0)) {
            return 1;
        }
        double t2 = tau * tau;
        double logLambda = 0.5 * Math.log(variance / (variance + t2))
                + t2 * difference * difference / (2 * variance * (variance + t2));
        return Math.min(1, Math.exp(-logLambda));
    }

    /**
     * The half-width of the always-valid confidence interval at level {@code 1 - alpha} (the differences whose
     * Lambda stays below {@code 1 / alpha}); like the p-value, it holds at every look at once.
     */
    public double halfWidth(double variance, double alpha) {
        double t2 = tau * tau;
        return Math.sqrt(2
                * variance
                * (variance + t2)
                / t2
                * (Math.log(1 / alpha) + 0.5 * Math.log((variance + t2) / variance)));
    }

    /** Folds one more look into a running always-valid p-value. */
    public double update(double runningP, double difference, double variance) {
        return Math.min(runningP, pValueAtLook(difference, variance));
    }
}
