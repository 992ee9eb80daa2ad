package dev.wren.core.explore;

import java.util.random.RandomGenerator;

/**
 * Beta draws as G1 / (G1 + G2) of two Gamma draws by Marsaglia and Tsang (2000), which is exact for shape >= 1, the
 * only shapes a Beta(clicks + 1, misses + 1) posterior has. wren-core takes no library, so the sampler lives here;
 * wren-eval's tests check its draws against Commons Math's Beta distribution.
 */
public final class BetaDraws {
    private BetaDraws() {}

    public static double beta(double a, double b, RandomGenerator random) {
        double x = gamma(a, random);
        double y = gamma(b, random);
        return x / (x + y);
    }

    public static double gamma(double shape, RandomGenerator random) {
        if (shape < 1) {
            throw new IllegalArgumentException("shape must be >= 1, got " + shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
