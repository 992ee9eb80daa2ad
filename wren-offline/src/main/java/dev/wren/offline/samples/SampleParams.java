package dev.wren.offline.samples;

/**
 * How samples are labelled, split and padded with negatives.
 *
 * @param labelThreshold a rating at or above this is a positive label
 * @param trainFraction the share of events, in time order, that the time split puts in training
 * @param leaveLastN the last n events of each user that the per-user split holds out
 * @param negativesPerPositive popularity-sampled negatives per positive event; 0 for none
 * @param buckets the number of quantile buckets for count features
 */
public record SampleParams(
        double labelThreshold, double trainFraction, int leaveLastN, int negativesPerPositive, int buckets) {
    public SampleParams {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("trainFraction must be in (0, 1), got " + trainFraction);
        }
        if (leaveLastN < 1) {
            throw new IllegalArgumentException("leaveLastN must be at least 1, got " + leaveLastN);
        }
        if (negativesPerPositive < 0) {
            throw new IllegalArgumentException("negativesPerPositive must be >= 0, got " + negativesPerPositive);
        }
        if (buckets < 2) {
            throw new IllegalArgumentException("buckets must be at least 2, got " + buckets);
        }
    }

    public SampleParams withNegatives(int perPositive) {
        return new SampleParams(labelThreshold, trainFraction, leaveLastN, perPositive, buckets);
    }

    public static SampleParams defaults() {
        return new SampleParams(3.5, 0.8, 1, 0, 10);
    }
}
