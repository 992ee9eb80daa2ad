package dev.wren.eval.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * The sample-ratio-mismatch check: a chi-square goodness-of-fit test of the users seen per variant against the
 * configured shares. A mismatch means assignment or logging is broken (a variant that crashes, loses exposures or is
 * served to bots), and the experiment's other figures cannot be trusted. Stateless.
 *
 * @param observed users per variant
 * @param expectedShare each variant's configured share, normalised over the variants listed
 * @param chiSquare the statistic
 * @param pValue its p-value (degrees of freedom: variants - 1)
 * @param threshold the p-value below which it is flagged
 * @param mismatch whether it is flagged
 */
public record SampleRatioCheck(
        Map<String, Long> observed,
        Map<String, Double> expectedShare,
        double chiSquare,
        double pValue,
        double threshold,
        boolean mismatch) {
    /** The usual threshold: SRM checks run on every experiment, so a false alarm must be rare. */
    public static final double DEFAULT_THRESHOLD = 0.001;

    /**
     * @param observed users per variant (at least two variants)
     * @param shares configured share per variant; every observed variant needs one
     */
    public static SampleRatioCheck test(Map<String, Long> observed, Map<String, Double> shares, double threshold) {
        if (observed.size() < 2) {
            throw new IllegalArgumentException(
                    "a sample-ratio check needs at least two variants, got " + observed.keySet());
        }
        double total = 0;
        for (String v : observed.keySet()) {
            Double share = shares.get(v);
            if (share == null || !(share > 0)) {
                throw new IllegalArgumentException(
                        "no configured share for variant '" + v + "' (configured: " + shares + ")");
            }
            total += share;
        }
        double[] expected = new double[observed.size()];
        long[] counts = new long[observed.size()];
        Map<String, Double> normalised = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Long> e : observed.entrySet()) {
            double share = shares.get(e.getKey()) / total;
            normalised.put(e.getKey(), share);
            expected[i] = share;
            counts[i] = e.getValue();
            i++;
        }
        ChiSquareTest test = new ChiSquareTest();
        double stat = test.chiSquare(expected, counts);
        double p = test.chiSquareTest(expected, counts);
        return new SampleRatioCheck(new LinkedHashMap<>(observed), normalised, stat, p, threshold, p < threshold);
    }
}
