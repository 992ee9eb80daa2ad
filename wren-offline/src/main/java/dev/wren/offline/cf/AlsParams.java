package dev.wren.offline.cf;

/**
 * Implicit ALS's parameters (Hu, Koren and Volinsky, ICDM 2008, as Spark MLlib implements it).
 *
 * @param rank the factor dimension
 * @param regParam the L2 weight; Spark scales it by each user's and item's interaction count
 * @param alpha how much an interaction raises the confidence of its preference: c = 1 + alpha
 * @param iterations alternating passes
 * @param seed the factors' initialisation
 */
public record AlsParams(int rank, double regParam, double alpha, int iterations, long seed) {
    public AlsParams {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be at least 1, got " + rank);
        }
        if (!(regParam >= 0)) {
            throw new IllegalArgumentException("regParam must not be negative, got " + regParam);
        }
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("alpha must be positive, got " + alpha);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        }
    }

    /**
     * Rank 64, regParam 0.3, alpha 3, 15 iterations: in a blend with EASE, the best or near-best setting on the
     * validation splits of ml-100k and ml-latest-small. 10 iterations, a third less time, match it on validation but
     * left the learned ranker below the quality floor on ml-100k (see wren-eval's BENCHMARK.md); large logs run 10
     * ({@link CfParams#alsFor}).
     */
    public static AlsParams defaults(long seed) {
        return new AlsParams(64, 0.3, 3, 15, seed);
    }

    public AlsParams withRank(int r) {
        return new AlsParams(r, regParam, alpha, iterations, seed);
    }

    public AlsParams withRegParam(double r) {
        return new AlsParams(rank, r, alpha, iterations, seed);
    }

    public AlsParams withAlpha(double a) {
        return new AlsParams(rank, regParam, a, iterations, seed);
    }

    public AlsParams withIterations(int n) {
        return new AlsParams(rank, regParam, alpha, n, seed);
    }
}
