package dev.wren.eval.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * Which ranker users prefer in team-draft interleaved lists. Each user's clicks over all their interleaved lists are
 * credited to the teams; the user prefers the team with more credited clicks, or neither. The preference is {@code
 * (users preferring B - users preferring A) / users}; its interval is a percentile bootstrap over users, and its
 * p-value a two-sided sign (binomial) test of B's wins among the users who preferred one. Users are the unit because
 * assignment and behaviour are per user. Stateless.
 */
public final class InterleavingAnalysis {
    /**
     * @param users users with at least one interleaved list
     * @param preferA users who clicked A's items more
     * @param preferB users who clicked B's items more
     * @param ties users with no clicks or as many for each
     * @param clicksA clicks credited to A
     * @param clicksB clicks credited to B
     * @param preference {@code (preferB - preferA) / users}, in [-1, 1], with its bootstrap interval
     * @param signTestP the two-sided sign test's p-value
     */
    public record Result(
            long users,
            long preferA,
            long preferB,
            long ties,
            long clicksA,
            long clicksB,
            Estimate preference,
            double signTestP) {}

    private InterleavingAnalysis() {}

    public static Result analyse(List<AttributedExposure> exposures, double level, int resamples, long seed) {
        Map<Integer, long[]> users = new HashMap<>();
        for (AttributedExposure a : exposures) {
            ExposureRecord x = a.exposure();
            if (x.teams().isEmpty()) {
                continue;
            }
            long[] credit = users.computeIfAbsent(x.userId(), u -> new long[2]);
            for (int i = 0; i < x.items().size(); i++) {
                if (a.clicked().contains(x.items().get(i))) {
                    credit[x.teams().get().get(i).equals("A") ? 0 : 1]++;
                }
            }
        }
        List<Integer> order = new ArrayList<>(users.keySet());
        order.sort(Integer::compare);
        int[] sign = new int[order.size()];
        long clicksA = 0;
        long clicksB = 0;
        long a = 0;
        long b = 0;
        for (int i = 0; i < sign.length; i++) {
            long[] c = users.get(order.get(i));
            clicksA += c[0];
            clicksB += c[1];
            sign[i] = Long.compare(c[1], c[0]);
            if (sign[i] < 0) {
                a++;
            } else if (sign[i] > 0) {
                b++;
            }
        }
        return result(sign, a, b, clicksA, clicksB, level, resamples, seed);
    }

    /** The analysis from per-user outcomes: +1 prefers B, -1 prefers A, 0 neither. */
    public static Result fromSigns(int[] sign, double level, int resamples, long seed) {
        long a = 0;
        long b = 0;
        for (int s : sign) {
            if (s < 0) {
                a++;
            } else if (s > 0) {
                b++;
            }
        }
        return result(sign, a, b, 0, 0, level, resamples, seed);
    }

    private static Result result(
            int[] sign, long a, long b, long clicksA, long clicksB, double level, int resamples, long seed) {
        int n = sign.length;
        double preference = n == 0 ? Double.NaN : (double) (b - a) / n;
        double p = a + b == 0
                ? 1
                : new BinomialTest().binomialTest((int) (a + b), (int) b, 0.5, AlternativeHypothesis.TWO_SIDED);
        Estimate interval = bootstrap(sign, preference, level, resamples, seed);
        return new Result(n, a, b, n - a - b, clicksA, clicksB, interval, p);
    }

    private static Estimate bootstrap(int[] sign, double value, double level, int resamples, long seed) {
        int n = sign.length;
        String method = "percentile bootstrap (" + resamples + " resamples over users)";
        if (n < 2 || resamples < 10) {
            return new Estimate(value, Double.NaN, Double.NaN, Double.NaN, n, method);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            long s = 0;
            for (int i = 0; i < n; i++) {
                s += sign[random.nextInt(n)];
            }
            stats[r] = (double) s / n;
        }
        double alpha = 1 - level;
        Percentile percentile = new Percentile();
        percentile.setData(stats);
        double lower = percentile.evaluate(100 * alpha / 2);
        double upper = percentile.evaluate(100 * (1 - alpha / 2));
        double sd = Math.sqrt(StatUtils.variance(stats));
        return new Estimate(value, sd, lower, upper, n, method);
    }
}
