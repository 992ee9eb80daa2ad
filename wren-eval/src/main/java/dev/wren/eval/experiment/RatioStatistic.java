package dev.wren.eval.experiment;

/**
 * The ratio of two sums over independent units, {@code sum x / sum y} (clicks per shown item, with users as the
 * units), with its delta-method standard error, so that the interval respects that one user's lists are not
 * independent. With every {@code y = 1} it is the plain mean and its standard error. Stateless.
 */
public final class RatioStatistic {
    private RatioStatistic() {}

    public static Estimate of(double[] x, double[] y, double level) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " numerators, " + y.length + " denominators");
        }
        int n = x.length;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
        }
        if (n == 0 || sy == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n, "CLT (delta method)");
        }
        double r = sx / sy;
        if (n < 2) {
            return new Estimate(r, Double.NaN, Double.NaN, Double.NaN, n, "CLT (delta method)");
        }
        double meanY = sy / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - r * y[i];
            ss += d * d;
        }
        double se = Math.sqrt(ss / (n - 1) / n) / meanY;
        Estimate e = Estimate.normal(r, se, n, level);
        return new Estimate(e.value(), se, e.lower(), e.upper(), n, "CLT (delta method)");
    }

    public static Estimate mean(double[] x, double level) {
        double[] ones = new double[x.length];
        java.util.Arrays.fill(ones, 1);
        Estimate e = of(x, ones, level);
        return new Estimate(e.value(), e.standardError(), e.lower(), e.upper(), e.units(), "CLT");
    }
}
