package dev.wren.offline.samples;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * How samples are labelled, split and padded with negatives.
 *
 * @param labelThreshold a rating at or above this is a positive label
 * @param trainFraction the share of events, in time order, that the time split puts in training
 * @param leaveLastN the last n events of each user that the per-user split holds out
 * @param negativesPerPositive popularity-sampled negatives per positive event; 0 for none
 * @param buckets the number of quantile buckets for count features
 * @param splits the splits whose samples and transforms are written, of {@link #SPLITS}: each costs a fit of the
 *     transforms and a write of every sample
 */
public record SampleParams(
        double labelThreshold,
        double trainFraction,
        int leaveLastN,
        int negativesPerPositive,
        int buckets,
        List<String> splits) {
    /** "time": test events after every training event; "user": each user's last events held out. */
    public static final List<String> SPLITS = List.of("time", "user");

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
        splits = List.copyOf(new LinkedHashSet<>(splits));
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("at least one sample split is needed; splits are " + SPLITS);
        }
        for (String s : splits) {
            if (!SPLITS.contains(s)) {
                throw new IllegalArgumentException("unknown sample split '" + s + "'; splits are " + SPLITS);
            }
        }
    }

    public SampleParams withNegatives(int perPositive) {
        return new SampleParams(labelThreshold, trainFraction, leaveLastN, perPositive, buckets, splits);
    }

    /** The same, writing {@code list}'s splits. */
    public SampleParams withSplits(List<String> list) {
        return new SampleParams(labelThreshold, trainFraction, leaveLastN, negativesPerPositive, buckets, list);
    }

    /** Whether {@code split}'s samples are written. */
    public boolean writes(String split) {
        return splits.contains(split);
    }

    /** Label rating >= 3.5, time split 80/20, leave-last-1, no negatives, 10 buckets; the time split only. */
    public static SampleParams defaults() {
        return new SampleParams(3.5, 0.8, 1, 0, 10, List.of("time"));
    }
}
